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

/** Lines a record spans: its own, plus one for each line break inside a quoted field. */
function linesSpanned(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Read RFC 4180 CSV (quoted fields may span lines; `\n` or `\r\n`), keeping for each record the line it starts on,
 * which is how errors are reported to the user and the command line. Blank lines are skipped but still counted.
 * Line breaks occur only between records or inside quoted fields, so counting them in the fields is exact.
 */
export function readCsv(text: string): CsvTable {
  const records: CsvRow[] = [];
  const problems: CsvTable['problems'] = [];
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    skipEmptyLines: false,
    step: (result) => {
      const cells = result.data;
      const start = line;
      line += linesSpanned(cells);
      for (const e of result.errors) problems.push({ line: start, message: e.message });
      if (cells.length === 1 && cells[0] === '') return;
      records.push({ line: start, cells });
    },
  });
  const [headerRow, ...rows] = records;
  return { header: headerRow?.cells ?? [], rows, problems };
}
