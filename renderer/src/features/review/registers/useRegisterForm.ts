import { useState, type FormEvent } from 'react';
import type { FieldErrors, FormCheck } from '../../../../../shared/review/registerForms.js';

/**
 * A register's add-or-change form: its fields as typed, their errors, and a submit that checks them (the rules are in
 * shared/review/registerForms.ts), saves what they make, and closes the form once it is saved.
 */
export function useRegisterForm<F, T>(initial: () => F, check: (fields: F) => FormCheck<T>, onSave: (value: T) => Promise<boolean>, onClose: () => void) {
  const [fields, setFields] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) =>
      setFields((f) => ({ ...f, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = check(fields);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setSaving(true);
    const saved = await onSave(checked.value);
    setSaving(false);
    if (saved) onClose();
  };
  return { fields, setFields, errors, saving, set, submit };
}
