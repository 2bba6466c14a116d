import { memo, useCallback, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { GHOST, HIDDEN } from '../case/useCaseAtCursor.js';
import { ChronologyTable, type RecordList } from './ChronologyTable.js';

/** Where a value sits in an ascending array, or -1. */
function sortedIndexOf(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return values[lo] === value ? lo : -1;
}
import { RecordDetail } from './RecordDetail.js';

/**
 * The records that show, as a keyboard-operable table beside the selected record's detail. Selection is shared
 * (passed in, not read from context, so a cursor step alone does not re-render 100,000 rows' worth of table).
 */
export const RecordsWithDetail = memo(function RecordsWithDetail(props: {
  index: CaseIndex;
  shown: Uint8Array;
  states: Uint8Array | null;
  caption: string;
  selectedId: string | null;
  onSelectId: (id: string | null) => void;
}) {
  const { index, shown, states, caption, selectedId, onSelectId } = props;
  // The positions of the records that show: a typed array, not a copy of 100,000 records on every cursor step.
  const positions = useMemo(() => {
    const out = new Int32Array(shown.length);
    let n = 0;
    for (let i = 0; i < shown.length; i++) if (shown[i] !== HIDDEN) out[n++] = i;
    return out.subarray(0, n);
  }, [shown]);
  const rows: RecordList = useMemo(() => ({ length: positions.length, at: (i: number) => index.records[positions[i] as number] }), [index, positions]);
  const stateOf = useCallback(
    (r: CaseRecord): KnowledgeState | null => {
      const i = index.positionOf(r.id);
      return states && i !== undefined ? (KNOWLEDGE_STATES[states[i] as number] ?? null) : null;
    },
    [index, states],
  );
  const ghosted = useCallback((r: CaseRecord) => shown[index.positionOf(r.id) ?? 0] === GHOST, [index, shown]);
  const selectedIndex = useMemo(() => {
    const position = selectedId ? index.positionOf(selectedId) : undefined;
    return position === undefined ? -1 : sortedIndexOf(positions, position);
  }, [index, positions, selectedId]);
  const onSelect = useCallback((i: number) => onSelectId(rows.at(i)?.id ?? null), [rows, onSelectId]);
  const selected = selectedIndex >= 0 ? rows.at(selectedIndex) : undefined;
  return (
    <div className="chronology">
      <div className="chronology__table">
        <ChronologyTable records={rows} caption={caption} stateOf={states ? stateOf : undefined} ghosted={ghosted} selectedIndex={selectedIndex >= 0 ? selectedIndex : null} onSelect={onSelect} />
      </div>
      <aside className="chronology__detail" aria-label="Selected record" tabIndex={0}>
        {selected ? (
          <RecordDetail record={selected} state={stateOf(selected)} />
        ) : selectedId ? (
          <p className="hint">The selected record is hidden at this moment or by the filters.</p>
        ) : (
          <p className="hint">Select a record to see its notes, its times and where it came from.</p>
        )}
      </aside>
    </div>
  );
});
