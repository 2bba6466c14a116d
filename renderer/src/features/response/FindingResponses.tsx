import { useReplyHistory } from '../../app/replies.js';
import type { Finding } from '../../../../shared/schemas/review.js';
import { href } from '../shell/useHashRoute.js';
import { useReviewWork } from '../review/reviewContext.js';
import { ResponseVersions } from './ResponseVersions.js';

/** A finding's responses beside it, on the reviewer's page for the finding: every version, with the wording each answered. */
export function FindingResponses({ finding }: { finding: Finding }) {
  const { caseId, index, review } = useReviewWork();
  const history = useReplyHistory(caseId);
  const versions = (review?.responses ?? []).filter((r) => r.finding === finding.id);
  if (versions.length === 0) return null;
  return (
    <section className="finding-responses" aria-labelledby={`finding-responses-${finding.id}`}>
      <h3 id={`finding-responses-${finding.id}`} className="heading-m">
        The practitioner’s response
      </h3>
      <ResponseVersions index={index} finding={finding} versions={versions} earlier={history?.wordings.get(finding.id)} headingLevel={4} />
      <p>
        <a href={href.review(caseId, 'responses')}>All responses</a>
      </p>
    </section>
  );
}
