import { useMemo, useState, type FormEvent } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { escalationEvidence, type EscalationEntry } from '../../../../shared/review/escalation.js';
import { responseStatements, type Statement } from '../../../../shared/review/statements.js';
import type { Review } from '../../../../shared/schemas/review.js';
import { formatTime, formatUkDate } from '../../../../shared/time/display.js';
import { RecordLine } from '../review/episodes/parts.js';

/** What a statement or an escalation entry puts into a response: its sentence, and the records it rests on. */
export interface Addition {
  text: string;
  records: string[];
}

/** A snapshot a statement rests on, in words: `Workload snapshot of N07P214, 18 Sep 2023`. */
function snapshotWords(ref: string): string {
  const [table, key = ''] = ref.split(/:(.*)/s);
  const [holder, date] = key.split('|');
  const what = table === 'teams' ? 'Team snapshot' : 'Workload snapshot';
  return date ? `${what} of ${holder}, ${formatUkDate(date)}` : ref;
}

function Sources({ index, records }: { index: CaseIndex; records: readonly string[] }) {
  if (records.length === 0) return null;
  return (
    <ul className="list list--bullet why__records">
      {records.map((r) => (
        <li key={r}>{index.positionOf(r) !== undefined || r === 'offence' ? <RecordLine index={index} id={r} /> : snapshotWords(r)}</li>
      ))}
    </ul>
  );
}

function AddButton({ added, label, onAdd }: { added: boolean; label: string; onAdd: () => void }) {
  return (
    <button type="button" className="button button--secondary button--small" onClick={onAdd} disabled={added}>
      {added ? 'Added to your response' : 'Add to my response'}
      <span className="visually-hidden">: {label}</span>
    </button>
  );
}

/**
 * Sentences worked out from the data at the finding's decision (statements.ts), offered for the practitioner's
 * response, never invented: each opens to its rule and the records it rests on.
 */
export function Statements(props: { index: CaseIndex; review: Review; findingId: string; added: ReadonlySet<string>; onAdd: (key: string, addition: Addition) => void }) {
  const { index, review, findingId } = props;
  const statements = useMemo(() => responseStatements(index, review, findingId), [index, review, findingId]);
  return (
    <section aria-labelledby={`statements-${findingId}`}>
      <h3 id={`statements-${findingId}`} className="heading-m">Statements from the data</h3>
      <p className="hint">Worked out from the case at the decision, for you to use in your response and change as you wish. Where the data holds nothing, nothing is offered.</p>
      {statements.length === 0 ? (
        <p>The data holds no workload, team or information figures to state at this decision.</p>
      ) : (
        <ul className="statements">
          {statements.map((s: Statement) => (
            <li key={s.id} className="statements__item" data-kind={s.kind}>
              <p className="statements__text">{s.text}</p>
              <details className="why">
                <summary>
                  How this is worked out<span className="visually-hidden">: {s.text}</span>
                </summary>
                <p className="why__rule">{s.rule}</p>
                <Sources index={index} records={s.records} />
              </details>
              <AddButton added={props.added.has(`statement:${s.id}`)} label={s.text} onAdd={() => props.onAdd(`statement:${s.id}`, { text: s.text, records: s.records })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An escalation entry as a sentence of a response: dated, in the practitioner's voice. */
const entrySentence = (e: EscalationEntry) => `On ${formatTime(e.at)}: ${e.text}.`;

/**
 * The practitioner's escalation evidence: concerns they raised and oversight recorded before the decision, each linked
 * to its record; and a dated entry of their own for what the records do not hold, said to be theirs.
 */
export function EscalationEvidence(props: { index: CaseIndex; officer: string; until: number; findingId: string; added: ReadonlySet<string>; onAdd: (key: string, addition: Addition) => void }) {
  const { index, officer, until, findingId } = props;
  const entries = useMemo(() => escalationEvidence(index, officer, until), [index, officer, until]);
  const [date, setDate] = useState('');
  const [what, setWhat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `own-${findingId}`;
  const addOwn = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !what.trim()) {
      setError('Give the date and what you raised');
      return;
    }
    setError(null);
    props.onAdd(`own:${date}:${what}`, { text: `On ${formatUkDate(date)} (not in the records): ${what.trim()}`, records: [] });
    setDate('');
    setWhat('');
  };
  return (
    <section aria-labelledby={`escalation-${findingId}`}>
      <h3 id={`escalation-${findingId}`} className="heading-m">Concerns you raised</h3>
      <p className="hint">Workload raised in supervision, requests to your manager, and management oversight recorded before the decision, from the records.</p>
      {entries.length === 0 ? (
        <p>The records hold no concern raised or oversight recorded before this decision.</p>
      ) : (
        <ol className="statements">
          {entries.map((e) => {
            const key = `escalation:${e.records.join(',')}:${e.kind}`;
            return (
              <li key={key} className="statements__item" data-kind={e.kind}>
                <p className="statements__text">
                  <strong className="nowrap">{formatTime(e.at)}</strong>: {e.text}
                </p>
                {e.quote && <blockquote className="statements__quote">{e.quote}</blockquote>}
                <details className="why">
                  <summary>
                    How this is found<span className="visually-hidden">: {e.text}</span>
                  </summary>
                  <p className="why__rule">{e.rule}</p>
                  <Sources index={index} records={e.records} />
                </details>
                <AddButton added={props.added.has(key)} label={`${formatTime(e.at)}: ${e.text}`} onAdd={() => props.onAdd(key, { text: entrySentence(e), records: e.records })} />
              </li>
            );
          })}
        </ol>
      )}
      <form className="own-entry" onSubmit={addOwn} noValidate aria-labelledby={`${id}-title`}>
        <h4 id={`${id}-title`} className="heading-s">A concern the records do not show</h4>
        <p className="hint">Added to your response as your own account, dated, and marked as not in the records.</p>
        {error && <p className="error-message" role="alert">{error}</p>}
        <div className="own-entry__fields">
          <div className="form-group">
            <label className="label" htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} type="date" className="input review-date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="form-group own-entry__what">
            <label className="label" htmlFor={`${id}-what`}>What you raised, and with whom</label>
            <input id={`${id}-what`} className="input" value={what} onChange={(e) => setWhat(e.target.value)} />
          </div>
        </div>
        <button type="submit" className="button button--secondary">Add to my response</button>
      </form>
    </section>
  );
}
