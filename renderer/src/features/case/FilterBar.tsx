import { useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { filterOptions, isFiltering, NO_FILTER, type RecordFilter } from '../../../../shared/engine/filters.js';
import { KNOWLEDGE_STATES } from '../../../../shared/engine/knowledge.js';
import { useCaseViewState } from './caseViewState.js';
import { STATE_LABELS } from './knowledgeLegend.js';

/** The filters the chronology and the timeline share: kind, agency, type, officer, knowledge state and text. */
export function FilterBar({ index, shownCount }: { index: CaseIndex; shownCount: number }) {
  const { state, update } = useCaseViewState();
  const options = useMemo(() => filterOptions(index.records), [index]);
  const set = (change: Partial<RecordFilter>) => update({ filter: { ...state.filter, ...change } });
  const select = (key: 'kind' | 'agency' | 'type' | 'officer', label: string, values: string[]) => (
    <div className="filter">
      <label className="label" htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} className="select" value={state.filter[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">Any</option>
        {values.map((v) => <option key={v} value={v}>{key === 'officer' ? (index.staffMember(v).name ? `${index.staffMember(v).name} (${v})` : v) : v}</option>)}
      </select>
    </div>
  );
  return (
    <section className="filter-bar" aria-label="Filters">
      {select('kind', 'Kind', options.kinds)}
      {select('agency', 'Source', options.agencies)}
      {select('type', 'nDelius type', options.types)}
      {select('officer', 'Officer', options.officers)}
      <div className="filter">
        <label className="label" htmlFor="filter-state">Knowledge state</label>
        <select id="filter-state" className="select" value={state.filter.state} onChange={(e) => set({ state: e.target.value as RecordFilter['state'] })}>
          <option value="">Any</option>
          {KNOWLEDGE_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="filter filter--text">
        <label className="label" htmlFor="filter-text">Text</label>
        <input id="filter-text" className="input" type="search" value={state.filter.text} onChange={(e) => set({ text: e.target.value })} />
      </div>
      <p className="filter-bar__count" aria-live="polite">
        {shownCount.toLocaleString('en-GB')} of {index.records.length.toLocaleString('en-GB')} records shown
        {isFiltering(state.filter) && (
          <> · <button type="button" className="link-button" onClick={() => update({ filter: NO_FILTER })}>Clear filters</button></>
        )}
      </p>
    </section>
  );
}
