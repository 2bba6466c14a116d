import { count } from '../../../../shared/domain/words.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { useReplyHistory } from '../../app/replies.js';
import { href } from '../shell/useHashRoute.js';
import { useReviewWork } from '../review/reviewContext.js';
import { MergeReply } from './MergeReply.js';
import { ResponseVersions } from './ResponseVersions.js';
import { SendForResponse } from './SendForResponse.js';

const SHOWN_WORDS = 160;

/**
 * The practitioner's side of the review (REVIEW.md §3): send them a copy for their response, merge the reply they send
 * back, and read every version of every response beside its finding.
 */
export function ResponsesSection() {
  const { caseId, index, review } = useReviewWork();
  const history = useReplyHistory(caseId);
  const responses = review?.responses ?? [];
  const answered = (review?.findings ?? []).filter((f) => responses.some((r) => r.finding === f.id));
  return (
    <>
      <h2 className="heading-l">Practitioner’s responses</h2>
      <p className="lede">
        {responses.length === 0
          ? 'No practitioner has responded yet.'
          : `${count(responses.length, 'response')} to ${count(answered.length, 'finding')}, every version kept.`}{' '}
        A practitioner sees the review read only, with their own view from the tunnel at each decision, and answers each finding: accepted, disputed or
        context added.
      </p>

      <section aria-labelledby="send-title" className="section-block">
        <h3 id="send-title" className="heading-m">Send for response</h3>
        <SendForResponse />
        {history && history.sent.length > 0 && (
          <>
            <h4 className="heading-s">Copies sent</h4>
            <ul className="list list--bullet">
              {history.sent.map((s) => (
                <li key={s.hash}>
                  {formatInstant(s.sentAt)}: to {s.practitioner.name || s.practitioner.staffCode}
                  {s.practitioner.name && s.practitioner.staffCode ? ` (${s.practitioner.staffCode})` : ''}, {count(s.findings.length, 'finding')} ({s.findings.join(', ')}), by{' '}
                  {s.sentBy}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="merge-title" className="section-block">
        <h3 id="merge-title" className="heading-m">Merge a reply</h3>
        <MergeReply caseId={caseId} />
      </section>

      <section aria-labelledby="responses-title" className="section-block">
        <h3 id="responses-title" className="heading-m">Responses, finding by finding</h3>
        {answered.length === 0 ? (
          <p className="hint">Responses appear here, and under each finding, once a reply is merged.</p>
        ) : (
          answered.map((f) => (
            <section key={f.id} className="response-finding" aria-labelledby={`responses-${f.id}`}>
              <h4 id={`responses-${f.id}`} className="heading-s">
                <a href={href.review(caseId, `findings/${f.id}`)}>Finding {f.id}</a>
              </h4>
              <p className="hint">{f.text.length > SHOWN_WORDS ? `${f.text.slice(0, SHOWN_WORDS)}…` : f.text}</p>
              <ResponseVersions index={index} finding={f} versions={responses.filter((r) => r.finding === f.id)} earlier={history?.wordings.get(f.id)} headingLevel={5} />
            </section>
          ))
        )}
      </section>
    </>
  );
}
