import { useCallback } from 'react';
import type { RecordFilter } from '../../../../shared/engine/filters.js';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { formatMoment } from '../case/CursorBar.js';
import { FilterBar } from '../case/FilterBar.js';
import { useCaseAtCursor } from '../case/useCaseAtCursor.js';
import { href } from '../shell/useHashRoute.js';
import { RecordsWithDetail } from './RecordsWithDetail.js';

/** Every record of the case, earliest first, with each one's knowledge state at the shared cursor. */
export function ChronologyView({ caseId, index }: { caseId: string; index: CaseIndex }) {
  const { state, update } = useCaseViewState();
  const { officer, view, shown } = useCaseAtCursor(index, state, false);
  const onSelectId = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const onFilter = useCallback((filter: RecordFilter) => update({ filter }), [update]);
  if (index.records.length === 0) {
    return (
      <div className="not-built">
        <h2 className="heading-m">This case has no records yet</h2>
        <p>Records come from nDelius contact exports, partner-agency information, allocations and workload snapshots.</p>
        <p><a href={href.case(caseId, 'import')}>Import files into this case</a></p>
      </div>
    );
  }
  const name = officer ? index.staffMember(officer).name || officer : null;
  return (
    <div className="chronology-view">
      <p className="chronology__count" id="chronology-count">
        <strong>{index.records.length.toLocaleString('en-GB')}</strong> records, earliest first.
        {view && name && <> Knowledge states are for {name} as at {formatMoment(state.cursor)}: move the cursor on the <a href={href.case(caseId, 'timeline')}>timeline</a>.</>}
      </p>
      <FilterBar index={index} shownCount={shown.reduce((n, s) => n + (s > 0 ? 1 : 0), 0)} filter={state.filter} onChange={onFilter} />
      <RecordsWithDetail index={index} shown={shown} states={view?.states ?? null} caption="Chronology" selectedId={state.selectedId} onSelectId={onSelectId} />
    </div>
  );
}
