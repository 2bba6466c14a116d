import { parseClock, parseDate, parseDateTime } from '../import/dates.js';
import type { Episode } from '../schemas/review.js';
import { APPRAISAL_NAMES } from './words.js';
import { formatTime, ukNumericDate } from '../time/display.js';
import { decisionInstant } from './flags.js';

/** An appraisal as the reviewer reads it. */

/** The decision moment typed in a form: a date (DD/MM/YYYY) and, if known, a time (HH:mm), London wall clock. */
export interface DecisionParts {
  date: string;
  time: string;
}

export type DecisionRead = { ok: true; decisionAt: string } | { ok: false; field: keyof DecisionParts; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The decision moment as the review stores it (`2022-06-22T12:00`, or `2022-06-22` for some time that day, which the
 * checks read as the end of that day), from what was typed.
 */
export function readDecision(parts: DecisionParts): DecisionRead {
  if (!parts.date.trim()) return { ok: false, field: 'date', message: 'Enter the date of the decision' };
  const date = parseDate(parts.date);
  if (!date.ok) return { ok: false, field: 'date', message: 'Enter the date of the decision as a real date, like 22/06/2022' };
  if (!parts.time.trim()) return { ok: true, decisionAt: date.value };
  const clock = parseClock(parts.time);
  if (!clock.ok) return { ok: false, field: 'time', message: 'Enter the time as hours and minutes on the 24-hour clock, like 14:30, or leave it blank' };
  return { ok: true, decisionAt: `${date.value}T${pad(clock.value.hour)}:${pad(clock.value.minute)}` };
}

/** A stored decision moment back in the form's two fields (London wall clock). */
export function decisionParts(decisionAt: string): DecisionParts {
  const parsed = parseDateTime(decisionAt);
  if (!parsed.ok) return { date: decisionAt, time: '' };
  const { value } = parsed.value;
  return { date: ukNumericDate(value.slice(0, 10)), time: value.length > 10 ? value.slice(11, 16) : '' };
}

/** A decision moment for people to read: `22 Jun 2022, 12:00`, or the date alone when no time was given. */
export function decisionText(decisionAt: string): string {
  const parsed = parseDateTime(decisionAt);
  return parsed.ok ? formatTime(parsed.value) : decisionAt;
}

/** Episodes in the order of their decisions (those whose moment cannot be read last, as written). */
export function byDecision<E extends Pick<Episode, 'decisionAt'>>(episodes: readonly E[]): E[] {
  const at = (e: E) => decisionInstant(e) ?? Infinity;
  return [...episodes].sort((a, b) => at(a) - at(b));
}

export interface EpisodeNames {
  officer: (code: string) => string;
  policy: (id: string) => string;
  factor: (id: string) => string;
  record: (id: string) => string;
}

/** A list's change in words: `records: … added, … taken off` (null: unchanged). */
export const listChange = (name: string, before: readonly string[], after: readonly string[], label: (id: string) => string): string | null => {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const parts = [...added.map((x) => `${label(x)} added`), ...removed.map((x) => `${label(x)} taken off`)];
  return parts.length > 0 ? `${name}: ${parts.join(', ')}` : null;
};

/** What changed in an episode, in the trail's words: `Key practice episode E1: appraised as problematic`. */
export function describeEpisodeChange(before: Episode, after: Episode, names: EpisodeNames): string {
  const parts = [
    before.title !== after.title ? `title changed to "${after.title}"` : null,
    before.decisionAt !== after.decisionAt ? `decision moment set to ${decisionText(after.decisionAt)}` : null,
    before.officer !== after.officer ? (after.officer ? `officer set to ${names.officer(after.officer)}` : 'officer set to whoever held the case then') : null,
    listChange('records', before.records, after.records, names.record),
    before.whatHappened !== after.whatHappened ? 'what happened changed' : null,
    before.appraisal !== after.appraisal ? (after.appraisal ? `appraised as ${APPRAISAL_NAMES[after.appraisal].toLowerCase()}` : 'appraisal taken off') : null,
    listChange('policies', before.policies, after.policies, names.policy),
    listChange('factors', before.factors, after.factors, names.factor),
  ].filter((p): p is string => p !== null);
  return `Key practice episode ${after.id}: ${parts.length > 0 ? parts.join('; ') : 'changed'}`;
}
