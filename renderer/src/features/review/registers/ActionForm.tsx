import { actionFields, checkAction, startOf, type ActionFields } from '../../../../../shared/review/registerForms.js';
import type { Action, Finding } from '../../../../../shared/schemas/review.js';
import { useRegisterForm } from './useRegisterForm.js';
import { FormErrorSummary, fieldId, OptionalDate, TextArea, TextInput } from './fields.js';
import { FINDING_KIND_NAMES } from '../../../../../shared/review/words.js';

const FORM = 'action';

/** Adding an action to the plan, or changing one: what is to be done, by whom and when, how progress shows, and the findings it answers. */
export function ActionForm({ id, action, findings, onSave, onClose }: { id: string; action: Action | undefined; findings: readonly Finding[]; onSave: (action: Action) => Promise<boolean>; onClose: () => void }) {
  const { fields, setFields, errors, saving, set, submit } = useRegisterForm(() => actionFields(action), (f: ActionFields) => checkAction(id, f, findings.map((x) => x.id)), onSave, onClose);
  const tick = (finding: string, on: boolean) => setFields((f) => ({ ...f, findings: on ? [...f.findings, finding] : f.findings.filter((x) => x !== finding) }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormErrorSummary form={FORM} errors={errors} />
      <TextArea id={fieldId(FORM, 'action')} label="Action" hint="What is to be done, and by which part of the organisation" value={fields.action} onChange={set('action')} error={errors.action} rows={3} />
      <TextInput id={fieldId(FORM, 'owner')} label="Owner (optional)" hint="The role that answers for it, for example Head of PDU" value={fields.owner} onChange={set('owner')} />
      <OptionalDate id={fieldId(FORM, 'due')} legend="Due date (optional)" hint="For example, 31 3 2027" value={fields.due} onChange={set('due')} error={errors.due} />
      <TextArea id={fieldId(FORM, 'measure')} label="How progress is measured (optional)" hint="What will show the action has worked" value={fields.measure} onChange={set('measure')} rows={2} />
      <fieldset className="form-fieldset form-group" aria-describedby={`${fieldId(FORM, 'findings')}-hint`}>
        <legend className="form-fieldset__legend">Findings it answers</legend>
        <div id={`${fieldId(FORM, 'findings')}-hint`} className="hint">
          {findings.length === 0 ? 'The review has no findings yet: write them first, then link them here.' : 'Tick each finding this action answers.'}
        </div>
        <div className="checkboxes">
          {findings.map((f) => (
            <label key={f.id} className="checkbox checkbox--item" htmlFor={fieldId(FORM, `finding.${f.id}`)}>
              <input id={fieldId(FORM, `finding.${f.id}`)} type="checkbox" checked={fields.findings.includes(f.id)} onChange={(e) => tick(f.id, e.target.checked)} />
              <span><strong>{f.id}</strong> ({FINDING_KIND_NAMES[f.kind].toLowerCase()}): {startOf(f.text, 70) || 'no words yet'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>Save action</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
