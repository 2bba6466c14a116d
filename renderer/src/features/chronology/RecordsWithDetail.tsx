import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { HIDDEN } from '../../../../shared/engine/foresight.js';
import { ChronologyTable, rowOf, type OptionalColumns, type RecordList } from './ChronologyTable.js';
import type { TabularNotes } from '../review/tabular/useTabularNotes.js';
import { RecordDetail } from './RecordDetail.js';

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

/** Which optional columns a case fills at all, worked out once per case. */
const filledColumns = new WeakMap<CaseIndex, OptionalColumns>();
function columnsOf(index: CaseIndex): OptionalColumns {
  let found = filledColumns.get(index);
  if (!found) {
    found = { time: false, who: false };
    for (const r of index.records) {
      const row = rowOf(r);
      found.time ||= row.time !== '';
      found.who ||= row.who !== '';
      if (found.time && found.who) break;
    }
    filledColumns.set(index, found);
  }
  return found;
}

/**
 * The records that show, as a keyboard-operable table beside the selected record's detail. Selection is shared
 * (passed in, not read from context, so a cursor step alone does not re-render 100,000 rows' worth of table).
 */
export const RecordsWithDetail = memo(function RecordsWithDetail(props: {
  index: CaseIndex;
  shown: Uint8Array;
  /** Each record's state for the chosen officer; null: nobody's view, so no state column. */
  states: Uint8Array | null;
  caption: string;
  selectedId: string | null;
  onSelectId: (id: string | null) => void;
  onReveal: (id: string) => void;
  /** The cursor in foresight, so the detail tells no later time; null with hindsight on. */
  moment: number | null;
  /** What to say when no record shows at the cursor with these filters. */
  empty: ReactNode;
  /** The tabular timeline: the review's notes beside each record (see ChronologyTable). */
  notes?: TabularNotes | undefined;
  /** A row Ctrl- or Cmd-clicked, by record id: picked as well as selected. */
  onPickId?: ((id: string) => void) | undefined;
  /** What can be done with the selected record, above its detail (given the record and how it shows: FULL, REVEALED...). */
  detailActions?: ((record: CaseRecord, display: number) => ReactNode) | undefined;
  /** More about the selected record, below its detail. */
  detailExtra?: ((record: CaseRecord, display: number) => ReactNode) | undefined;
}) {
  const { index, shown, states, caption, selectedId, onSelectId, onReveal, moment, empty, notes, onPickId, detailActions, detailExtra } = props;
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
  const displayOf = useCallback((r: CaseRecord) => shown[index.positionOf(r.id) ?? 0] as number, [index, shown]);
  const selectedIndex = useMemo(() => {
    const position = selectedId ? index.positionOf(selectedId) : undefined;
    return position === undefined ? -1 : sortedIndexOf(positions, position);
  }, [index, positions, selectedId]);
  const onSelect = useCallback((i: number) => onSelectId(rows.at(i)?.id ?? null), [rows, onSelectId]);
  const onPick = useMemo(() => {
    if (!onPickId) return undefined;
    return (i: number) => {
      const id = rows.at(i)?.id;
      if (id) onPickId(id);
    };
  }, [rows, onPickId]);
  const selected = selectedIndex >= 0 ? rows.at(selectedIndex) : undefined;
  return (
    <div className="chronology">
      <div className="chronology__table">
        <ChronologyTable
          records={rows}
          caption={caption}
          stateOf={states ? stateOf : undefined}
          displayOf={displayOf}
          columns={columnsOf(index)}
          selectedIndex={selectedIndex >= 0 ? selectedIndex : null}
          onSelect={onSelect}
          empty={empty}
          notes={notes}
          onPick={onPick}
        />
      </div>
      <aside className="chronology__detail" aria-label="Selected record" tabIndex={0}>
        {selected ? (
          <>
            {detailActions?.(selected, displayOf(selected))}
            <RecordDetail record={selected} state={stateOf(selected)} display={displayOf(selected)} moment={moment} onReveal={onReveal} />
            {detailExtra?.(selected, displayOf(selected))}
          </>
        ) : selectedId ? (
          <p className="hint">The selected record does not show at this moment or with these filters.</p>
        ) : (
          <p className="hint">Select a record to see its notes, its times and where it came from.</p>
        )}
      </aside>
    </div>
  );
});
