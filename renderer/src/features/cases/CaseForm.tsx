import { useState, type FormEvent } from 'react';
import { OFFENCE_DATE, validateCaseForm, type CaseFormErrors, type CaseFormFields } from '../../../../shared/domain/caseForm.js';
import { londonDateOf } from '../../../../shared/time/london.js';
import { createCase } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { DateInput, dateErrorTarget, ErrorSummary, TextField } from './fields.js';

const LABELS: Record<keyof CaseFormFields, string> = {
  title: 'Case name',
  crn: 'CRN',
  subject: 'Person on probation (optional)',
  offenceDate: OFFENCE_DATE,
  offenceTime: 'Time of the further offence (optional)',
};

/** Today in London, for refusing an offence date still to come. */
export const londonToday = () => londonDateOf(Date.now());

/** The error summary for the case details form: the date's error links to its first wrong field. */
export function CaseErrorSummary({ errors }: { errors: CaseFormErrors }) {
  return (
    <ErrorSummary
      errors={{ ...errors, offenceDate: errors.offenceDate?.message }}
      labels={LABELS}
      targets={{ offenceDate: dateErrorTarget('offenceDate', errors.offenceDate) }}
    />
  );
}

/** The fields of a case's details, as creating a case and correcting its details both ask for them. */
export function CaseFields({ fields, onChange, errors }: { fields: CaseFormFields; onChange: (fields: CaseFormFields) => void; errors: CaseFormErrors }) {
  const set = <K extends keyof CaseFormFields>(k: K) => (v: CaseFormFields[K]) => onChange({ ...fields, [k]: v });
  return (
    <>
      <TextField id="title" label={LABELS.title} value={fields.title} onChange={set('title')} error={errors.title} />
      <TextField id="crn" label={LABELS.crn} hint="One letter then six digits, like X123456" value={fields.crn} onChange={set('crn')} error={errors.crn} width="short" />
      <TextField id="subject" label={LABELS.subject} value={fields.subject} onChange={set('subject')} error={errors.subject} />
      <DateInput id="offenceDate" legend={LABELS.offenceDate} hint="For example, 26 6 2022" value={fields.offenceDate} onChange={set('offenceDate')} error={errors.offenceDate} />
      <TextField id="offenceTime" label={LABELS.offenceTime} hint="Use the 24-hour clock, like 02:17. Leave it blank if only the day is known." value={fields.offenceTime} onChange={set('offenceTime')} error={errors.offenceTime} width="short" />
    </>
  );
}

export function NewCase() {
  const db = useDb();
  const [fields, setFields] = useState<CaseFormFields>({ title: '', crn: '', subject: '', offenceDate: { day: '', month: '', year: '' }, offenceTime: '' });
  const [errors, setErrors] = useState<CaseFormErrors>({});
  usePageTitle('Create a case');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateCaseForm(fields, londonToday());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const id = crypto.randomUUID();
    await createCase(db, { id, ...result.value, synthetic: false, createdAt: new Date().toISOString() });
    navigate(href.case(id));
  };

  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Create a case</h1>
      <CaseErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <CaseFields fields={fields} onChange={setFields} errors={errors} />
        <div className="button-group">
          <button type="submit" className="button">Create case</button>
          <a href={href.cases()} className="link-button">Cancel</a>
        </div>
      </form>
    </div>
  );
}
