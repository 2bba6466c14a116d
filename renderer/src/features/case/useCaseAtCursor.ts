import { useMemo } from 'react';
import { defaultOfficer } from '../../../../shared/engine/allocations.js';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { isFiltering, matchesFilter } from '../../../../shared/engine/filters.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import type { CaseViewState } from './caseViewState.js';

/** How a record shows: hidden, ghosted (drawn faintly), or in full. */
export const HIDDEN = 0;
export const GHOST = 1;
export const FULL = 2;

export interface CaseAtCursor {
  officer: string | null;
  view: OfficerView | null;
  /** Per record (chronology order): HIDDEN, GHOST or FULL. */
  shown: Uint8Array;
  stateOf: (position: number) => KnowledgeState | null;
}

const AVAILABLE = new Set<number>([KNOWLEDGE_STATES.indexOf('known'), KNOWLEDGE_STATES.indexOf('onRecord')]);
const NOT_YET = KNOWLEDGE_STATES.indexOf('notYetHappened');

/** The case seen from the cursor by the chosen officer: each record's state, and whether it shows. */
export function useCaseAtCursor(index: CaseIndex, state: CaseViewState, applyForesight: boolean): CaseAtCursor {
  const officer = state.officer ?? defaultOfficer(index.data.allocations, index.data.staff, state.cursor);
  const view = useMemo(() => (officer ? index.view(officer, state.cursor) : null), [index, officer, state.cursor]);
  const { filter, hindsight, unknown } = state;
  const shown = useMemo(() => {
    const out = new Uint8Array(index.records.length);
    const filtering = isFiltering(filter);
    for (let i = 0; i < out.length; i++) {
      const s = view ? (view.states[i] as number) : -1;
      if (filtering && !matchesFilter(index.records[i]!, KNOWLEDGE_STATES[s] ?? 'onRecord', filter)) continue;
      if (!applyForesight || hindsight || s === -1) out[i] = FULL;
      else if (s === NOT_YET) out[i] = HIDDEN;
      else out[i] = AVAILABLE.has(s) || unknown === 'show' ? FULL : unknown === 'ghost' ? GHOST : HIDDEN;
    }
    return out;
  }, [index, view, filter, hindsight, unknown, applyForesight]);
  return { officer, view, shown, stateOf: (i) => (view ? (KNOWLEDGE_STATES[view.states[i] as number] ?? null) : null) };
}
