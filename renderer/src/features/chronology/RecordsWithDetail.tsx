import { useCallback, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { GHOST, HIDDEN } from '../case/useOfficerView.js';
import { ChronologyTable } from './ChronologyTable.js';
import { RecordDetail } from './RecordDetail.js';

/** The records that show, as a keyboard-operable table beside the selected record's detail; selection is shared. */
export function RecordsWithDetail(props: { index: CaseIndex; shown: Uint8Array; states: Uint8Array | null; caption: string }) {
  const { index, shown, states, caption } = props;
  const { state, update } = useCaseViewState();
  const rows = useMemo(() => index.records.filter((_, i) => shown[i] !== HIDDEN), [index, shown]);
  const stateOf = useCallback(
    (r: CaseRecord): KnowledgeState | null => {
      const i = index.positionOf(r.id);
      return states && i !== undefined ? (KNOWLEDGE_STATES[states[i] as number] ?? null) : null;
    },
    [index, states],
  );
  const ghosted = useCallback((r: CaseRecord) => shown[index.positionOf(r.id) ?? 0] === GHOST, [index, shown]);
  const selectedIndex = useMemo(() => (state.selectedId ? rows.findIndex((r) => r.id === state.selectedId) : -1), [rows, state.selectedId]);
  const onSelect = useCallback((i: number) => update({ selectedId: rows[i]?.id ?? null }), [rows, update]);
  const selected = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  return (
    <div className="chronology">
      <div className="chronology__table">
        <ChronologyTable records={rows} caption={caption} stateOf={states ? stateOf : undefined} ghosted={ghosted} selectedIndex={selectedIndex >= 0 ? selectedIndex : null} onSelect={onSelect} />
      </div>
      <aside className="chronology__detail" aria-label="Selected record" tabIndex={0}>
        {selected ? (
          <RecordDetail record={selected} state={stateOf(selected)} />
        ) : state.selectedId ? (
          <p className="hint">The selected record is hidden at this moment or by the filters.</p>
        ) : (
          <p className="hint">Select a record to see its notes, its times and where it came from.</p>
        )}
      </aside>
    </div>
  );
}
