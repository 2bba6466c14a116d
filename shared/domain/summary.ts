import type { CaseRecord } from '../schemas/record.js';

/** One line for the chronology: the record's subject, else the first line of its notes. */
export function oneLineSummary(record: CaseRecord, max = 160): string {
  const notes = record.notes?.split(/\r?\n/).find((l) => l.trim() !== '')?.trim();
  const text = record.kind === 'information' ? record.summary : notes ?? record.summary;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a record is, in plain words before any code: `OASys assessment completed (C004)`, `Information held by Police`. */
export function whatHappened(record: CaseRecord): string {
  if (record.kind === 'information') {
    return record.sourceAgency.trim().toLowerCase() === 'probation' ? 'Information held by probation' : `Information held by ${record.sourceAgency}`;
  }
  return plainThenCode(record.typeDescription, record.typeCode) || 'Contact of no stated type';
}

/** A description with its code after it, in brackets; either alone when that is all there is. */
export function plainThenCode(description: string | undefined, code: string | undefined): string {
  if (description && code && description.trim().toUpperCase() !== code.trim().toUpperCase()) return `${description} (${code})`;
  return description ?? code ?? '';
}
