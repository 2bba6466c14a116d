import { useMemo } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { decisionText } from '../../../../shared/review/episodeEdits.js';
import { FINDING_KIND_NAMES } from '../../../../shared/review/words.js';
import { href } from '../shell/useHashRoute.js';
import { FlagItem } from './findings/FlagItem.js';
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
              <FlagItem key={flag.kind === 'lateEvidence' ? flag.record : flag.kind === 'outcomeLanguage' ? flag.offset : flag.kind} flag={flag} index={index} when={when} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
