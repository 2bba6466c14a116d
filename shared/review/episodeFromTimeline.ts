import type { CaseIndex } from '../engine/caseIndex.js';
import { FULL } from '../engine/foresight.js';
import { count } from '../domain/words.js';
import type { Episode, Review } from '../schemas/review.js';
import type { TimeValue } from '../time/precision.js';
import { nextId, putItem, type ReviewEdit } from './edits.js';

/**
 * A key practice episode made from the Timeline: at the cursor, from records picked one by one, or from the records
 * between two moments. With hindsight off only what the officer could know at the cursor can be picked, so an episode
 * made in foresight never starts from a record held back from its view.
 */

/**
 * Whether the record at `position` may be picked: only one shown in full (with hindsight off: known to the officer,
 * or on the record, at the cursor). Never a placeholder, and never one read only by a hindsight reveal.
 */
export function pickable(shown: Uint8Array, position: number): boolean {
  return shown[position] === FULL;
}

/** The records that may be picked and happened between two moments (both included), in chronology order. */
export function recordsBetween(index: CaseIndex, shown: Uint8Array, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < index.records.length; i++) {
    // A record known only to the day (or month) counts at the latest it could have been: it certainly happened by then.
    const happened = index.times[i]!.happened;
    if (happened >= from && happened <= to && pickable(shown, i)) out.push(index.records[i]!.id);
  }
  return out;
}

/**
 * A moment as an episode's decisionAt holds it (REVIEW.md §1): the London wall clock, to the minute (to the second
 * when it has seconds), or a date alone, meaning the end of that day.
 */
export function decisionAtOf(t: TimeValue): string {
  if (!t.value.includes('T')) return t.value;
  const seconds = t.value.slice(16, 19);
  return t.value.slice(0, 16) + (seconds === ':00' ? '' : seconds);
}

export interface EpisodeDraft {
  title: string;
  decisionAt: string;
  /** Null: whoever held the case at the decision (the episode follows the allocations). */
  officer: string | null;
  records: readonly string[];
}

/** The new episode, with the next free id, and the edit that adds it, saying in the trail where it came from. */
export function newEpisode(review: Review | null, draft: EpisodeDraft): { episode: Episode; edit: ReviewEdit } {
  const episode: Episode = {
    id: nextId(review, 'episodes'),
    title: draft.title.trim(),
    decisionAt: draft.decisionAt,
    ...(draft.officer ? { officer: draft.officer } : {}),
    records: [...draft.records],
    whatHappened: '',
    policies: [],
    factors: [],
  };
  const from = draft.records.length === 0 ? 'at the cursor' : `from ${count(draft.records.length, 'record')}`;
  return { episode, edit: { ...putItem('episodes', episode, true), what: `Key practice episode ${episode.id} added from the timeline, ${from}: "${episode.title}"` } };
}
