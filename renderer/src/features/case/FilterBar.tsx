import { memo, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { filterOptions, NO_FILTER, type RecordFilter } from '../../../../shared/engine/filters.js';
import { FORESIGHT_SHOWS, KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { plainThenCode } from '../../../../shared/domain/summary.js';
import { STATE_LABELS } from './knowledgeLegend.js';

/** How many filters are set. */
export const filtersOn = (f: RecordFilter) => Object.values(f).filter((v) => v !== '').length;

/**
 * The filters the chronology and the timeline share: kind, agency, type, officer, knowledge state and text. Their
 * choices come only from records the view may show in full: a choice must not tell of a record held back.
 */
export const FilterBar = memo(function FilterBar({ index, states, hindsight, filter, onChange }: { index: CaseIndex; states: Uint8Array; hindsight: boolean; filter: RecordFilter; onChange: (filter: RecordFilter) => void }) {
  const options = useMemo(() => {
    const readable = hindsight ? index.records : index.records.filter((_, i) => FORESIGHT_SHOWS[KNOWLEDGE_STATES[states[i] as number] as KnowledgeState] === 'content');
    const found = filterOptions(readable);
    const typeNames = new Map<string, string>();
    for (const r of readable) if (r.kind === 'contact' && r.typeCode && !typeNames.has(r.typeCode)) typeNames.set(r.typeCode, plainThenCode(r.typeDescription, r.typeCode));
    return { ...found, typeNames };
  }, [index, states, hindsight]);
  // A choice already made stays in its list, even when the moment has moved to before any record with it.
  const withCurrent = (values: string[], current: string) => (current && !values.includes(current) ? [...values, current] : values);
  const set = (change: Partial<RecordFilter>) => onChange({ ...filter, ...change });
  const select = (key: 'kind' | 'agency' | 'type' | 'officer', label: string, values: string[], name: (v: string) => string) => (
    <div className="filter">
      <label className="label" htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} className="select" value={filter[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">Any</option>
        {withCurrent(values, filter[key]).map((v) => <option key={v} value={v}>{name(v)}</option>)}
      </select>
    </div>
  );
  const staffName = (code: string) => (index.staffMember(code).name ? `${index.staffMember(code).name} (${code})` : code);
  return (
    <section className="filter-bar" id="case-filters" aria-label="Filters">
      {select('kind', 'Kind', options.kinds, (v) => v)}
      {select('agency', 'Source', options.agencies, (v) => v)}
      {select('type', 'nDelius type', options.types, (v) => options.typeNames.get(v) ?? v)}
      {select('officer', 'Officer', options.officers, staffName)}
      <div className="filter">
        <label className="label" htmlFor="filter-state">Knowledge state</label>
        <select id="filter-state" className="select" value={filter.state} onChange={(e) => set({ state: e.target.value as RecordFilter['state'] })}>
          <option value="">Any</option>
          {KNOWLEDGE_STATES.filter((s) => hindsight || FORESIGHT_SHOWS[s] !== 'nothing').map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="filter filter--text">
        <label className="label" htmlFor="filter-text">Text</label>
        <input id="filter-text" className="input" type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
      </div>
      {filtersOn(filter) > 0 && (
        <button type="button" className="link-button filter-bar__clear" onClick={() => onChange(NO_FILTER)}>Clear filters</button>
      )}
    </section>
  );
});
