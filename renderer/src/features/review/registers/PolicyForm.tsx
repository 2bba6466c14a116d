import { checkPolicy, policyFields, type PolicyFields, type TargetFields } from '../../../../../shared/review/registerForms.js';
import { RECALL_STEPS, type Policy, type RecallStep } from '../../../../../shared/schemas/review.js';
import { useRegisterForm } from './useRegisterForm.js';
import { FormErrorSummary, fieldId, OptionalDate, SelectField, TextArea, TextInput } from './fields.js';
import { RECALL_STEP_LABELS } from '../../../../../shared/review/recallTiming.js';

const FORM = 'policy';
const STEPS = RECALL_STEPS.map((step) => ({ value: step, label: RECALL_STEP_LABELS[step] }));
const NO_TARGET: TargetFields = { from: '', to: '', withinHours: '' };

/** Adding a policy to the register, or changing one: its name, the dates it applied, what it requires and its time limits. */
export function PolicyForm({ id, policy, onSave, onClose }: { id: string; policy: Policy | undefined; onSave: (policy: Policy) => Promise<boolean>; onClose: () => void }) {
  const { fields, setFields, errors, saving, set, submit } = useRegisterForm(() => policyFields(policy), (f: PolicyFields) => checkPolicy(id, f), onSave, onClose);
  const setTarget = (i: number, patch: Partial<TargetFields>) => setFields((f) => ({ ...f, targets: f.targets.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormErrorSummary form={FORM} errors={errors} />
      <TextInput id={fieldId(FORM, 'name')} label="Name" hint="For example, Recall policy framework" value={fields.name} onChange={set('name')} error={errors.name} />
      <TextInput id={fieldId(FORM, 'version')} label="Version (optional)" hint="As the document numbers or dates it" value={fields.version} onChange={set('version')} width="short" />
      <div className="register-form__dates">
        <OptionalDate id={fieldId(FORM, 'from')} legend="Applied from (optional)" hint="The first day it applied, for example 26 6 2021" value={fields.from} onChange={set('from')} error={errors.from} />
        <OptionalDate id={fieldId(FORM, 'to')} legend="Applied until (optional)" hint="Its last day. Leave blank if it is still in force." value={fields.to} onChange={set('to')} error={errors.to} />
      </div>
      <TextArea id={fieldId(FORM, 'requires')} label="What it requires (optional)" hint="In the policy’s own terms, for the decisions this review looks at" value={fields.requires} onChange={set('requires')} />
      <fieldset className="form-fieldset register-form__targets">
        <legend className="form-fieldset__legend">Time limits between recall steps (optional)</legend>
        <div className="hint">For example, manager sign-off within 24 hours of the recall being considered. The recall timing compares the case with these.</div>
        {fields.targets.map((t, i) => (
          <div key={i} className="register-form__target">
            <SelectField<RecallStep> id={fieldId(FORM, `targets.${i}.from`)} label={`Target ${i + 1}: from`} empty="Choose a step" options={STEPS} value={t.from} onChange={(v) => setTarget(i, { from: v })} error={errors[`targets.${i}.from`]} />
            <SelectField<RecallStep> id={fieldId(FORM, `targets.${i}.to`)} label={`Target ${i + 1}: to`} empty="Choose a step" options={STEPS} value={t.to} onChange={(v) => setTarget(i, { to: v })} error={errors[`targets.${i}.to`]} />
            <TextInput id={fieldId(FORM, `targets.${i}.withinHours`)} label={`Target ${i + 1}: within hours`} value={t.withinHours} onChange={(v) => setTarget(i, { withinHours: v })} error={errors[`targets.${i}.withinHours`]} width="short" />
            <button type="button" className="link-button register-form__remove" onClick={() => setFields((f) => ({ ...f, targets: f.targets.filter((_, j) => j !== i) }))}>
              Remove<span className="visually-hidden"> target {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setFields((f) => ({ ...f, targets: [...f.targets, NO_TARGET] }))}>
          Add a time limit
        </button>
      </fieldset>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>Save policy</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
