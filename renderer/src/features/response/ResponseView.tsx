import { useEffect, useRef } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { RESPONSE_STATUS_NAMES } from '../../../../shared/review/words.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { href } from '../shell/useHashRoute.js';
import { useReviewWork } from '../review/reviewContext.js';
import { scrollToTopOf } from '../review/episodes/scrolling.js';
import { FindingResponse } from './FindingResponse.js';
import { SendReply } from './SendReply.js';
import type { ResponseCopy } from '../../../../shared/review/reply.js';

const SEND = 'send';

/**
 * The practitioner's copy of a review: the findings they were asked to answer, each with their own view at the
 * decision, and a response to each. The review itself is read only here; only responses can be added.
 */
export function ResponseView({ request, section }: { request: ResponseCopy; section: string | undefined }) {
  const { caseId, review } = useReviewWork();
  const findings = (review?.findings ?? []).filter((f) => request.findings.includes(f.id));
  const current = section === SEND ? SEND : (findings.find((f) => f.id === section)?.id ?? findings[0]?.id ?? SEND);
  const finding = findings.find((f) => f.id === current);
  const latest = (id: string) => (review?.responses ?? []).filter((r) => r.finding === id).sort((a, b) => b.version - a.version)[0];
  const answered = findings.filter((f) => latest(f.id)).length;
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (top.current) scrollToTopOf(top.current, true);
  }, [current]);
  return (
    <div className="review" ref={top}>
      <nav className="review__nav" aria-label="Findings to answer">
        <ul className="review__nav-list">
          {findings.map((f) => {
            const r = latest(f.id);
            return (
              <li key={f.id}>
                <a className="review__nav-link" href={href.review(caseId, f.id)} aria-current={f.id === current ? 'page' : undefined}>
                  Finding {f.id}
                  <span className="review__nav-detail">{r ? `${RESPONSE_STATUS_NAMES[r.status]} (version ${r.version})` : 'Not answered yet'}</span>
                </a>
              </li>
            );
          })}
          <li>
            <a className="review__nav-link" href={href.review(caseId, SEND)} aria-current={current === SEND ? 'page' : undefined}>
              Send your reply
            </a>
          </li>
        </ul>
      </nav>
      <div className="review__main">
        <div className="notification notification--info response-banner">
          <p>
            <strong>A copy of the review for your response.</strong> {request.sentBy} sent it on {formatInstant(request.sentAt)} for{' '}
            {request.practitioner.name || request.practitioner.staffCode}, asking for a response to {count(findings.length, 'finding')}. The review is read
            only here: you can add responses, and each one you save is signed with your key.
          </p>
          {request.note && <blockquote className="response-banner__note">{request.note}</blockquote>}
          <p>
            {answered} of {count(findings.length, 'finding')} answered. When you are ready, <a href={href.review(caseId, SEND)}>send your reply</a> as an
            encrypted file.
          </p>
        </div>
        {current === SEND ? (
          <SendReply caseId={caseId} answered={answered} total={findings.length} />
        ) : finding ? (
          <FindingResponse key={finding.id} finding={finding} />
        ) : (
          <p>The findings you were asked about are no longer in this copy.</p>
        )}
      </div>
    </div>
  );
}
