import { useEffect, useState, type FormEvent } from 'react';
import { checkOffence, checkTitle, OFFENCE_DATE, type CaseFormErrors, type DateParts } from '../../../../shared/domain/caseForm.js';
import type { CrnCount, ImportSurvey } from '../../../../shared/import/survey.js';
import type { Case } from '../../../../shared/schemas/index.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { londonToday } from '../cases/CaseForm.js';
import { DateInput, dateErrorTarget, ErrorSummary, TextField } from '../cases/fields.js';
import { FileDrop } from '../import/FileDrop.js';
import { ImportSteps } from '../import/ImportSteps.js';
import { useImport } from '../import/useImport.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { count } from '../../../../shared/domain/words.js';


/** What the files hold for a CRN, in a few words. */
function holds(c: CrnCount): string {
  const parts = [c.contacts > 0 && count(c.contacts, 'contact'), c.information > 0 && count(c.information, 'piece of partner information', 'pieces of partner information'), c.allocations > 0 && count(c.allocations, 'allocation')].filter(Boolean);
  return parts.join(', ');
}

/**
 * A case made from its export files: drop them, say which case (the CRN the files are about, proposed), when the
 * further offence happened and what to call the case, check what will be stored, and Accept. The case and its import
 * are stored together, and the timeline opens at one minute before the offence.
 */
export function NewCaseFromFiles() {
  const { state, start, answerMapping, checkFor, accept, cancel } = useImport(null);
  const [newCase, setNewCase] = useState<Case | null>(null);
  usePageTitle('New case from export files');
  useEffect(() => {
    if (state.step === 'stored') navigate(href.case(state.caseId, 'timeline'));
  }, [state]);
  const startAgain = () => {
    setNewCase(null);
    cancel();
  };

  let body: React.ReactNode;
  if (state.step === 'choose' || state.step === 'failed') {
    body = (
      <>
        {state.step === 'failed' && (
          <div className="error-summary" role="alert">
            <h2 className="error-summary__title">The case was not made</h2>
            <p>{state.message} Nothing was stored.</p>
          </div>
        )}
        <p className="lede">
          Choose the case's export files together: the nDelius contact list, WMT workload snapshots, team staffing,
          partner-agency information and allocations. Foresight reads which case they are about; nothing is stored until
          you have checked what each file holds and accepted it.
        </p>
        <FileDrop onFiles={start} label="Choose the export files" />
      </>
    );
  } else if (state.step === 'survey') {
    body = <CaseDetails survey={state.survey} onCancel={startAgain} onContinue={(c) => { setNewCase(c); checkFor({ caseId: c.id, crn: c.crn }); }} />;
  } else if (state.step === 'stored') {
    body = <p role="status">The case is stored. Opening its timeline…</p>;
  } else {
    body = (
      <ImportSteps
        state={state}
        crn={newCase?.crn ?? ''}
        acceptLabel="Create the case"
        onAnswer={answerMapping}
        onAccept={(keys, allocations) => newCase && accept(keys, allocations, { ...newCase, createdAt: new Date().toISOString() })}
        onCancel={startAgain}
      />
    );
  }
  return (
    <div className="page">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">New case from export files</h1>
      {newCase && state.step !== 'choose' && state.step !== 'survey' && (
        <p className="case-to-be">Case <strong>{newCase.title}</strong> · CRN <strong>{newCase.crn}</strong></p>
      )}
      {body}
    </div>
  );
}

const SHOWN_CRNS = 4;
const LABELS = { crn: 'Case', offenceDate: OFFENCE_DATE, offenceTime: 'Time of the further offence (optional)', title: 'Case name' } as const;
type Errors = { crn?: string; title?: string } & Pick<CaseFormErrors, 'offenceDate' | 'offenceTime'>;

/** Which CRN, when the further offence happened, and the case's name (proposed from the CRN). */
function CaseDetails({ survey, onContinue, onCancel }: { survey: ImportSurvey; onContinue: (c: Case) => void; onCancel: () => void }) {
  const [crn, setCrn] = useState(survey.crns[0]?.crn ?? '');
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [time, setTime] = useState('');
  /** The name typed; null while the proposed one stands (it follows the CRN chosen). */
  const [title, setTitle] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const proposed = `SFO review: ${crn}`;
  if (survey.crns.length === 0) {
    return (
      <div>
        <p><strong>These files do not name a case.</strong> Add the nDelius contact list, or the partner-agency information or allocations for the case, and choose the files again.</p>
        <button type="button" className="button button--secondary" onClick={onCancel}>Choose files again</button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    const offenceAt = checkOffence({ offenceDate: date, offenceTime: time }, next, londonToday());
    const { title: name, error } = checkTitle(title ?? proposed);
    if (!crn) next.crn = 'Choose the case the files are about';
    if (error) next.title = error;
    setErrors(next);
    if (!offenceAt || Object.keys(next).length > 0) return;
    onContinue({ id: crypto.randomUUID(), crn, title: name, subject: '', offenceAt, synthetic: false, createdAt: new Date().toISOString() });
  };
  const first = survey.crns.slice(0, SHOWN_CRNS);
  const rest = survey.crns.slice(SHOWN_CRNS);
  const inRest = rest.some((c) => c.crn === crn);
  return (
    <form onSubmit={submit} noValidate className="page--narrow">
      <ErrorSummary
        errors={{ ...errors, offenceDate: errors.offenceDate?.message }}
        labels={LABELS}
        targets={{ crn: 'crn-0', offenceDate: dateErrorTarget('offenceDate', errors.offenceDate) }}
      />
      <div className={`form-group${errors.crn ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby="crn-hint">
          <legend className="label">{survey.crns.length === 1 ? 'The case the files are about' : 'Which case are the files about?'}</legend>
          <div id="crn-hint" className="hint">
            {survey.crns.length === 1
              ? `The files hold one CRN${survey.from && survey.to ? `, with contacts from ${formatUkDate(survey.from)} to ${formatUkDate(survey.to)}` : ''}.`
              : `The files hold ${survey.crns.length} CRNs. The others are the officers' other cases: their contacts count towards what each officer carried.`}
          </div>
          {errors.crn && <p className="error-message"><span className="visually-hidden">Error:</span> {errors.crn}</p>}
          <div className="radios radios--stacked">
            {first.map((c, i) => (
              <span key={c.crn} className="radio">
                <input id={`crn-${i}`} type="radio" name="crn" value={c.crn} checked={crn === c.crn} onChange={() => setCrn(c.crn)} />
                <label htmlFor={`crn-${i}`}><strong>{c.crn}</strong>: {holds(c)}{i === 0 && survey.crns.length > 1 ? ' (most likely)' : ''}</label>
              </span>
            ))}
            {rest.length > 0 && (
              <span className="radio">
                <input id="crn-other" type="radio" name="crn" checked={inRest} onChange={() => setCrn(rest[0]!.crn)} />
                <label htmlFor="crn-other">Another of the {rest.length} other CRNs:</label>
                <label htmlFor="crn-other-choice" className="visually-hidden">Another CRN</label>
                <select id="crn-other-choice" className="select" value={inRest ? crn : ''} onChange={(e) => setCrn(e.target.value)}>
                  <option value="" disabled>Choose…</option>
                  {rest.map((c) => <option key={c.crn} value={c.crn}>{c.crn}: {holds(c)}</option>)}
                </select>
              </span>
            )}
          </div>
        </fieldset>
      </div>
      <DateInput id="offenceDate" legend={OFFENCE_DATE} hint="For example, 12 11 2023" value={date} onChange={setDate} error={errors.offenceDate} />
      <TextField
        id="offenceTime"
        label={LABELS.offenceTime}
        hint="Use the 24-hour clock, like 02:17. Leave it blank if only the day is known: the offence then counts as the end of that day."
        value={time}
        onChange={setTime}
        error={errors.offenceTime}
        width="short"
      />
      <TextField
        id="title"
        label={LABELS.title}
        hint="You can change it later."
        value={title ?? proposed}
        onChange={setTitle}
        error={errors.title}
      />
      <div className="button-group">
        <button type="submit" className="button">Check the files</button>
        <button type="button" className="link-like" onClick={onCancel}>Choose other files</button>
      </div>
    </form>
  );
}
