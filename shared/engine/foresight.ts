import type { CaseIndex } from './caseIndex.js';
import { isFiltering, matchesFilter, NO_FILTER, type RecordFilter } from './filters.js';
import { FORESIGHT_SHOWS, KNOWLEDGE_STATES, type KnowledgeState } from './knowledge.js';

/** How a record shows at a moment: not at all, as a counted placeholder, in full, or in full by a hindsight reveal. */
export const HIDDEN = 0;
export const PLACEHOLDER = 1;
export const FULL = 2;
export const REVEALED = 3;

/** What decides how records show, beside their states: the filters, hindsight, and the records revealed. */
export interface ShowingChoices {
  filter: RecordFilter;
  hindsight: boolean;
  revealed: ReadonlySet<string>;
}

const SHOWS = KNOWLEDGE_STATES.map((s) => FORESIGHT_SHOWS[s]);
// A content filter says something about a record's content: a placeholder never matches one, or the filter would tell.
const contentFilter = (f: RecordFilter): RecordFilter => ({ ...f, state: '' });

/** Which records a content filter matches, worked out once per case and filter (not on every step of the cursor). */
const matches = new WeakMap<CaseIndex, { filter: RecordFilter; mask: Uint8Array }>();
function contentMatches(index: CaseIndex, filter: RecordFilter): Uint8Array {
  const found = matches.get(index);
  if (found?.filter === filter) return found.mask;
  const content = contentFilter(filter);
  // The state a record is in plays no part in a content filter: any state will do for matchesFilter here.
  const mask = Uint8Array.from(index.records, (r) => (matchesFilter(r, 'known', content) ? 1 : 0));
  matches.set(index, { filter, mask });
  return mask;
}

/**
 * How each record shows, given its state at the moment: with hindsight on, in full; otherwise nothing that had not
 * happened, a placeholder for what the officer could not know then (in full once revealed), and the rest in full.
 * Filters apply to what shows; a placeholder never matches a filter on content.
 */
export function showRecords(index: CaseIndex, states: Uint8Array, choices: ShowingChoices): Uint8Array {
  const { filter, hindsight, revealed } = choices;
  const out = new Uint8Array(index.records.length);
  const byContent = isFiltering(contentFilter(filter));
  const matched = byContent ? contentMatches(index, filter) : null;
  const byState = filter.state !== '' ? { ...NO_FILTER, state: filter.state } : null;
  for (let i = 0; i < out.length; i++) {
    const s = states[i] as number;
    const shows = hindsight ? 'content' : SHOWS[s];
    if (shows === 'nothing') continue;
    if (matched && (shows === 'placeholder' || matched[i] === 0)) continue;
    if (byState && !matchesFilter(index.records[i]!, KNOWLEDGE_STATES[s] as KnowledgeState, byState)) continue;
    out[i] = shows === 'content' ? FULL : PLACEHOLDER;
  }
  for (const id of revealed) {
    const p = index.positionOf(id);
    if (p !== undefined && out[p] === PLACEHOLDER) out[p] = REVEALED;
  }
  return out;
}

/** How many records show in full, as placeholders, and revealed: what the table's count line says. */
export function countShown(shown: Uint8Array): { full: number; heldBack: number; revealed: number } {
  let full = 0;
  let heldBack = 0;
  let revealed = 0;
  for (let i = 0; i < shown.length; i++) {
    const s = shown[i];
    if (s === FULL) full++;
    else if (s === PLACEHOLDER) heldBack++;
    else if (s === REVEALED) revealed++;
  }
  return { full, heldBack, revealed };
}
