import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HindsightFlag } from '../../../../../shared/review/flags.js';
import type { Finding } from '../../../../../shared/schemas/review.js';
import { formatInstant } from '../../../../../shared/time/display.js';
import { dismisses } from '../../../../../shared/review/findingEdits.js';

/**
 * A flag's state and what can be done with it: "Dismiss…" opens a small form that needs a reason; a dismissed flag
 * stays shown with its reason, who gave it and when, and can be reopened.
 */
export function FlagActions(props: {
  id: string;
  flag: HindsightFlag;
  /** The finding's dismissals, for when and by whom a dismissed flag was dismissed. */
  dismissed: Finding['dismissed'];
  /** What the flag is about, for buttons read out of context: `"failed to"`. */
  about: string;
  onDismiss: (reason: string) => void;
  onReopen: () => void;
  /** False until the signed-in person's name is known (a dismissal is kept under it). */
  ready: boolean;
}) {
  const { id, flag, about } = props;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // After dismissing or reopening, the person is taken to what changed, not left on a button that went away.
  const moveFocus = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const dismissal = flag.dismissed ? props.dismissed.find((d) => dismisses(d, flag)) : undefined;
  const isDismissed = flag.dismissed !== null;
  useEffect(() => {
    if (!moveFocus.current) return;
    const target = isDismissed ? status.current : dismissButton.current;
    if (target) {
      target.focus();
      moveFocus.current = false;
    }
  }, [isDismissed]);
  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);
  if (flag.dismissed) {
    return (
      <div className="flag-actions">
        <p className="flag-actions__status" ref={status} tabIndex={-1}>
          <strong className="tag tag--grey tag--inline">Dismissed</strong> by {flag.dismissed.by}
          {dismissal ? ` on ${formatInstant(dismissal.at)}` : ''}: “{flag.dismissed.reason}”
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            moveFocus.current = true;
            props.onReopen();
          }}
        >
          Reopen<span className="visually-hidden"> the flag on {about}</span>
        </button>
      </div>
    );
  }
  if (!asking) {
    return (
      <div className="flag-actions">
        <button ref={dismissButton} type="button" className="button button--secondary button--small" disabled={!props.ready} onClick={() => setAsking(true)}>
          Dismiss…<span className="visually-hidden"> the flag on {about}</span>
        </button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Enter why this flag does not apply: a flag is dismissed only with a reason');
      field.current?.focus();
      return;
    }
    setAsking(false);
    setReason('');
    setError(null);
    moveFocus.current = true;
    props.onDismiss(reason);
  };
  return (
    <form className={`flag-dismiss form-group${error ? ' form-group--error' : ''}`} onSubmit={submit} noValidate>
      <label className="label label--s" htmlFor={`${id}-reason`}>Why does this flag not apply?</label>
      <div id={`${id}-reason-hint`} className="hint">The reason is kept with the finding and in the activity, with your name.</div>
      {error && (
        <p id={`${id}-reason-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <textarea
        id={`${id}-reason`}
        ref={field}
        className={`textarea${error ? ' textarea--error' : ''}`}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${id}-reason-hint${error ? ` ${id}-reason-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      <div className="button-group button-group--tight">
        <button type="submit" className="button button--small">Dismiss the flag<span className="visually-hidden"> on {about}</span></button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setAsking(false);
            setError(null);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
