import { useCallback } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { CaseControls } from '../case/CaseControls.js';
import { RecordCount } from '../case/RecordCount.js';
import { useCaseAtCursor } from '../case/useCaseAtCursor.js';
import { href } from '../shell/useHashRoute.js';
import { NoRecordsMessage } from './NoRecordsMessage.js';
import { RecordsWithDetail } from './RecordsWithDetail.js';

/**
 * The case's records, earliest first, with each one's knowledge state at the shared moment. It follows foresight as
 * the timeline does: with hindsight off, nothing after the moment shows, and what the officer could not know then is
 * a placeholder.
 */
const NO_RECORDS = <NoRecordsMessage />;

export function ChronologyView({ caseId, index }: { caseId: string; index: CaseIndex }) {
  const { state, update } = useCaseViewState();
  const { officer, view, shown, states } = useCaseAtCursor(index, state);
  const onSelectId = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const onReveal = useCallback((id: string) => update({ revealed: new Set([...state.revealed, id]) }), [update, state.revealed]);
  if (index.records.length === 0) {
    return (
      <div className="not-built">
        <h2 className="heading-m">This case has no records yet</h2>
        <p>Records come from nDelius contact exports, partner-agency information, allocations and workload snapshots.</p>
        <p><a href={href.case(caseId, 'import')}>Import files into this case</a></p>
      </div>
    );
  }
  return (
    <div className="chronology-view">
      <CaseControls index={index} view={view} states={states} defaultOfficer={officer} onSelect={onSelectId} />
      <RecordCount id="chronology-count" shown={shown} total={index.records.length} hindsight={state.hindsight} filter={state.filter} />
      <RecordsWithDetail index={index} shown={shown} states={view?.states ?? null} caption="Chronology" selectedId={state.selectedId} onSelectId={onSelectId} onReveal={onReveal} moment={state.hindsight ? null : state.cursor} empty={NO_RECORDS} />
    </div>
  );
}
