import type { CaseIndex } from '../engine/caseIndex.js';
import { safeCsvCell } from '../domain/csvExport.js';
import { annotationsByRecord } from '../review/annotations.js';
import type { Review } from '../schemas/review.js';
import { CSV_HEADER, csvRow } from './chronology.js';

/**
 * The whole chronology as CSV (issue 15, item 4): every record of the case in chronology order, in the tabular
 * timeline's columns, for a spreadsheet. No cell can start a formula; UTF-8 with a byte-order mark, so Excel reads the
 * accents and curly quotes right; lines end CRLF (RFC 4180).
 */

/** Rows between progress reports: often enough for a progress bar, rarely enough to cost nothing. */
const ROWS_PER_STEP = 5_000;

/** The CSV a step at a time, so the window can show progress and stay responsive; `redact` for the redacted copy. */
export function* chronologyCsvSteps(index: CaseIndex, review: Review | null, redact: (s: string) => string = (s) => s): Generator<{ done: number; total: number }, string> {
  const annotations = annotationsByRecord(review);
  const total = index.records.length;
  const lines = [`\uFEFF${CSV_HEADER.map(safeCsvCell).join(',')}`];
  for (let i = 0; i < total; i++) {
    if (i % ROWS_PER_STEP === 0) yield { done: i, total };
    lines.push(csvRow(index, review, annotations, index.records[i]!).map((cell) => safeCsvCell(redact(cell))).join(','));
  }
  yield { done: total, total };
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole CSV at once, for the command line and tests. */
export function chronologyCsv(index: CaseIndex, review: Review | null, redact?: (s: string) => string): string {
  const steps = chronologyCsvSteps(index, review, redact);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
