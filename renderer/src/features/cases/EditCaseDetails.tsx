import { useState, type FormEvent } from 'react';
import { caseDetailsChange, caseFormFields, validateCaseEdit, type CaseFormErrors, type CaseFormFields, type DetailsChange } from '../../../../shared/domain/caseForm.js';
import { count } from '../../../../shared/domain/words.js';
import { Crn } from '../../../../shared/schemas/common.js';
import type { Case } from '../../../../shared/schemas/index.js';
import { editCaseDetails, findCase, type DetailsEdited } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { CaseErrorSummary, CaseFields, londonToday } from './CaseForm.js';
import { CaseGone } from './CaseGone.js';
import { useStored } from '../../app/useStored.js';

/** Correct a case's name, CRN, person on probation or offence time; the change goes in the case's audit trail. */
export function EditCaseDetails({ caseId }: { caseId: string }) {
  const found = useStored((db) => findCase(db, caseId), [caseId]);
  const [saved, setSaved] = useState<{ change: DetailsChange; edited: DetailsEdited } | null>(null);
  usePageTitle(saved ? 'Case details saved' : 'Edit case details', found?.title);
  if (found === undefined) return <p className="page">Loading…</p>;
  if (found === null) return <CaseGone />;
  if (saved) return <Saved found={found} {...saved} />;
  return <EditForm key={found.id} found={found} onSaved={setSaved} />;
}

function EditForm({ found, onSaved }: { found: Case; onSaved: (saved: { change: DetailsChange; edited: DetailsEdited }) => void }) {
  const db = useDb();
  const [fields, setFields] = useState<CaseFormFields>(() => caseFormFields(found));
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const typedCrn = fields.crn.trim().toUpperCase();
  const newCrn = typedCrn !== found.crn && Crn.safeParse(typedCrn).success ? typedCrn : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateCaseEdit(found, fields, londonToday());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const change = caseDetailsChange(found, result.value);
    if (!change) {
      navigate(href.cases());
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const edited = await editCaseDetails(db, found.id, result.value);
      if (edited) onSaved({ change, edited });
      else navigate(href.cases());
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  };

  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <p className="caption">{found.title}</p>
      <h1 className="heading-l">Edit case details</h1>
      <p>Correct what was typed when the case was created. The change, and who made it, is recorded in the case’s activity.</p>
      <CaseErrorSummary errors={errors} />
      {failure && <div className="notification notification--error" role="alert"><p>The changes could not be saved: {failure} Nothing has been changed.</p></div>}
      <form onSubmit={submit} noValidate>
        <CaseFields fields={fields} onChange={setFields} errors={errors} />
        {newCrn && (
          <div className="inset-text" data-testid="crn-change">
            <p>Changing the CRN from {found.crn} to {newCrn} sorts the case’s contacts again: contacts of {newCrn} become the case’s records, and contacts of {found.crn} move to its officers’ other work.</p>
            <p>Information records and allocations already in the case stay as they are.</p>
            <p>
              <strong>Import the information and allocations files again to add rows for {newCrn}.</strong> An earlier import left
              them out as belonging to another case, so they are not in this case to move.
            </p>
          </div>
        )}
        <div className="button-group">
          <button type="submit" className="button" disabled={saving}>{saving ? 'Saving…' : 'Save changes'}</button>
          <a href={href.cases()} className="link-button">Cancel</a>
        </div>
      </form>
    </div>
  );
}

function Saved({ found, change, edited }: { found: Case; change: DetailsChange; edited: DetailsEdited }) {
  const moved = edited.rerouted;
  return (
    <div className="page page--narrow">
      <div className="notification notification--success" role="status">
        <h1 className="heading-m">Case details saved</h1>
        <p>The change is recorded in the case’s activity.</p>
      </div>
      <table className="table table--spaced">
        <caption className="table__caption">What changed</caption>
        <thead><tr><th scope="col">Detail</th><th scope="col">Was</th><th scope="col">Now</th></tr></thead>
        <tbody>
          {change.lines.map((l) => (
            <tr key={l.field}><th scope="row">{l.field.charAt(0).toUpperCase() + l.field.slice(1)}</th><td>{l.before}</td><td>{l.after}</td></tr>
          ))}
        </tbody>
      </table>
      {moved && (
        <>
          <h2 className="heading-s">Contacts sorted under the new CRN</h2>
          <ul className="list">
            <li>{count(moved.toRecords, 'contact')} of {found.crn} moved from other work into the case’s records.</li>
            <li>{count(moved.toOtherWork, 'contact')} of {change.before.crn} moved from the records to other work.</li>
            {moved.otherCrn.information + moved.otherCrn.allocations > 0 && (
              <li>
                The case keeps {count(moved.otherCrn.information, 'information record')} and{' '}
                {count(moved.otherCrn.allocations, 'allocation')} that carry another CRN.
              </li>
            )}
          </ul>
          <p>
            <strong>Import the information and allocations files again to add rows for {found.crn}.</strong> An earlier import
            left them out as belonging to another case. <a href={href.case(found.id, 'import')}>Import files into this case</a>
          </p>
        </>
      )}
      <div className="button-group">
        <a className="button" href={href.case(found.id, 'activity')} role="button">See the activity</a>
        <a href={href.cases()}>Back to cases</a>
      </div>
    </div>
  );
}
