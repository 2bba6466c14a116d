import type { CaseRecord } from '../schemas/record.js';
import { earliestInstant } from '../time/london.js';

/**
 * The chronology's order, defined once: by the earliest instant a record could have occurred (a day-precision time is
 * the start of its day), then by id as text. The engine's index, bundles and `as-of` lists all read records in it.
 */
export const byStartThenId = (a: { start: number; id: string }, b: { start: number; id: string }): number =>
  a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Chronology order of two records (byStartThenId, the start worked out for each). */
export const compareByOccurred = (a: CaseRecord, b: CaseRecord): number =>
  byStartThenId({ start: earliestInstant(a.occurred), id: a.id }, { start: earliestInstant(b.occurred), id: b.id });
