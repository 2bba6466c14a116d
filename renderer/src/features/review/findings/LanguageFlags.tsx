import type { ReactNode } from 'react';
import { FLAG_RULES, type HindsightFlag } from '../../../../../shared/review/flags.js';
import { isReplacement } from '../../../../../shared/review/findingEdits.js';
import type { Finding } from '../../../../../shared/schemas/review.js';
import { FlagActions } from './FlagActions.js';

type LanguageFlag = Extract<HindsightFlag, { kind: 'outcomeLanguage' }>;

const CONTEXT = 40;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The words around a flagged phrase, so each place it is used can be told apart when read out of the text. */
function context(text: string, flag: LanguageFlag): ReactNode {
  const start = Math.max(0, flag.offset - CONTEXT);
  const end = Math.min(text.length, flag.offset + flag.text.length + CONTEXT);
  return (
    <>
      {start > 0 ? '…' : ''}
      {oneLine(text.slice(start, flag.offset))}
      <mark>{oneLine(flag.text)}</mark>
      {oneLine(text.slice(flag.offset + flag.text.length, end))}
      {end < text.length ? '…' : ''}
    </>
  );
}

/**
 * The text with each flagged phrase highlighted where it is: a picture of the finding for the eye. The list below it
 * says the same in words, for everyone.
 */
function Mirror({ text, flags }: { text: string; flags: readonly LanguageFlag[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of flags) {
    parts.push(text.slice(at, f.offset));
    parts.push(
      <mark key={f.offset} className={f.dismissed ? 'mark--dismissed' : undefined}>
        {f.text}
      </mark>,
    );
    at = f.offset + f.text.length;
  }
  parts.push(text.slice(at));
  return (
    <div className="finding-mirror" aria-hidden="true">
      {parts}
    </div>
  );
}

/**
 * The outcome-language flags of the finding being written, from its words as typed: each phrase as written, where it
 * is, what to say instead (with a button to use it where the suggestion is wording), and dismissal with a reason.
 */
export function LanguageFlags(props: {
  id: string;
  text: string;
  flags: readonly LanguageFlag[];
  dismissed: Finding['dismissed'];
  ready: boolean;
  onUseSuggestion: (flag: LanguageFlag) => void;
  onDismiss: (flag: LanguageFlag, reason: string) => void;
  onReopen: (flag: LanguageFlag) => void;
}) {
  const { flags, text } = props;
  const open = flags.filter((f) => f.dismissed === null).length;
  return (
    <div className="finding-flags" id={`${props.id}`}>
      <p className="finding-flags__summary" aria-live="polite">
        {flags.length === 0
          ? 'No words that judge with the outcome known.'
          : `${flags.length === 1 ? '1 phrase judges' : `${flags.length} phrases judge`} with the outcome known${open < flags.length ? ` (${open} open)` : ''}.`}
      </p>
      {flags.length > 0 && (
        <>
          <Mirror text={text} flags={flags} />
          <ul className="flag-list">
            {flags.map((f) => {
              const about = `“${oneLine(f.text)}”`;
              return (
                <li key={`${f.offset}-${f.phrase}`} className={`flag${f.dismissed ? ' flag--dismissed' : ''}`} data-flag="outcomeLanguage">
                  <p className="flag__what">
                    <strong>{about}</strong> <span className="flag__context">{context(text, f)}</span>
                  </p>
                  {isReplacement(f) ? (
                    <p className="flag__suggestion">
                      Suggested wording: <strong>“{f.suggestion}”</strong>
                      {!f.dismissed && (
                        <>
                          {' '}
                          <button type="button" className="button button--small" onClick={() => props.onUseSuggestion(f)}>
                            Use suggested wording<span className="visually-hidden"> in place of {about}</span>
                          </button>
                        </>
                      )}
                    </p>
                  ) : (
                    <p className="flag__suggestion">Instead: {f.suggestion}.</p>
                  )}
                  <FlagActions
                    id={`${props.id}-${f.offset}`}
                    flag={f}
                    dismissed={props.dismissed}
                    about={about}
                    ready={props.ready}
                    onDismiss={(reason) => props.onDismiss(f, reason)}
                    onReopen={() => props.onReopen(f)}
                  />
                </li>
              );
            })}
          </ul>
          <details className="why">
            <summary>Why these words are flagged</summary>
            <p className="why__rule">{FLAG_RULES.outcomeLanguage}</p>
            <p className="why__rule">A dismissal names the phrase, so it covers every place the finding uses it.</p>
          </details>
        </>
      )}
    </div>
  );
}
