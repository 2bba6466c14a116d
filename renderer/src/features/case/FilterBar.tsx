import { memo, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { filterOptions, isFiltering, NO_FILTER, type RecordFilter } from '../../../../shared/engine/filters.js';
import { KNOWLEDGE_STATES } from '../../../../shared/engine/knowledge.js';
import { STATE_LABELS } from './knowledgeLegend.js';

/** The filters the chronology and the timeline share: kind, agency, type, officer, knowledge state and text. */
export const FilterBar = memo(function FilterBar({ index, shownCount, filter, onChange }: { index: CaseIndex; shownCount: number; filter: RecordFilter; onChange: (filter: RecordFilter) => void }) {
  const options = useMemo(() => filterOptions(index.records), [index]);
  // Long option lists are built once per case, not on every render.
  const choices = useMemo(
    () => ({
      kind: options.kinds.map((v) => <option key={v} value={v}>{v}</option>),
      agency: options.agencies.map((v) => <option key={v} value={v}>{v}</option>),
      type: options.types.map((v) => <option key={v} value={v}>{v}</option>),
      officer: options.officers.map((v) => <option key={v} value={v}>{index.staffMember(v).name ? `${index.staffMember(v).name} (${v})` : v}</option>),
    }),
    [index, options],
  );
  const set = (change: Partial<RecordFilter>) => onChange({ ...filter, ...change });
  const select = (key: 'kind' | 'agency' | 'type' | 'officer', label: string) => (
    <div className="filter">
      <label className="label" htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} className="select" value={filter[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">Any</option>
        {choices[key]}
      </select>
    </div>
  );
  return (
    <section className="filter-bar" aria-label="Filters">
      {select('kind', 'Kind')}
      {select('agency', 'Source')}
      {select('type', 'nDelius type')}
      {select('officer', 'Officer')}
      <div className="filter">
        <label className="label" htmlFor="filter-state">Knowledge state</label>
        <select id="filter-state" className="select" value={filter.state} onChange={(e) => set({ state: e.target.value as RecordFilter['state'] })}>
          <option value="">Any</option>
          {KNOWLEDGE_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="filter filter--text">
        <label className="label" htmlFor="filter-text">Text</label>
        <input id="filter-text" className="input" type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
      </div>
      <p className="filter-bar__count" aria-live="polite">
        {shownCount.toLocaleString('en-GB')} of {index.records.length.toLocaleString('en-GB')} records shown
        {isFiltering(filter) && (
          <> · <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>Clear filters</button></>
        )}
      </p>
    </section>
  );
});
