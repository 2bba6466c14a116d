import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { parseDateTime } from '../../../../shared/import/dates.js';
import { latestInstant, LONDON } from '../../../../shared/time/london.js';

const happeningsByCase = new WeakMap<CaseIndex, Float64Array>();

/** Every instant at which some record (or the further offence) certainly happened, ascending: where steps stop. */
export function happeningsOf(index: CaseIndex): Float64Array {
  let found = happeningsByCase.get(index);
  if (!found) happeningsByCase.set(index, (found = Float64Array.from(new Set([...index.times.map((t) => t.happened), index.offenceHappened])).sort()));
  return found;
}

/**
 * The next (or previous) moment at which some record certainly happened: stepping there reveals that record and
 * nothing later. `happenings` is ascending.
 */
export function stepToRecord(happenings: Float64Array, cursor: number, direction: -1 | 1): number {
  let lo = 0;
  let hi = happenings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((happenings[mid] as number) <= cursor) lo = mid + 1;
    else hi = mid;
  }
  // lo: the first happening after the cursor.
  if (direction === 1) return happenings[lo] ?? cursor;
  let k = lo - 1;
  while (k >= 0 && (happenings[k] as number) >= cursor) k--;
  return happenings[k] ?? cursor;
}

/** Move by whole London days (a day across a clock change is 23 or 25 hours). */
export function stepDays(cursor: number, days: number): number {
  return addDays(new TZDate(cursor, LONDON), days).getTime();
}

/** A date (the end of that day) or a date and time typed by the user, as nDelius and spreadsheets write them. */
export function parseMoment(text: string): { ok: true; at: number; dateOnly: boolean } | { ok: false; message: string } {
  const parsed = parseDateTime(text.trim());
  if (!parsed.ok) return { ok: false, message: 'Enter a date like 22/09/2023, or a date and time like 22/09/2023 14:30' };
  return { ok: true, at: latestInstant(parsed.value), dateOnly: parsed.value.precision === 'day' };
}
