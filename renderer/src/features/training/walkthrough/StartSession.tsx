import { useState, type FormEvent } from 'react';
import { count } from '../../../../../shared/domain/words.js';
import type { FieldErrors } from '../../../../../shared/review/registerForms.js';
import { formatInstant } from '../../../../../shared/time/display.js';
import { checkSession, nextSessionId, sessionFields, type SessionFields } from '../../../../../shared/training/walkthroughEdits.js';
import { startSession, type TrainingEdit } from '../../../../../shared/training/sessionEdits.js';
import type { CaseTraining, Session } from '../../../../../shared/training/walkthrough.js';
import { FormErrorSummary, fieldId, TextArea, TextInput } from '../../review/registers/fields.js';

const FORM = 'session';
const MODE_NAMES: Record<Session['mode'], string> = { walkthrough: 'Walkthrough', hindsightExercise: 'Hindsight exercise' };
const MODE_HINTS: Record<Session['mode'], string> = {
  walkthrough: 'The room meets each decision point in turn, seeing only what could be known then, and hears the outcome at the end.',
  hindsightExercise: 'Two groups answer the same decision points; one is told the outcome first. The debrief compares how foreseeable each group judged it.',
};

/**
 * Starting a session of the walkthrough: how it is run and the groups in the room. It is stored (with its trail entry)
 * and then handed to the presenter; the sessions already run are listed, each with its debrief.
 */
export function StartSession({ training, save, onStartSession, onOpenDebrief }: {
  training: CaseTraining;
  save: (edit: TrainingEdit) => Promise<boolean>;
  onStartSession?: (sessionId: string) => void;
  onOpenDebrief?: (sessionId: string) => void;
}) {
  const [fields, setFields] = useState<SessionFields>(sessionFields);
  const [errors, setErrors] = useState<FieldErrors>({});
  const points = training.walkthrough?.points.length ?? 0;
  const set = <K extends keyof SessionFields>(key: K) => (value: SessionFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkSession(nextSessionId(training), new Date(), fields);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok && (await save(startSession(checked.value)))) onStartSession?.(checked.value.id);
  };
  return (
    <section aria-labelledby="session-heading">
      <h2 id="session-heading" className="heading-m">Start the session</h2>
      {points === 0 ? (
        <p>Add a decision point to the walkthrough first.</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormErrorSummary form={FORM} errors={errors} />
          <div className="form-group">
            <fieldset className="form-fieldset">
              <legend className="form-fieldset__legend">How the session is run</legend>
              <div className="radios radios--stacked">
                {(Object.keys(MODE_NAMES) as Session['mode'][]).map((mode) => (
                  <label key={mode} className="radio session-mode" htmlFor={`${FORM}-mode-${mode}`}>
                    <input id={`${FORM}-mode-${mode}`} type="radio" name={`${FORM}-mode`} value={mode} checked={fields.mode === mode} onChange={() => set('mode')(mode)} aria-describedby={`${FORM}-mode-${mode}-hint`} />
                    {MODE_NAMES[mode]}
                    <span id={`${FORM}-mode-${mode}-hint`} className="hint hint--s">{MODE_HINTS[mode]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {fields.mode === 'walkthrough' ? (
            <TextArea id={fieldId(FORM, 'groups')} label="Groups" hint="One name a line. Each group answers every decision point." value={fields.groups} onChange={set('groups')} error={errors.groups} rows={3} />
          ) : (
            <>
              <TextInput id={fieldId(FORM, 'toldOutcome')} label="Group told the outcome" value={fields.toldOutcome} onChange={set('toldOutcome')} error={errors.toldOutcome} />
              <TextInput id={fieldId(FORM, 'notTold')} label="Group not told the outcome" value={fields.notTold} onChange={set('notTold')} error={errors.notTold} />
            </>
          )}
          <button type="submit" className="button">Start the session</button>
        </form>
      )}
      {training.sessions.length > 0 && (
        <table className="table table--compact">
          <caption className="table__caption">Sessions run</caption>
          <thead>
            <tr><th scope="col">Started</th><th scope="col">How</th><th scope="col">Groups</th><th scope="col" className="numeric">Answers</th>{onOpenDebrief && <th scope="col"><span className="visually-hidden">Debrief</span></th>}</tr>
          </thead>
          <tbody>
            {training.sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatInstant(s.at)}</td>
                <td>{MODE_NAMES[s.mode]}</td>
                <td>{s.groups.map((g) => (g.toldOutcome ? `${g.name} (told the outcome)` : g.name)).join(', ')}</td>
                <td className="numeric">{count(s.answers.length, 'answer')}</td>
                {onOpenDebrief && (
                  <td><button type="button" className="button button--secondary button--small" onClick={() => onOpenDebrief(s.id)}>Debrief<span className="visually-hidden"> session of {formatInstant(s.at)}</span></button></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
