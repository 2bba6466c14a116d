import { useMemo } from 'react';
import { defaultOfficer } from '../../../../shared/engine/allocations.js';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { showRecords } from '../../../../shared/engine/foresight.js';
import { otherWorkBy } from '../../../../shared/engine/otherWork.js';
import type { CaseViewState } from './caseViewState.js';

export interface CaseAtCursor {
  officer: string | null;
  view: OfficerView | null;
  /** Per record (chronology order): HIDDEN, PLACEHOLDER, FULL or REVEALED. */
  shown: Uint8Array;
  /** Each record's knowledge state at the cursor (indexes into KNOWLEDGE_STATES), for whoever's view it is. */
  states: Uint8Array;
}

/**
 * The case seen from the cursor by the chosen officer: each record's state, and how it shows. With hindsight off,
 * nothing after the cursor shows at all, and what the officer could not know then shows only as a placeholder.
 */
export function useCaseAtCursor(index: CaseIndex, state: CaseViewState): CaseAtCursor {
  const officer = state.officer ?? defaultOfficer(index.data.allocations, index.data.staff, state.cursor);
  const { hindsight } = state;
  const view = useMemo(() => {
    if (!officer) return null;
    const seen = index.view(officer, state.cursor);
    // The officer's other work that day stops at the moment, unless hindsight is on.
    return hindsight ? seen : { ...seen, otherWork: otherWorkBy(seen.otherWork, state.cursor) };
  }, [index, officer, state.cursor, hindsight]);
  // With nobody to see it (no allocations, no staff), records are still placed in time: on record, but not held.
  const states = useMemo(() => view?.states ?? index.statesAt('', state.cursor, false), [index, view, state.cursor]);
  const { filter, revealed } = state;
  const shown = useMemo(() => showRecords(index, states, { filter, hindsight, revealed }), [index, states, filter, hindsight, revealed]);
  return { officer, view, shown, states };
}
