import type { CaseRecord } from '../schemas/record.js';

/** One line for the chronology: the record's subject, else the first line of its notes. */
export function oneLineSummary(record: CaseRecord, max = 160): string {
  const notes = record.notes?.split(/\r?\n/).find((l) => l.trim() !== '')?.trim();
  const text = record.kind === 'information' ? record.summary : notes ?? record.summary;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
