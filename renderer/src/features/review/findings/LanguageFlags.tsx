import { memo, type ReactNode } from 'react';
import { FLAG_RULES, type HindsightFlag } from '../../../../../shared/review/flags.js';
import { isReplacement } from '../../../../../shared/review/findingEdits.js';
import type { Finding } from '../../../../../shared/schemas/review.js';
import { FlagActions } from './FlagActions.js';

type LanguageFlag = Extract<HindsightFlag, { kind: 'outcomeLanguage' }>;

const CONTEXT = 40;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The words around a flagged phrase, so each place it is used can be told apart when read out of the text. */
function around(text: string, flag: LanguageFlag): { before: string; after: string } {
  const start = Math.max(0, flag.offset - CONTEXT);
  const end = Math.min(text.length, flag.offset + flag.text.length + CONTEXT);
  return {
    before: `${start > 0 ? '…' : ''}${oneLine(text.slice(start, flag.offset))}`,
    after: `${oneLine(text.slice(flag.offset + flag.text.length, end))}${end < text.length ? '…' : ''}`,
  };
}

interface ItemProps {
  id: string;
  flag: LanguageFlag;
  before: string;
  after: string;
  dismissed: Finding['dismissed'];
  ready: boolean;
  onUseSuggestion: (flag: LanguageFlag) => void;
  onDismiss: (flag: LanguageFlag, reason: string) => void;
  onReopen: (flag: LanguageFlag) => void;
}

/** Whether two renderings of a flag would show the same: typing elsewhere in the finding leaves a flag as it was. */
function sameItem(a: ItemProps, b: ItemProps): boolean {
  const f = a.flag;
  const g = b.flag;
  return (
    f.offset === g.offset && f.text === g.text && f.phrase === g.phrase && f.dismissed?.reason === g.dismissed?.reason && f.dismissed?.by === g.dismissed?.by &&
    a.before === b.before && a.after === b.after && a.id === b.id && a.dismissed === b.dismissed && a.ready === b.ready &&
    a.onUseSuggestion === b.onUseSuggestion && a.onDismiss === b.onDismiss && a.onReopen === b.onReopen
  );
}

/** One flagged phrase: the words as written and around it, what to say instead, and its dismissal. */
const FlagItem = memo(function FlagItem({ id, flag: f, before, after, ...props }: ItemProps) {
  const about = `“${oneLine(f.text)}”`;
  return (
    <li className={`flag${f.dismissed ? ' flag--dismissed' : ''}`} data-flag="outcomeLanguage">
      <p className="flag__what">
        <strong>{about}</strong>{' '}
        <span className="flag__context">
          {before}
          <mark>{oneLine(f.text)}</mark>
          {after}
        </span>
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
        id={id}
        flag={f}
        dismissed={props.dismissed}
        about={about}
        ready={props.ready}
        onDismiss={(reason) => props.onDismiss(f, reason)}
        onReopen={() => props.onReopen(f)}
      />
    </li>
  );
}, sameItem);

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
            {flags.map((f) => (
              <FlagItem
                key={`${f.offset}-${f.phrase}`}
                id={`${props.id}-${f.offset}`}
                flag={f}
                {...around(text, f)}
                dismissed={props.dismissed}
                ready={props.ready}
                onUseSuggestion={props.onUseSuggestion}
                onDismiss={props.onDismiss}
                onReopen={props.onReopen}
              />
            ))}
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
