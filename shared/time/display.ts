import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { LONDON, londonOffsetMinutes } from './london.js';
import { hasClockTime, type TimeValue } from './precision.js';

/** UK date as probation staff read it: `23 Nov 2026`. */
export function formatUkDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'd MMM yyyy');
}

/** A date as people type it in forms: `23/11/2026`. */
export function ukNumericDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A time as the data knows it: `23 Nov 2026, 14:05` when the clock time is known, `23 Nov 2026` when only the day is,
 * `Nov 2026` for a month, with `around` for approximate times. A date without a known time never shows 00:00.
 */
export function formatTime(t: TimeValue): string {
  const prefix = t.precision === 'approx' ? 'around ' : '';
  if (t.precision === 'month') {
    const [y, m] = t.value.split('-').map(Number) as [number, number];
    return format(new Date(y, m - 1, 1), 'MMM yyyy');
  }
  if (!hasClockTime(t)) return prefix + formatUkDate(t.value);
  return prefix + londonClock(Date.parse(t.value));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as London's wall clock reads it, `23 Nov 2026, 14:05`: shifted by London's offset then (cached per hour,
 * london.ts) and read as UTC, which spares a time-zone lookup per call when a whole chronology is written out.
 */
function londonClock(epochMs: number): string {
  const local = new Date(epochMs + londonOffsetMinutes(epochMs) * 60_000);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}, ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** A moment the app itself recorded (an audit entry, a backup), in London time: `23 Nov 2026, 14:05`. */
export function formatInstant(iso: string): string {
  return londonClock(Date.parse(iso));
}

/** A moment as people type it in forms, in London time: `23/11/2026 14:05` (with seconds only when it has them). */
export function ukNumericMoment(epochMs: number): string {
  const t = new TZDate(epochMs, LONDON);
  return format(t, t.getSeconds() === 0 ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy HH:mm:ss');
}
