import { localDateTime, parseClock, parseDate } from '../import/dates.js';
import type { TimeValue } from '../time/precision.js';

/** The further offence's date as the GOV.UK date input takes it (day, month and year apart), and its time if known. */
export interface OffenceParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** Errors by the field they belong to; `date` marks the whole date (every part highlighted). */
export type OffenceErrors = Partial<Record<'date' | 'day' | 'month' | 'year' | 'time', string>>;

const LABEL = 'The date of the further offence';

/**
 * Read the further offence's moment, with the GOV.UK date input's messages. Without a time, the offence is known to
 * the day and counts as the end of that day when deciding what came before it.
 */
export function readOffence(parts: OffenceParts, today: string): { ok: true; value: TimeValue } | { ok: false; errors: OffenceErrors } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const errors: OffenceErrors = {};
  const missing = (['day', 'month', 'year'] as const).filter((k) => ({ day, month, year })[k] === '');
  if (missing.length === 3) errors.date = 'Enter the date of the further offence';
  else if (missing.length > 0) errors[missing[0] as 'day'] = `${LABEL} must include a ${missing.join(' and a ')}`;
  else if (!/^\d{4}$/.test(year)) errors.year = 'Year must include 4 numbers';
  else if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) errors.date = `${LABEL} must be a real date`;
  const date = Object.keys(errors).length === 0 ? parseDate(`${day}/${month}/${year}`) : null;
  if (date && !date.ok) errors.date = `${LABEL} must be a real date`;
  else if (date?.ok && date.value > today) errors.date = `${LABEL} must be today or in the past`;
  const clock = parts.time.trim() ? parseClock(parts.time) : null;
  if (clock && !clock.ok) errors.time = 'Enter the time on the 24-hour clock, like 02:17, or leave it blank';
  if (Object.keys(errors).length > 0 || !date?.ok) return { ok: false, errors };
  return { ok: true, value: clock?.ok ? localDateTime(date.value, clock.value) : { value: date.value, precision: 'day' } };
}
