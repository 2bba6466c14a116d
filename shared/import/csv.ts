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

export interface CsvPiece {
  rows: CsvRow[];
  problems: { line: number; message: string }[];
  /** The line the next piece starts on. */
  nextLine: number;
}

/**
 * Parse a run of whole CSV records starting at `firstLine`, keeping for each the line it starts on, which is how
 * errors are reported to the user and the command line. Blank lines are skipped but still counted. Line breaks
 * occur only between records or inside quoted fields, so counting them in the fields is exact.
 */
export function parseCsvPiece(whole: string, firstLine: number): CsvPiece {
  const rows: CsvRow[] = [];
  const problems: CsvPiece['problems'] = [];
  // The final line ending closes the last record; parsed, it would read as one more (empty) record.
  const text = whole.replace(/\r?\n$/, '');
  if (text === '') return { rows, problems, nextLine: firstLine + (whole === '' ? 0 : 1) };
  let line = firstLine;
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
      rows.push({ line: start, cells });
    },
  });
  return { rows, problems, nextLine: line };
}

/** Read RFC 4180 CSV (quoted fields may span lines; `\n` or `\r\n`) whole: the header and every record. */
export function readCsv(text: string): CsvTable {
  const { rows: records, problems } = parseCsvPiece(text, 1);
  const [headerRow, ...rows] = records;
  return { header: headerRow?.cells ?? [], rows, problems };
}
