import type { ReactNode } from 'react';
import type { DateParts } from '../../../../../shared/domain/caseForm.js';
import type { FieldError, FieldErrors } from '../../../../../shared/review/registerForms.js';
import { DateInput, ErrorSummary, TextField } from '../../cases/fields.js';

/** The id of a form's field from its name in the form's errors: `policy-targets-0-from` (an item's own id may hold any character). */
export const fieldId = (form: string, key: string) => `${form}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const describedBy = (id: string, hint: ReactNode, error: FieldError | undefined) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

function Message({ id, error }: { id: string; error: FieldError | undefined }) {
  return error ? <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Error:</span> {error.message}</p> : null;
}

function Group({ error, children }: { error: FieldError | undefined; children: ReactNode }) {
  return <div className={`form-group${error ? ' form-group--error' : ''}`}>{children}</div>;
}

/** A register's text field: the app's own (cases/fields.tsx), given the register's kind of error. */
export function TextInput({ error, ...props }: { id: string; label: string; hint?: ReactNode; value: string; onChange: (value: string) => void; error?: FieldError | undefined; list?: string; width?: 'short' }) {
  return <TextField {...props} error={error?.message} />;
}

export function TextArea(props: { id: string; label: string; hint?: ReactNode; value: string; onChange: (value: string) => void; onBlur?: () => void; error?: FieldError | undefined; rows?: number }) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label className="label" htmlFor={id}>{props.label}</label>
      {props.hint && <div id={`${id}-hint`} className="hint">{props.hint}</div>}
      <Message id={id} error={error} />
      <textarea
        id={id}
        className={`textarea${error ? ' input--error' : ''}`}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </Group>
  );
}

export function SelectField<V extends string>(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: V | '';
  /** What the empty choice says ("Choose a level"). */
  empty: string;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | '') => void;
  error?: FieldError | undefined;
}) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label className="label" htmlFor={id}>{props.label}</label>
      {props.hint && <div id={`${id}-hint`} className="hint">{props.hint}</div>}
      <Message id={id} error={error} />
      <select
        id={id}
        className={`select${error ? ' input--error' : ''}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V | '')}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{props.empty}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Group>
  );
}

/** An optional date in three fields, GOV.UK style; only its wrong parts are marked. */
export function OptionalDate(props: { id: string; legend: string; hint: string; value: DateParts; onChange: (value: DateParts) => void; error?: FieldError | undefined }) {
  const { error } = props;
  return <DateInput id={props.id} legend={props.legend} hint={props.hint} value={props.value} onChange={props.onChange} error={error && { message: error.message, parts: error.parts ?? ['day', 'month', 'year'] }} />;
}

/** GOV.UK error summary for a register's form: each error links to its field (a date's to its first wrong part). */
export function FormErrorSummary({ form, errors }: { form: string; errors: FieldErrors }) {
  const messages = Object.fromEntries(Object.entries(errors).map(([key, e]) => [key, e.message]));
  const targets = Object.fromEntries(Object.entries(errors).map(([key, e]) => [key, e.parts ? `${fieldId(form, key)}-${e.parts[0] ?? 'day'}` : fieldId(form, key)]));
  return <ErrorSummary errors={messages} labels={messages} targets={targets} />;
}
