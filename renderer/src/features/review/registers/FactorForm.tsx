import { checkFactor, factorFields, type FactorFields } from '../../../../../shared/review/registerForms.js';
import { ACCIMAP_LEVELS, SEIPS_ELEMENTS, type AcciMapLevel, type Factor, type SeipsElement } from '../../../../../shared/schemas/review.js';
import { useRegisterForm } from './useRegisterForm.js';
import { FormErrorSummary, fieldId, SelectField, TextArea, TextInput } from './fields.js';
import { SCIE_PATTERNS } from './names.js';
import { ACCIMAP_LEVEL_NAMES, SEIPS_NAMES } from '../../../../../shared/review/words.js';

const FORM = 'factor';
const LEVELS = ACCIMAP_LEVELS.map((level) => ({ value: level, label: ACCIMAP_LEVEL_NAMES[level] }));
const ELEMENTS = SEIPS_ELEMENTS.map((element) => ({ value: element, label: SEIPS_NAMES[element] }));

/** Adding a contributory factor, or changing one: what it is, the level of the system it sits at, and how it is classed. */
export function FactorForm({ id, factor, onSave, onClose }: { id: string; factor: Factor | undefined; onSave: (factor: Factor) => Promise<boolean>; onClose: () => void }) {
  const { fields, errors, saving, set, submit } = useRegisterForm(() => factorFields(factor), (f: FactorFields) => checkFactor(id, f), onSave, onClose);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormErrorSummary form={FORM} errors={errors} />
      <TextArea id={fieldId(FORM, 'text')} label="Contributory factor" hint="A condition that made the practice more or less likely, for example: caseload over 50 for two months" value={fields.text} onChange={set('text')} error={errors.text} rows={3} />
      <SelectField<AcciMapLevel>
        id={fieldId(FORM, 'level')}
        label="Level of the system (AcciMap)"
        hint="Where the factor sits, from government down to the work environment. A factor above the practitioner is a system factor."
        empty="Choose a level"
        options={LEVELS}
        value={fields.level}
        onChange={set('level')}
        error={errors.level}
      />
      <SelectField<SeipsElement> id={fieldId(FORM, 'seips')} label="Part of the work system (SEIPS, optional)" empty="Not chosen" options={ELEMENTS} value={fields.seips} onChange={set('seips')} />
      <TextInput
        id={fieldId(FORM, 'pattern')}
        label="Underlying pattern (SCIE, optional)"
        hint="Choose from SCIE’s typology as you type, or write your own"
        value={fields.pattern}
        onChange={set('pattern')}
        list="scie-patterns"
      />
      <datalist id="scie-patterns">
        {SCIE_PATTERNS.map((p) => <option key={p.pattern} value={p.pattern} label={p.kind} />)}
      </datalist>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>Save factor</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
