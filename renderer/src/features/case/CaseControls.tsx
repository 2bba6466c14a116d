import { useCallback, useState } from 'react';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import type { RecordFilter } from '../../../../shared/engine/filters.js';
import { AtAGlance } from './AtAGlance.js';
import { useCaseViewState } from './caseViewState.js';
import { CursorBar } from './CursorBar.js';
import { FilterBar, filtersOn } from './FilterBar.js';

/**
 * What the chronology and the timeline both show above their records: the moment, hindsight and the filters on one
 * line; a banner while hindsight is on; and what the officer knew and carried, in one line.
 */
export function CaseControls(props: { index: CaseIndex; view: OfficerView | null; states: Uint8Array; defaultOfficer: string | null; onSelect: (id: string) => void }) {
  const { state, update } = useCaseViewState();
  const [filtersOpen, setFiltersOpen] = useState(filtersOn(state.filter) > 0);
  const onFilter = useCallback((filter: RecordFilter) => update({ filter }), [update]);
  return (
    <div className="case-controls">
      <CursorBar index={props.index} filtersOn={filtersOn(state.filter)} filtersOpen={filtersOpen} onToggleFilters={() => setFiltersOpen((o) => !o)} />
      {filtersOpen && <FilterBar index={props.index} states={props.states} hindsight={state.hindsight} filter={state.filter} onChange={onFilter} />}
      {state.hindsight && (
        <div className="hindsight-banner" role="status">
          <strong>Hindsight is on.</strong> Everything is shown, the outcome included, with what the officer could not know at the
          moment marked. <button type="button" className="link-button" onClick={() => update({ hindsight: false })}>Turn hindsight off</button>
        </div>
      )}
      {!state.hindsight && state.revealed.size > 0 && (
        <div className="hindsight-banner hindsight-banner--reveal" role="status">
          <strong>{state.revealed.size} {state.revealed.size === 1 ? 'record is' : 'records are'} revealed with hindsight</strong> and marked where shown.{' '}
          <button type="button" className="link-button" onClick={() => update({ revealed: new Set() })}>Hide {state.revealed.size === 1 ? 'it' : 'them'} again</button>
        </div>
      )}
      <AtAGlance index={props.index} view={props.view} defaultOfficer={props.defaultOfficer} onSelect={props.onSelect} />
    </div>
  );
}
