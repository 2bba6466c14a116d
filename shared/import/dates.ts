import { londonWallClockToEpoch, toLondonIso } from '../time/london.js';
import type { TimeValue } from '../time/precision.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel's serial day 1 is 1 Jan 1900, with its phantom 29 Feb 1900; serial 25569 is 1 Jan 1970. */
function excelSerialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function excelSerialTime(serial: number): { hour: number; minute: number; second: number } {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  return { hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
}

const EXCEL_SERIAL = /^\d{4,5}(\.\d+)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ISO_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A calendar date: `YYYY-MM-DD`, `DD/MM/YYYY` (never read as MM/DD/YYYY), or an Excel serial number.
 * `31/02/2022` is an error, never 3 March.
 */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const ymd = YMD.exec(s);
  const dmy = DMY.exec(s);
  if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (EXCEL_SERIAL.test(s)) {
    const serial = Number(s);
    if (serial < 20000 || serial > 80000) return fail('not a date (Excel serial number out of range)');
    return { ok: true, value: excelSerialToDate(Math.floor(serial)) };
  } else return fail('not a date (expected YYYY-MM-DD or DD/MM/YYYY)');
  if (!isRealDate(y, m, d)) {
    return fail(dmy && m > 12 ? 'not a real date (dates are read as DD/MM/YYYY)' : 'not a real date');
  }
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

/** A clock time `HH:mm` or `HH:mm:ss`. */
export function parseClock(raw: string): Parsed<{ hour: number; minute: number; second: number }> {
  const t = TIME.exec(raw.trim());
  if (!t) return fail('not a time (expected HH:mm)');
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return fail('not a real time');
  return { ok: true, value: { hour, minute, second } };
}

/** A London wall-clock date and time as an exact time value. */
export function localDateTime(date: string, clock: { hour: number; minute: number; second: number }): TimeValue {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { value: toLondonIso(londonWallClockToEpoch(y, m, d, clock.hour, clock.minute, clock.second)), precision: 'exact' };
}

/**
 * A date or a datetime: a date alone is day precision (some time that day); a datetime without an offset is London
 * wall-clock time; one with an offset is taken as given. Excel serials with a fraction carry a time.
 */
export function parseDateTime(raw: string): Parsed<TimeValue> {
  const s = raw.trim();
  if (EXCEL_SERIAL.test(s) && s.includes('.')) {
    const date = parseDate(s);
    if (!date.ok) return date;
    return { ok: true, value: localDateTime(date.value, excelSerialTime(Number(s))) };
  }
  const split = s.match(/^([^T\s]+)(?:[T ](.+))?$/);
  if (!split) return fail('not a date');
  const [, datePart, timePart] = split as unknown as [string, string, string | undefined];
  const date = parseDate(datePart);
  if (!date.ok) return date;
  if (timePart === undefined) return { ok: true, value: { value: date.value, precision: 'day' } };
  const offset = ISO_OFFSET.exec(timePart);
  if (offset && YMD.test(datePart)) {
    const ms = Date.parse(`${date.value}T${timePart}`);
    const clock = parseClock(timePart.slice(0, timePart.length - offset[0].length));
    if (!clock.ok || Number.isNaN(ms)) return fail('not a real date and time');
    return { ok: true, value: { value: toLondonIso(ms), precision: 'exact' } };
  }
  const clock = parseClock(timePart);
  if (!clock.ok) return clock;
  return { ok: true, value: localDateTime(date.value, clock.value) };
}

const GAP_WARNING = 'this time did not exist in London (the clocks went forward): read as one hour later';

/**
 * A wall-clock time in the hour skipped when the clocks go forward cannot have happened as written; it is read
 * as the same moment an hour on, and the importer says so. True when `value` differs from the clock time typed.
 */
export function skippedByClockChange(clock: { hour: number; minute: number }, value: TimeValue): boolean {
  const typed = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  return value.precision === 'exact' && value.value.slice(11, 16) !== typed;
}

export { GAP_WARNING };
