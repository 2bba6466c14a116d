import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { findRecords } from '../../../../../shared/review/recordSearch.js';
import { count } from '../../../../../shared/domain/words.js';
import { RecordLine, recordLabel } from './parts.js';

const LISTED = 12;

/**
 * Records of the case chosen for an episode or as a finding's evidence: those chosen, each with what is said beside
 * it (its state at the decision, a flag), and a search to add more. With nothing typed, the records nearest the
 * decision are offered; typing narrows them to records with every word (or a date like 28/10/2023).
 */
export function RecordPicker(props: {
  id: string;
  legend: string;
  hint?: string;
  index: CaseIndex;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** The decision, to offer the records around it first. */
  near: number | null;
  /** What is said beside a chosen record. */
  beside?: (id: string) => ReactNode;
}) {
  const { id, index, chosen } = props;
  const [query, setQuery] = useState('');
  const typed = useDeferredValue(query);
  const found = useMemo(() => findRecords(index.records, index.starts, typed, props.near, LISTED + chosen.length), [index, typed, props.near, chosen.length]);
  const offered = found.records.filter((r) => !chosen.includes(r.id)).slice(0, LISTED);
  const said = typed.trim()
    ? found.count === 0
      ? 'No records have all those words.'
      : offered.length === 0
        ? `${found.count === 1 ? 'The record' : 'Every record'} with those words is chosen already.`
        : `${count(found.count, 'record')} ${found.count === 1 ? 'has' : 'have'} all those words${found.count > offered.length ? `; the ${offered.length} nearest the decision are listed` : ''}.`
    : props.near === null
      ? 'The first records of the case are listed.'
      : 'The records nearest the decision are listed.';
  return (
    <div className="form-group">
      <fieldset className="form-fieldset" aria-describedby={props.hint ? `${id}-hint` : undefined}>
        <legend className="form-fieldset__legend">{props.legend}</legend>
        {props.hint && <div id={`${id}-hint`} className="hint">{props.hint}</div>}
        {chosen.length === 0 ? (
          <p className="hint">None chosen yet.</p>
        ) : (
          <ul className="record-choices">
            {chosen.map((r) => (
              <li key={r} className="record-choices__item">
                <div className="record-choices__line">
                  <span>
                    <RecordLine index={index} id={r} />
                  </span>
                  <button type="button" className="link-button record-choices__remove" onClick={() => props.onChange(chosen.filter((x) => x !== r))}>
                    Remove<span className="visually-hidden"> {recordLabel(index, r)}</span>
                  </button>
                </div>
                {props.beside?.(r)}
              </li>
            ))}
          </ul>
        )}
        <div className="record-search">
          <label className="label label--s" htmlFor={`${id}-search`}>Find a record to add</label>
          <div id={`${id}-search-hint`} className="hint">Words from the record, who did it, the agency, or a date like 28/10/2023.</div>
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${id}-search-hint ${id}-search-count`}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${id}-search-count`} className="hint record-search__count" aria-live="polite">{said}</p>
          {offered.length > 0 && (
            <ul className="record-search__results" aria-label="Records to add">
              {offered.map((r) => (
                <li key={r.id}>
                  <button type="button" className="button button--secondary button--small" onClick={() => props.onChange([...chosen, r.id])}>
                    Add<span className="visually-hidden"> {recordLabel(index, r.id)}</span>
                  </button>{' '}
                  <RecordLine index={index} id={r.id} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
    </div>
  );
}
