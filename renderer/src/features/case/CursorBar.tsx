import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { LONDON } from '../../../../shared/time/london.js';
import { useCaseViewState } from './caseViewState.js';
import { happeningsOf, parseMoment, stepDays, stepToRecord } from './cursorSteps.js';

const formatMoment = (t: number) => format(new TZDate(t, LONDON), 'd MMM yyyy, HH:mm');

/**
 * The moment the case is seen from, on one line: step by record, day or week, jump to a date or a date and time,
 * hindsight on or off, and the filters (behind their toggle).
 */
export function CursorBar(props: {
  index: CaseIndex;
  filtersOn: number;
  filtersOpen: boolean;
  onToggleFilters: () => void;
}) {
  const { index } = props;
  const happenings = happeningsOf(index);
  const { state, update } = useCaseViewState();
  const [jump, setJump] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const move = (at: number) => update({ cursor: at });
  const onJump = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseMoment(jump);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    setSaid(parsed.dateOnly ? `No time given: showing the end of that day.` : '');
    move(parsed.at);
  };
  const step = (label: string, name: string, to: () => number) => (
    <button type="button" className="button button--secondary" aria-label={name} title={name} onClick={() => move(to())}>{label}</button>
  );
  return (
    <section className="cursor-bar" aria-label="The moment the case is seen from">
      <p className="cursor-bar__moment" aria-live="polite">
        <span className="caption">As at</span> <strong data-testid="cursor-moment">{formatMoment(state.cursor)}</strong>
        {state.cursor >= index.offenceHappened && <span className="tag tag--red">after the further offence</span>}
      </p>
      <div className="cursor-bar__steps" role="group" aria-label="Move the moment">
        {step('‹ Week', 'Back a week', () => stepDays(state.cursor, -7))}
        {step('‹ Day', 'Back a day', () => stepDays(state.cursor, -1))}
        {step('‹ Record', 'Previous record', () => stepToRecord(happenings, state.cursor, -1))}
        {step('Record ›', 'Next record', () => stepToRecord(happenings, state.cursor, 1))}
        {step('Day ›', 'Forward a day', () => stepDays(state.cursor, 1))}
        {step('Week ›', 'Forward a week', () => stepDays(state.cursor, 7))}
      </div>
      <form className="cursor-bar__jump" onSubmit={onJump} noValidate>
        <label className="label" htmlFor="jump-to">Jump to</label>
        <input
          id="jump-to"
          className={`input${error ? ' input--error' : ''}`}
          value={jump}
          onChange={(e) => setJump(e.target.value)}
          placeholder="dd/mm/yyyy hh:mm"
          aria-describedby={error ? 'jump-hint jump-error' : 'jump-hint'}
          aria-invalid={error ? true : undefined}
        />
        <span id="jump-hint" className="visually-hidden">A date like 22/09/2023, or a date and time like 22/09/2023 14:30. A date alone means the end of that day.</span>
        <button type="submit" className="button button--secondary">Go</button>
        {error && <p id="jump-error" className="error-message cursor-bar__error" role="alert"><span className="visually-hidden">Error:</span> {error}</p>}
        {said && !error && <span className="visually-hidden" role="status">{said}</span>}
      </form>
      <div className="checkbox cursor-bar__hindsight">
        <input id="hindsight" type="checkbox" checked={state.hindsight} onChange={(e) => update({ hindsight: e.target.checked })} aria-describedby="hindsight-hint" />
        <label htmlFor="hindsight">Hindsight</label>
        <span id="hindsight-hint" className="visually-hidden">Show everything, the outcome included, each record marked with what the officer could know.</span>
      </div>
      <button type="button" className="button button--secondary cursor-bar__filters" aria-expanded={props.filtersOpen} aria-controls="case-filters" onClick={props.onToggleFilters}>
        Filters{props.filtersOn > 0 ? ` (${props.filtersOn} on)` : ''}
      </button>
    </section>
  );
}
