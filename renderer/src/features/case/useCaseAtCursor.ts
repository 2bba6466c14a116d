import { useMemo } from 'react';
import { defaultOfficer } from '../../../../shared/engine/allocations.js';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { isFiltering, matchesFilter, NO_FILTER, type RecordFilter } from '../../../../shared/engine/filters.js';
import { FORESIGHT_SHOWS, KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import type { CaseViewState } from './caseViewState.js';

/** How a record shows at the cursor: not at all, as a counted placeholder, in full, or in full by a hindsight reveal. */
export const HIDDEN = 0;
export const PLACEHOLDER = 1;
export const FULL = 2;
export const REVEALED = 3;

export interface CaseAtCursor {
  officer: string | null;
  view: OfficerView | null;
  /** Per record (chronology order): HIDDEN, PLACEHOLDER, FULL or REVEALED. */
  shown: Uint8Array;
  /** Each record's knowledge state at the cursor (indexes into KNOWLEDGE_STATES), for whoever's view it is. */
  states: Uint8Array;
}

// Content filters say something about a record's content: a placeholder never matches one, or the filter would tell.
const contentFilter = (f: RecordFilter) => isFiltering({ ...f, state: '' });
const SHOWS = KNOWLEDGE_STATES.map((s) => FORESIGHT_SHOWS[s]);

/**
 * The case seen from the cursor by the chosen officer: each record's state, and how it shows. With hindsight off,
 * nothing after the cursor shows at all, and what the officer could not know then shows only as a placeholder.
 */
export function useCaseAtCursor(index: CaseIndex, state: CaseViewState): CaseAtCursor {
  const officer = state.officer ?? defaultOfficer(index.data.allocations, index.data.staff, state.cursor);
  const view = useMemo(() => (officer ? index.view(officer, state.cursor) : null), [index, officer, state.cursor]);
  // With nobody to see it (no allocations, no staff), records are still placed in time: on record, but not held.
  const states = useMemo(() => view?.states ?? index.statesAt('', state.cursor, false), [index, view, state.cursor]);
  const { filter, hindsight, revealed } = state;
  const shown = useMemo(() => showRecords(index, states, { filter, hindsight, revealed }), [index, states, filter, hindsight, revealed]);
  return { officer, view, shown, states };
}

/**
 * How each record shows, given its state at the cursor: with hindsight on, in full; otherwise nothing that had not
 * happened, a placeholder for what the officer could not know then (in full once revealed), and the rest in full.
 * Filters apply to what shows; a placeholder never matches a filter on content, or the filter would tell of it.
 */
export function showRecords(index: CaseIndex, states: Uint8Array, view: Pick<CaseViewState, 'filter' | 'hindsight' | 'revealed'>): Uint8Array {
  const { filter, hindsight, revealed } = view;
  const out = new Uint8Array(index.records.length);
  const filtering = isFiltering(filter);
  const byContent = contentFilter(filter);
  for (let i = 0; i < out.length; i++) {
    const s = states[i] as number;
    const shows = hindsight ? 'content' : SHOWS[s];
    if (shows === 'nothing') continue;
    if (shows === 'placeholder' && byContent) continue;
    if (filtering && !matchesFilter(index.records[i]!, KNOWLEDGE_STATES[s] as KnowledgeState, shows === 'content' ? filter : { ...NO_FILTER, state: filter.state })) continue;
    out[i] = shows === 'content' ? FULL : PLACEHOLDER;
  }
  for (const id of revealed) {
    const p = index.positionOf(id);
    if (p !== undefined && out[p] === PLACEHOLDER) out[p] = REVEALED;
  }
  return out;
}
