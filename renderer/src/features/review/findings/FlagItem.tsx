import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { isReplacement } from '../../../../../shared/review/findingEdits.js';
import type { HindsightFlag } from '../../../../../shared/review/flags.js';
import { stateAtDecision } from '../../../../../shared/review/stateWords.js';
import { recordLabel, recordOf } from '../episodes/parts.js';

/** What a hindsight flag is about, in plain words: the words it found, or the record and what the officer could know of it. */
function FlagWords({ flag, index, when }: { flag: HindsightFlag; index: CaseIndex; when: ReadonlyMap<string, string> }) {
  if (flag.kind === 'outcomeLanguage') {
    return (
      <>
        Words that judge with the outcome known: <strong>“{flag.text.replace(/\s+/g, ' ')}”</strong>.{' '}
        {isReplacement(flag) ? <>Suggested wording: “{flag.suggestion}”.</> : <>Instead: {flag.suggestion}.</>}
      </>
    );
  }
  if (flag.kind === 'noSystemFactor') return <>A criticism of individual practice that names no system factor.</>;
  const record = flag.record === 'offence' ? 'offence' : recordOf(index, flag.record);
  const at = when.get(flag.episode);
  const officer = flag.officer ? index.staffMember(flag.officer).name || flag.officer : 'the officer';
  return (
    <>
      Evidence: <strong>{recordLabel(index, flag.record)}</strong>. {record && at ? stateAtDecision(record, flag.state, officer, at) : null}.
    </>
  );
}

/**
 * One hindsight flag as a list item: open or dismissed, what it is about, and a dismissal's reason and author. The
 * review's flags page and the practitioner's response view show flags the same way.
 * `when`: each episode's decision in words, by episode id.
 */
export function FlagItem({ flag, index, when }: { flag: HindsightFlag; index: CaseIndex; when: ReadonlyMap<string, string> }) {
  return (
    <li className={`flag${flag.dismissed ? ' flag--dismissed' : ''}`} data-flag={flag.kind}>
      <p className="flag__what">
        {flag.dismissed ? <strong className="tag tag--grey tag--inline">Dismissed</strong> : <strong className="tag tag--red tag--inline">Open</strong>}{' '}
        <FlagWords flag={flag} index={index} when={when} />
      </p>
      {flag.dismissed && (
        <p className="flag__reason">
          Dismissed by {flag.dismissed.by}: “{flag.dismissed.reason}”
        </p>
      )}
    </li>
  );
}
