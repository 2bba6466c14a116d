import { useState, type FormEvent } from 'react';
import { validateCaseForm, type CaseFormErrors, type CaseFormFields } from '../../../../shared/domain/caseForm.js';
import { createCase } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { ErrorSummary, TextField } from './fields.js';

const LABELS: Record<keyof CaseFormFields, string> = {
  title: 'Case name',
  crn: 'CRN',
  subject: 'Person on probation',
  offenceDate: 'Date of the further offence',
  offenceTime: 'Time of the further offence (optional)',
};

export function NewCase() {
  const db = useDb();
  const [fields, setFields] = useState<CaseFormFields>({ title: '', crn: '', subject: '', offenceDate: '', offenceTime: '' });
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const set = (k: keyof CaseFormFields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateCaseForm(fields);
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
      <ErrorSummary errors={errors} labels={LABELS} />
      <form onSubmit={submit} noValidate>
        <TextField id="title" label={LABELS.title} value={fields.title} onChange={set('title')} error={errors.title} />
        <TextField id="crn" label={LABELS.crn} hint="One letter then six digits, like X123456" value={fields.crn} onChange={set('crn')} error={errors.crn} width="short" />
        <TextField id="subject" label={LABELS.subject} value={fields.subject} onChange={set('subject')} error={errors.subject} />
        <TextField id="offenceDate" label={LABELS.offenceDate} hint="For example, 26/06/2022" value={fields.offenceDate} onChange={set('offenceDate')} error={errors.offenceDate} width="short" />
        <TextField id="offenceTime" label={LABELS.offenceTime} hint="24-hour clock, like 02:17. Leave blank if only the date is known." value={fields.offenceTime} onChange={set('offenceTime')} error={errors.offenceTime} width="short" />
        <div className="button-group">
          <button type="submit" className="button">Create case</button>
          <a href={href.cases()} className="link-button">Cancel</a>
        </div>
      </form>
    </div>
  );
}
