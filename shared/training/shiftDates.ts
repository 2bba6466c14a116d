import { addDaysToDate } from '../time/calendar.js';
import { londonDateOf, londonWallClockToEpoch, toLondonIso } from '../time/london.js';

/**
 * Moving a training copy's dates (REVIEW.md §4): every date and time by the same number of days, a multiple of 7 so
 * weekdays stay, and times of day as they were on the London wall clock (an instant's offset may change across a clock
 * change; its local time does not).
 */

/** Whether a number of days keeps weekdays: a whole number of weeks, not zero. */
export const isWholeWeeks = (days: number) => Number.isInteger(days) && days !== 0 && days % 7 === 0;

/** A random non-zero whole number of weeks within two years either way, from a source of numbers in [0, 1). */
export function randomShiftDays(random: () => number): number {
  const weeks = 104;
  // 1..104 weeks, forward or back: never zero.
  const n = 1 + Math.floor(random() * weeks);
  return (random() < 0.5 ? -n : n) * 7;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_MONTH = /^\d{4}-\d{2}$/;
/** A wall-clock date and time without an offset, as FORMATS.md writes London times: `2022-06-22T12:00`. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** An instant moved by whole days on the London wall clock: the same local time, the offset of its new date. */
export function shiftInstant(iso: string, days: number): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return iso;
  const localDate = londonDateOf(epoch);
  const local = toLondonIso(epoch).slice(11, 19);
  const [y, m, d] = addDaysToDate(localDate, days).split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = local.split(':').map(Number) as [number, number, number];
  const moved = londonWallClockToEpoch(y, m, d, hh, mm, ss) + (epoch % 1000);
  return toLondonIso(moved);
}

/** A month moved with the days: the month its middle falls in after the move (a month known only as a month stays one). */
export function shiftMonth(month: string, days: number): string {
  return addDaysToDate(`${month}-15`, days).slice(0, 7);
}

/**
 * A moment written as the data writes it (a date, a month, a wall-clock date and time, an instant with an offset),
 * moved by `days` and written the same way. Anything else is left as it is.
 */
export function shiftMoment(text: string, days: number): string {
  if (LOCAL_DATE.test(text)) return addDaysToDate(text, days);
  if (LOCAL_MONTH.test(text)) return shiftMonth(text, days);
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) return addDaysToDate(local[1]!, days) + local[2]!;
  if (WITH_OFFSET.test(text)) return shiftInstant(text, days);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates written in free text: 22/06/2022, 22 June 2022, 22 Jun 2022, 22nd June 2022, 2022-06-22, 22JUN22.

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_OF = new Map<string, number>([...MONTH_NAMES.map((m, i) => [m, i + 1] as const), ...MONTH_NAMES.map((m, i) => [m.slice(0, 3), i + 1] as const), ['sept', 9]]);
const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';

/** One pattern for every form, so a text is read once: each alternative's groups say which form it is. */
export const TEXT_DATE = new RegExp(
  [
    `(\\d{1,2})/(\\d{1,2})/(\\d{4})`,
    `(\\d{1,2})(st|nd|rd|th)?\\s+${MONTH_WORD}\\.?,?\\s+(\\d{4})`,
    // An ISO date may have its time after it: `2022-06-22T12:00`.
    `(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)`,
    `(\\d{2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(\\d{2})`,
  ]
    .map((p) => `(?<![\\p{L}\\p{N}])${p}${p.endsWith('(?!\\d)') ? '' : '(?![\\p{L}\\p{N}])'}`)
    .join('|'),
  'giu',
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const real = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A month written as the text wrote it: full or short, with its capitals. */
function monthLike(written: string, month: number): string {
  const full = MONTH_NAMES[month - 1]!;
  const short = written.replace(/\.$/, '').length <= 4 && written.toLowerCase() !== 'june' && written.toLowerCase() !== 'july';
  const word = short ? (full === 'september' && written.length === 4 ? 'sept' : full.slice(0, 3)) : full;
  if (written === written.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(written) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/**
 * A date found by TEXT_DATE, moved by `days` and written in the form it was found in; null when it is no real date
 * (31/02/2022), which is left as written.
 */
export function shiftTextDate(found: RegExpExecArray, days: number): string | null {
  const g = found;
  if (g[1] !== undefined) {
    const [d, m, y] = [Number(g[1]), Number(g[2]), Number(g[3])];
    if (!real(y, m, d)) return null;
    const [ny, nm, nd] = addDaysToDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, days).split('-').map(Number) as [number, number, number];
    return `${pad(nd, g[1].length)}/${pad(nm, g[2]!.length)}/${ny}`;
  }
  if (g[4] !== undefined) {
    const [d, m, y] = [Number(g[4]), MONTH_OF.get(g[6]!.toLowerCase())!, Number(g[7])];
    if (!real(y, m, d)) return null;
    const [ny, nm, nd] = addDaysToDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, days).split('-').map(Number) as [number, number, number];
    const suffix = g[5] === undefined ? '' : ordinalSuffix(nd, g[5]);
    const between = found[0].slice(g[4].length + (g[5]?.length ?? 0), found[0].length - g[7]!.length);
    const gap = between.replace(new RegExp(g[6]!, 'i'), monthLike(g[6]!, nm));
    return `${pad(nd, g[4].length)}${suffix}${gap}${ny}`;
  }
  if (g[8] !== undefined) {
    const [y, m, d] = [Number(g[8]), Number(g[9]), Number(g[10])];
    if (!real(y, m, d)) return null;
    return addDaysToDate(`${g[8]}-${g[9]}-${g[10]}`, days);
  }
  const [d, m, y] = [Number(g[11]), MONTH_OF.get(g[12]!.toLowerCase())!, 2000 + Number(g[13])];
  if (!real(y, m, d)) return null;
  const [ny, nm, nd] = addDaysToDate(`${y}-${pad(m, 2)}-${pad(d, 2)}`, days).split('-').map(Number) as [number, number, number];
  return `${pad(nd, 2)}${MONTH_NAMES[nm - 1]!.slice(0, 3).toUpperCase()}${pad(ny % 100, 2)}`;
}

function ordinalSuffix(day: number, written: string): string {
  const s = day % 100 >= 11 && day % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return written === written.toUpperCase() ? s.toUpperCase() : s;
}
