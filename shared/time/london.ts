import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { hasClockTime, type TimeValue } from './precision.js';

/** Every wall-clock time in the product is Europe/London (GMT in winter, BST in summer). */
export const LONDON = 'Europe/London';

const DAY_MS = 86_400_000;

/** Epoch ms of a London wall-clock time. At the spring-forward gap the time is moved on by the gap, as clocks do. */
export function londonWallClockToEpoch(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return new TZDate(year, month - 1, day, hour, minute, second, LONDON).getTime();
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
  return format(new TZDate(epochMs, LONDON), 'yyyy-MM-dd');
}

/** ISO string with London offset, e.g. `2022-06-22T12:00:00+01:00`. */
export function toLondonIso(epochMs: number): string {
  return format(new TZDate(epochMs, LONDON), "yyyy-MM-dd'T'HH:mm:ssxxx");
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
