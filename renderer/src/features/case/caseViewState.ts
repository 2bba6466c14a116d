import { createContext, useContext } from 'react';
import { NO_FILTER, type RecordFilter } from '../../../../shared/engine/filters.js';

/**
 * What the chronology and the timeline share within a case: the as-of cursor, the officer whose view it is,
 * foresight or hindsight, the filters, the selected record and the records revealed with hindsight.
 */
export interface CaseViewState {
  /** The moment (epoch ms) the case is seen from. */
  cursor: number;
  /** The officer whose view it is; null: whoever held the case at the cursor. */
  officer: string | null;
  hindsight: boolean;
  filter: RecordFilter;
  selectedId: string | null;
  /** Records the user chose to read although the officer could not know them at the cursor (a hindsight reveal). */
  revealed: ReadonlySet<string>;
  /** The chronology as the tabular timeline: the review's columns beside each record. */
  tabular: boolean;
  /** Only the records the review marks as key events. */
  keyEventsOnly: boolean;
}

const NOTHING_REVEALED: ReadonlySet<string> = new Set();

export function initialViewState(offenceStart: number): CaseViewState {
  // Just before the further offence: the case as the officer could last have seen it.
  return { cursor: offenceStart - 60_000, officer: null, hindsight: false, filter: NO_FILTER, selectedId: null, revealed: NOTHING_REVEALED, tabular: false, keyEventsOnly: false };
}

export interface CaseViewContext {
  state: CaseViewState;
  update: (change: Partial<CaseViewState>) => void;
}

export const CaseViewStateContext = createContext<CaseViewContext | null>(null);

export function useCaseViewState(): CaseViewContext {
  const context = useContext(CaseViewStateContext);
  if (!context) throw new Error('useCaseViewState outside a case');
  return context;
}
