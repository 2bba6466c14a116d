import { useCallback, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import type { RecordFilter } from '../../../../shared/engine/filters.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { CursorBar } from '../case/CursorBar.js';
import { stepToRecord } from '../case/cursorSteps.js';
import { FilterBar } from '../case/FilterBar.js';
import { KnowledgeLegend } from '../case/knowledgeLegend.js';
import { useCaseAtCursor } from '../case/useCaseAtCursor.js';
import { RecordsWithDetail } from '../chronology/RecordsWithDetail.js';
import { useSettledValue } from '../case/useSettledValue.js';
import { caseLayout, officerBands } from './model.js';

const SETTLE_MS = 80;
import { OfficerPanel } from './OfficerPanel.js';
import { TimelineCanvas } from './TimelineCanvas.js';

/** The view from the tunnel: the case at the cursor as the chosen officer could see it, on a timeline and in a table. */
export function TimelineView({ index }: { index: CaseIndex }) {
  const { state, update } = useCaseViewState();
  const layout = caseLayout(index);
  const { officer, view, shown } = useCaseAtCursor(index, state, true);
  const bands = useMemo(() => officerBands(index, officer, view?.teamCode ?? null), [index, officer, view?.teamCode]);
  const selected = state.selectedId !== null ? (index.positionOf(state.selectedId) ?? -1) : -1;
  const frame = useMemo(
    () => ({ index, layout, bands, shown, states: view?.states ?? null, cursor: state.cursor, foresight: !state.hindsight, selected }),
    [index, layout, bands, shown, view, state.cursor, state.hindsight, selected],
  );
  const onSelect = useCallback((position: number) => update({ selectedId: index.records[position]?.id ?? null }), [index, update]);
  const onCursor = useCallback((at: number) => update({ cursor: at }), [update]);
  const onSelectId = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const onFilter = useCallback((filter: RecordFilter) => update({ filter }), [update]);
  const onStep = useCallback((direction: -1 | 1) => update({ cursor: stepToRecord(layout.happenings, state.cursor, direction) }), [layout, state.cursor, update]);
  // The canvas follows the cursor at once; the panel and the table follow when it rests, without holding it up.
  const restingCursor = useSettledValue(state.cursor, SETTLE_MS);
  const { view: laterView, shown: laterShown } = useCaseAtCursor(index, { ...state, cursor: restingCursor }, true);
  const shownCount = useMemo(() => laterShown.reduce((n, s) => n + (s > 0 ? 1 : 0), 0), [laterShown]);
  return (
    <div className="timeline-view">
      <CursorBar index={index} happenings={layout.happenings} officer={officer} />
      <FilterBar index={index} shownCount={shownCount} filter={state.filter} onChange={onFilter} />
      <div className="timeline-view__main">
        <div className="timeline-view__chart">
          <TimelineCanvas frame={frame} onSelect={onSelect} onCursor={onCursor} onStep={onStep} />
          <KnowledgeLegend />
        </div>
        {laterView ? <OfficerPanel index={index} view={laterView} onSelect={onSelectId} /> : <p className="officer-panel hint">This case has no allocations or staff yet: choose an officer to see their view.</p>}
      </div>
      <h2 className="heading-m">The same records as a table</h2>
      <RecordsWithDetail index={index} shown={laterShown} states={laterView?.states ?? null} caption="Records as at the cursor" selectedId={state.selectedId} onSelectId={onSelectId} />
    </div>
  );
}
