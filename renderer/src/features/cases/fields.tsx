import { useEffect, useRef, type ReactNode } from 'react';
import { DATE_PARTS, type DateError, type DatePart, type DateParts } from '../../../../shared/domain/caseForm.js';
import { useErrorTitle } from '../shell/usePageTitle.js';

export function TextField(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  width?: 'short';
  /** A <datalist> of choices offered while the text stays free. */
  list?: string;
  /** A passphrase field: hidden as typed, and filled by password managers only where the browser offers. */
  password?: 'new' | 'current';
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`form-group${props.error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={props.id}>{props.label}</label>
      {props.hint && <div id={`${props.id}-hint`} className="hint">{props.hint}</div>}
      {props.error && <p id={`${props.id}-error`} className="error-message"><span className="visually-hidden">Error:</span> {props.error}</p>}
      <input
        id={props.id}
        name={props.id}
        className={`input${props.width === 'short' ? ' input--short' : ''}${props.error ? ' input--error' : ''}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? true : undefined}
        list={props.list}
        type={props.password ? 'password' : 'text'}
        autoComplete={props.password === 'new' ? 'new-password' : props.password === 'current' ? 'current-password' : 'off'}
        spellCheck={false}
      />
    </div>
  );
}

const PART_LABELS: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

/**
 * GOV.UK date input: day, month and year in one fieldset, the error on the fieldset and only the wrong fields marked.
 * Its fields' ids are `<id>-day`, `<id>-month` and `<id>-year`.
 */
export function DateInput(props: { id: string; legend: string; hint?: string; value: DateParts; onChange: (value: DateParts) => void; error?: DateError | undefined }) {
  const { id, error } = props;
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="form-fieldset" role="group" aria-describedby={describedBy || undefined}>
        <legend className="form-fieldset__legend">{props.legend}</legend>
        {props.hint && <div id={`${id}-hint`} className="hint">{props.hint}</div>}
        {error && <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Error:</span> {error.message}</p>}
        <div className="date-input">
          {DATE_PARTS.map((part) => {
            const wrong = error?.parts.includes(part) ?? false;
            return (
              <div key={part} className="date-input__item">
                <label className="label date-input__label" htmlFor={`${id}-${part}`}>{PART_LABELS[part]}</label>
                <input
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  className={`input date-input__input date-input__input--${part}${wrong ? ' input--error' : ''}`}
                  value={props.value[part]}
                  onChange={(e) => props.onChange({ ...props.value, [part]: e.target.value })}
                  aria-invalid={wrong || undefined}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The id of the field a date error sends the user to: the first wrong one. */
export const dateErrorTarget = (id: string, error: DateError | undefined) => error && `${id}-${error.parts[0] ?? 'day'}`;

/**
 * GOV.UK error summary: takes focus when errors appear, each linking to its field (`targets` names the field where its
 * id is not the error's key), and the window's title says there is an error.
 */
export function ErrorSummary<K extends string>({ errors, labels, targets = {} }: { errors: Partial<Record<K, string>>; labels: Record<K, string>; targets?: Partial<Record<K, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = (Object.keys(labels) as K[]).filter((k) => errors[k]);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, errors]);
  useErrorTitle(entries.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">There is a problem</h2>
      <ul>
        {entries.map((k) => {
          const target = targets[k] ?? k;
          return <li key={k}><a href={`#${target}`} onClick={(e) => { e.preventDefault(); document.getElementById(target)?.focus(); }}>{errors[k]}</a></li>;
        })}
      </ul>
    </div>
  );
}
