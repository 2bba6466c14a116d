import Papa from 'papaparse';

/** One record of a CSV file, with the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Malformed quoting and the like, by the line the record starts on. */
  problems: { line: number; message: string }[];
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Read RFC 4180 CSV (quoted fields may span lines; `\n` or `\r\n`), keeping for each record the line it starts on,
 * which is how errors are reported to the user and the command line. Blank lines are skipped but still counted.
 */
export function readCsv(text: string): CsvTable {
  const records: CsvRow[] = [];
  const problems: CsvTable['problems'] = [];
  let line = 1;
  let position = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    skipEmptyLines: false,
    step: (result) => {
      // The cursor stands after the record's own line ending, so the lines between it and the last one are this
      // record's: one, or more when a quoted field spans lines.
      const start = line;
      line += countNewlines(text, position, result.meta.cursor);
      position = result.meta.cursor;
      for (const e of result.errors) problems.push({ line: start, message: e.message });
      const cells = result.data;
      if (cells.length === 1 && cells[0] === '') return;
      records.push({ line: start, cells });
    },
  });
  const [headerRow, ...rows] = records;
  return { header: headerRow?.cells ?? [], rows, problems };
}
