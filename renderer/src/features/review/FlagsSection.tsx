import { useMemo } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { decisionText } from '../../../../shared/review/episodeEdits.js';
import { isReplacement } from '../../../../shared/review/findingEdits.js';
import { FINDING_KIND_NAMES } from '../../../../shared/review/words.js';
import type { HindsightFlag } from '../../../../shared/review/flags.js';
import { stateAtDecision } from '../../../../shared/review/stateWords.js';
import { href } from '../shell/useHashRoute.js';
import { recordLabel, recordOf } from './episodes/parts.js';
import { useReviewWork } from './reviewContext.js';

const SHOWN_WORDS = 120;

/** Every hindsight flag of the review, finding by finding: findings with open flags first, and open flags first in each. */
export function FlagsSection() {
  const { review, checks, caseId, index } = useReviewWork();
  const groups = useMemo(() => {
    const findings = review?.findings ?? [];
    const flags = checks.all(findings);
    const byFinding = findings
      .map((f) => {
        const mine = flags.filter((x) => x.finding === f.id);
        return { finding: f, flags: [...mine.filter((x) => !x.dismissed), ...mine.filter((x) => x.dismissed)], open: mine.filter((x) => !x.dismissed).length };
      })
      .filter((g) => g.flags.length > 0);
    return [...byFinding.filter((g) => g.open > 0), ...byFinding.filter((g) => g.open === 0)];
  }, [review, checks]);
  // Each episode's decision in words, once: hundreds of flags may name the same few decisions.
  const when = useMemo(() => new Map((review?.episodes ?? []).map((e) => [e.id, decisionText(e.decisionAt)])), [review]);
  const open = groups.reduce((n, g) => n + g.open, 0);
  const all = groups.reduce((n, g) => n + g.flags.length, 0);

  const describe = (flag: HindsightFlag) => {
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
  };

  return (
    <>
      <h2 className="heading-m">Hindsight flags</h2>
      <p className="lede">
        {all === 0
          ? 'No finding has a hindsight flag.'
          : `${count(open, 'open flag')} in ${count(groups.filter((g) => g.open > 0).length, 'finding')}; ${count(all - open, 'flag')} dismissed with a reason.`}
      </p>
      {groups.map(({ finding, flags }) => (
        <section key={finding.id} className="flag-group" aria-labelledby={`flags-${finding.id}`}>
          <h3 id={`flags-${finding.id}`} className="heading-s">
            <a href={href.review(caseId, `findings/${finding.id}`)}>Finding {finding.id}</a>
            <strong className="tag tag--grey">{FINDING_KIND_NAMES[finding.kind]}</strong>
          </h3>
          <p className="hint">{finding.text ? `${finding.text.slice(0, SHOWN_WORDS)}${finding.text.length > SHOWN_WORDS ? '…' : ''}` : 'No words yet'}</p>
          <ul className="flag-list">
            {flags.map((flag) => (
              <li key={flag.kind === 'lateEvidence' ? flag.record : flag.kind === 'outcomeLanguage' ? flag.offset : flag.kind} className={`flag${flag.dismissed ? ' flag--dismissed' : ''}`} data-flag={flag.kind}>
                <p className="flag__what">
                  {flag.dismissed ? <strong className="tag tag--grey tag--inline">Dismissed</strong> : <strong className="tag tag--red tag--inline">Open</strong>} {describe(flag)}
                </p>
                {flag.dismissed && (
                  <p className="flag__reason">
                    Dismissed by {flag.dismissed.by}: “{flag.dismissed.reason}”
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
