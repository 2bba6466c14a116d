import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** How long typing must pause before what was typed is saved. */
const PAUSE_MS = 800;

/**
 * A text saved as it is written: when the person leaves the field or pauses typing, never on every keystroke (each
 * save is a trail entry). `check` may refuse what was typed (a title left blank), which is then not saved. While
 * nothing is being typed the field follows the stored value, so an undo shows at once.
 */
export function useSavedText(value: string, save: (text: string) => Promise<boolean>, check?: (text: string) => string | null) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Keystrokes not yet saved: while there are any, the stored value does not overwrite what is being typed.
  const unsaved = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, value, save, check });
  useLayoutEffect(() => {
    latest.current = { draft, value, save, check };
  });

  useEffect(() => {
    if (unsaved.current === 0) setDraft(value);
  }, [value]);

  const commit = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { draft: text, value: stored, save: store, check: refuse } = latest.current;
    const typed = unsaved.current;
    if (typed === 0) return;
    const problem = refuse?.(text) ?? null;
    setError(problem);
    if (problem) return;
    if (text === stored || (await store(text))) {
      // Only if nothing more was typed while it saved; otherwise the next pause saves that too.
      if (unsaved.current === typed) unsaved.current = 0;
    }
  }, []);

  // Leaving the section mid-sentence still saves what was typed.
  useEffect(() => () => void (timer.current !== undefined && commit()), [commit]);

  const change = (text: string) => {
    setDraft(text);
    unsaved.current++;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void commit(), PAUSE_MS);
  };
  return { draft, change, commit, error };
}

/** A labelled text field (one line, or several) saved as it is written; see useSavedText. */
export function SavedText(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onSave: (text: string) => Promise<boolean>;
  check?: (text: string) => string | null;
  rows?: number;
  labelClass?: string;
}) {
  const { draft, change, commit, error } = useSavedText(props.value, props.onSave, props.check);
  const { id } = props;
  const described = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    onBlur: () => void commit(),
    'aria-describedby': described,
    'aria-invalid': error ? true : undefined,
  } as const;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className={props.labelClass ?? 'label'} htmlFor={id}>{props.label}</label>
      {props.hint && <div id={`${id}-hint`} className="hint">{props.hint}</div>}
      {error && <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Error:</span> {error}</p>}
      {props.rows ? (
        <textarea {...common} className={`textarea${error ? ' input--error' : ''}`} rows={props.rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} className={`input${error ? ' input--error' : ''}`} autoComplete="off" onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}
