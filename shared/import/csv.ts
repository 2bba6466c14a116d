import Papa from 'papaparse';

/** One record of a CSV file, with the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Malformed quoting and the like, by the line it is on, and the column when it is known. */
export interface CsvProblem {
  line: number;
  column?: string;
  message: string;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/**
 * The longest cell accepted: far beyond any real note (nDelius notes run to a few thousand characters), and a bound
 * on what one hostile cell can make the app hold. It also bounds a quoted field while the file is read, so a stray
 * quote cannot swallow the rest of the file: a field this long would be refused anyway.
 */
export const MAX_CELL_CHARS = 100_000;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;

interface Scan {
  /** Where the whole records end: after the last line break that ends a record. */
  end: number;
  /** A quoted field that does not close within the bound (or before the end of the file), from its opening quote. */
  unclosed?: { at: number; field: number; atEnd: boolean };
}

/**
 * Find where the whole records in `text` end, reading quotes exactly as Papa Parse does: a quote opens a quoted field
 * only as the field's first character; inside, `""` is a quote, and a quote closes the field only when spaces and then
 * a comma, a line break or the end of the file follow it (any other quote is part of the field). `final` says the
 * text runs to the end of the file; otherwise a record still open at the end is left for the next chunk.
 */
function scanRecords(text: string, final: boolean): Scan {
  let end = 0;
  let field = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && fieldStart) {
      let chars = 0;
      let from = i + 1;
      let close = -1;
      while (close === -1) {
        const q = text.indexOf('"', from);
        chars += (q === -1 ? text.length : q) - from;
        if (chars > MAX_CELL_CHARS) return { end, unclosed: { at: i, field, atEnd: false } };
        if (q === -1 || (q === text.length - 1 && !final)) return final ? { end, unclosed: { at: i, field, atEnd: true } } : { end };
        if (text.charCodeAt(q + 1) === QUOTE) {
          chars++;
          from = q + 2;
          continue;
        }
        let k = q + 1;
        while (text.charCodeAt(k) === SPACE) k++;
        // What follows the quote is in the next chunk: the record is finished there.
        if (!final && (k >= text.length || (text.charCodeAt(k) === CR && k + 1 >= text.length))) return { end };
        const n = text.charCodeAt(k);
        if (k >= text.length || n === COMMA || n === LF || (n === CR && text.charCodeAt(k + 1) === LF)) close = k;
        else {
          chars++;
          from = q + 1;
        }
      }
      // Carry on at the comma or line break that closed the field.
      i = close - 1;
      fieldStart = false;
    } else if (c === COMMA) {
      field++;
      fieldStart = true;
    } else if (c === LF) {
      end = i + 1;
      field = 0;
      fieldStart = true;
    } else fieldStart = false;
  }
  return { end: final ? text.length : end };
}

/** Lines a record spans: its own, plus one for each line break inside a quoted field. */
function linesSpanned(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) lines++;
  return lines;
}

export interface CsvPiece {
  rows: CsvRow[];
  problems: CsvProblem[];
  /** The line the next piece starts on. */
  nextLine: number;
  /** Characters of the text read: the records parsed (the rest is an unfinished record, for the next chunk). */
  consumed: number;
  /** A quoted field never closed: the records before it are read, and nothing after it can be. */
  stopped: boolean;
}

/** Parse a run of whole CSV records with Papa Parse, keeping the line each starts on. */
function parseRecords(text: string, firstLine: number, rows: CsvRow[], problems: CsvProblem[]): number {
  if (text === '') return firstLine;
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
  // A final line ending closes the last record, and Papa Parse reads one more, empty, record after it: not a line.
  // (The line ending is kept, not cut off: `"" ` closes a field before a line break but not at the end of the text.)
  return text.endsWith('\n') ? line - 1 : line;
}

const lineNumber = (n: number) => n.toLocaleString('en-GB');

/**
 * Parse the whole CSV records at the start of `text`, which starts on `firstLine`, keeping for each the line it
 * starts on, which is how errors are reported to the user and the command line. Blank lines are skipped but still
 * counted. Line breaks occur only between records or inside quoted fields, so counting them in the fields is exact.
 * A quoted field that runs past MAX_CELL_CHARS, or to the end of the file, stops the reading there with a problem
 * naming its line and column (from `header`; until the header is known, the piece's first record is the header).
 */
export function parseCsvPiece(text: string, firstLine: number, final: boolean, header?: readonly string[]): CsvPiece {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const scan = scanRecords(text, final);
  const nextLine = parseRecords(text.slice(0, scan.end), firstLine, rows, problems);
  if (!scan.unclosed) return { rows, problems, nextLine, consumed: scan.end, stopped: false };
  const { at, field, atEnd } = scan.unclosed;
  let line = nextLine;
  for (let i = text.indexOf('\n', scan.end); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const names = header ?? rows[0]?.cells;
  const column = names?.[field]?.trim() || `${field + 1}`;
  const where = `a quote opened in column '${column}' on line ${lineNumber(line)}`;
  problems.push({
    line,
    column,
    message: atEnd
      ? `${where} is never closed`
      : `${where} is not closed within ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters (the longest cell Foresight accepts), so the rest of the file was not read`,
  });
  return { rows, problems, nextLine: line, consumed: scan.end, stopped: true };
}

/** Read RFC 4180 CSV (quoted fields may span lines; `\n` or `\r\n`) whole: the header and every record. */
export function readCsv(text: string): CsvTable {
  const { rows: records, problems } = parseCsvPiece(text, 1, true);
  const [headerRow, ...rows] = records;
  return { header: headerRow?.cells ?? [], rows, problems };
}
