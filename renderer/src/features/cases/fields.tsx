import { useEffect, useRef } from 'react';

export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  width?: 'short';
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
        type={props.password ? 'password' : 'text'}
        autoComplete={props.password === 'new' ? 'new-password' : props.password === 'current' ? 'current-password' : 'off'}
        spellCheck={false}
      />
    </div>
  );
}

/** GOV.UK error summary: takes focus when errors appear, each linking to its field (`targets`: where that is not the key). */
export function ErrorSummary<K extends string>({ errors, labels, targets = {} }: { errors: Partial<Record<K, string>>; labels: Record<K, string>; targets?: Partial<Record<K, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = (Object.keys(labels) as K[]).filter((k) => errors[k]);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, errors]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">There is a problem</h2>
      <ul>
        {entries.map((k) => (
          <li key={k}><a href={`#${targets[k] ?? k}`} onClick={(e) => { e.preventDefault(); document.getElementById(targets[k] ?? k)?.focus(); }}>{errors[k]}</a></li>
        ))}
      </ul>
    </div>
  );
}
