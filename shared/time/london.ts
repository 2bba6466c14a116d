import { TZDate } from '@date-fns/tz';
import { hasClockTime, type TimeValue } from './precision.js';

/** Every wall-clock time in the product is Europe/London (GMT in winter, BST in summer). */
export const LONDON = 'Europe/London';

const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * London's offset from UTC in minutes (0 in GMT, 60 in BST) at an instant. Clocks change on the hour, so the offset
 * is cached per UTC hour: exact, and it keeps importing 100,000 rows from spending its time in time-zone rules.
 */
export function londonOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(hour * HOUR_MS, LONDON).getTimezoneOffset();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** Epoch ms of a London wall-clock time. At the spring-forward gap the time is moved on by the gap, as clocks do. */
export function londonWallClockToEpoch(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = londonOffsetMinutes(asUtc);
  const epoch = asUtc - offset * 60_000;
  // Near a clock change the two readings disagree: let the time-zone library settle gaps and repeats.
  if (londonOffsetMinutes(epoch) !== offset) return new TZDate(year, month - 1, day, hour, minute, second, LONDON).getTime();
  return epoch;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The London wall-clock fields of an instant, read from a shifted UTC date. */
function londonFields(epochMs: number): { date: string; time: string; offset: number } {
  const offset = londonOffsetMinutes(epochMs);
  const d = new Date(epochMs + offset * 60_000);
  return {
    date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`,
    offset,
  };
}

function splitDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Start of a London calendar day (`YYYY-MM-DD`), as epoch ms. */
export function startOfLondonDay(date: string): number {
  const [y, m, d] = splitDate(date);
  return londonWallClockToEpoch(y, m, d);
}

/** Last millisecond of a London calendar day: 23 or 25 hours after its start on clock-change days. */
export function endOfLondonDay(date: string): number {
  const [y, m, d] = splitDate(date);
  const next = new Date(Date.UTC(y, m - 1, d) + DAY_MS);
  return londonWallClockToEpoch(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()) - 1;
}

/** The London calendar date (`YYYY-MM-DD`) of an instant. */
export function londonDateOf(epochMs: number): string {
  return londonFields(epochMs).date;
}

/** ISO string with London offset, e.g. `2022-06-22T12:00:00+01:00`. */
export function toLondonIso(epochMs: number): string {
  const { date, time, offset } = londonFields(epochMs);
  return `${date}T${time}+${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`;
}

function monthBounds(value: string): [number, number] {
  const [y, m] = value.split('-').map(Number) as [number, number];
  const start = londonWallClockToEpoch(y, m, 1);
  const nextStart = m === 12 ? londonWallClockToEpoch(y + 1, 1, 1) : londonWallClockToEpoch(y, m + 1, 1);
  return [start, nextStart - 1];
}

/** The earliest instant a time could be: what a chronology sorts by. */
export function earliestInstant(t: TimeValue): number {
  if (hasClockTime(t)) return Date.parse(t.value);
  if (t.precision === 'month') return monthBounds(t.value)[0];
  return startOfLondonDay(t.value);
}

/**
 * The latest instant a time could be. Deciding what had happened or been recorded by a moment uses this,
 * so nothing is presumed known earlier than it could have been.
 */
export function latestInstant(t: TimeValue): number {
  if (hasClockTime(t)) return Date.parse(t.value);
  if (t.precision === 'month') return monthBounds(t.value)[1];
  return endOfLondonDay(t.value);
}

/** The London calendar date a time falls on (the month's first day for month precision). */
export function londonDateOfTime(t: TimeValue): string {
  if (hasClockTime(t)) return londonDateOf(Date.parse(t.value));
  return t.precision === 'month' ? `${t.value}-01` : t.value;
}

/**
 * earliestInstant and latestInstant remembered by value: a case's records share a few thousand dates, so indexing
 * 100,000 records works each one out once.
 */
export function instantCache(): { earliest: (t: TimeValue) => number; latest: (t: TimeValue) => number } {
  const earliest = new Map<string, number>();
  const latest = new Map<string, number>();
  // The value alone decides the instants: its shape (month, date or instant) says what `approx` would.
  const remembered = (cache: Map<string, number>, f: (t: TimeValue) => number) => (t: TimeValue) => {
    let v = cache.get(t.value);
    if (v === undefined) cache.set(t.value, (v = f(t)));
    return v;
  };
  return { earliest: remembered(earliest, earliestInstant), latest: remembered(latest, latestInstant) };
}
