import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { LONDON } from '../../../../shared/time/london.js';
import { useCaseViewState, type UnknownDisplay } from './caseViewState.js';
import { parseMoment, stepDays, stepToRecord } from './cursorSteps.js';

export const formatMoment = (t: number) => format(new TZDate(t, LONDON), 'd MMM yyyy, HH:mm');

/** Set the moment and whose view it is: step by record, day or week, jump to a date; foresight or hindsight. */
export function CursorBar({ index, happenings, officer }: { index: CaseIndex; happenings: Float64Array; officer: string | null }) {
  const { state, update } = useCaseViewState();
  const [jump, setJump] = useState('');
  const [error, setError] = useState<string | null>(null);
  const move = (at: number) => update({ cursor: at });
  const onJump = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseMoment(jump);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    move(parsed.at);
  };
  const officers = index.officers();
  return (
    <section className="cursor-bar" aria-label="The moment and whose view">
      <div className="cursor-bar__row">
        <p className="cursor-bar__moment" aria-live="polite">
          <span className="caption">As at</span> <strong data-testid="cursor-moment">{formatMoment(state.cursor)}</strong>
          {state.cursor >= index.offenceHappened && <span className="tag tag--red">after the further offence</span>}
        </p>
        <div className="button-group cursor-bar__steps">
          <button type="button" className="button button--secondary" onClick={() => move(stepDays(state.cursor, -7))}>− week</button>
          <button type="button" className="button button--secondary" onClick={() => move(stepDays(state.cursor, -1))}>− day</button>
          <button type="button" className="button button--secondary" onClick={() => move(stepToRecord(happenings, state.cursor, -1))}>Previous record</button>
          <button type="button" className="button button--secondary" onClick={() => move(stepToRecord(happenings, state.cursor, 1))}>Next record</button>
          <button type="button" className="button button--secondary" onClick={() => move(stepDays(state.cursor, 1))}>+ day</button>
          <button type="button" className="button button--secondary" onClick={() => move(stepDays(state.cursor, 7))}>+ week</button>
        </div>
        <form className="cursor-bar__jump" onSubmit={onJump} noValidate>
          <label className="label" htmlFor="jump-to">Jump to date</label>
          <input id="jump-to" className={`input input--short${error ? ' input--error' : ''}`} value={jump} onChange={(e) => setJump(e.target.value)} placeholder="22/09/2023" aria-describedby={error ? 'jump-error' : undefined} />
          <button type="submit" className="button button--secondary">Go</button>
          {error && <p id="jump-error" className="error-message">{error}</p>}
        </form>
      </div>
      <div className="cursor-bar__row">
        <label className="label" htmlFor="officer">Whose view</label>
        <select id="officer" className="select" value={state.officer ?? ''} onChange={(e) => update({ officer: e.target.value || null })}>
          <option value="">Whoever held the case then{officer && !state.officer ? ` (${index.staffMember(officer).name || officer})` : ''}</option>
          {officers.map((o) => (
            <option key={o.code} value={o.code}>{o.name ? `${o.name} (${o.code}${o.grade ? `, ${o.grade}` : ''})` : o.code}</option>
          ))}
        </select>
        <div className="checkbox">
          <input id="hindsight" type="checkbox" checked={state.hindsight} onChange={(e) => update({ hindsight: e.target.checked })} />
          <label htmlFor="hindsight">Hindsight on: show everything, the outcome included, each record marked with its state</label>
        </div>
        {!state.hindsight && (
          <fieldset className="radios">
            <legend>Records the officer did not know and were not on record</legend>
            {(['ghost', 'hide', 'show'] as UnknownDisplay[]).map((u) => (
              <span key={u} className="radio">
                <input id={`unknown-${u}`} type="radio" name="unknown" checked={state.unknown === u} onChange={() => update({ unknown: u })} />
                <label htmlFor={`unknown-${u}`}>{u === 'ghost' ? 'Ghosted' : u === 'hide' ? 'Hidden' : 'Shown'}</label>
              </span>
            ))}
          </fieldset>
        )}
      </div>
    </section>
  );
}
