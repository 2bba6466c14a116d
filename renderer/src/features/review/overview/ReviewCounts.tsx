import type { HindsightFlag } from '../../../../../shared/review/flags.js';
import { findingsByKind } from '../../../../../shared/review/quality.js';
import { count } from '../../../../../shared/domain/words.js';
import { href } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import { useToday } from '../registers/Register.js';
import type { ReviewSection } from '../sections.js';

/** The review at a glance: how much of each part is written, each figure opening its section. */
export function ReviewCounts({ flags }: { flags: readonly HindsightFlag[] }) {
  const { caseId, review } = useReviewWork();
  const kinds = findingsByKind(review);
  const today = useToday();
  const actions = review?.actions ?? [];
  const pastDue = actions.filter((a) => a.due && a.due < today).length;
  const open = flags.filter((f) => f.dismissed === null).length;
  const figures: { section: ReviewSection; n: number; name: string; detail?: string; concern?: boolean }[] = [
    { section: 'episodes', n: review?.episodes.length ?? 0, name: 'key practice episodes' },
    {
      section: 'findings',
      n: review?.findings.length ?? 0,
      name: 'findings',
      detail: `${count(kinds.problem, 'problem')}, ${count(kinds.good, 'good practice', 'good practice')}, ${count(kinds.condition, 'condition')}`,
    },
    { section: 'flags', n: open, name: 'open hindsight flags', detail: `of ${flags.length} in all`, concern: open > 0 },
    { section: 'factors', n: review?.factors.length ?? 0, name: 'contributory factors' },
    { section: 'policies', n: review?.policies.length ?? 0, name: 'policies in force' },
    { section: 'actions', n: actions.length, name: 'actions', ...(pastDue > 0 ? { detail: `${pastDue} past due`, concern: true } : {}) },
  ];
  return (
    <ul className="review-counts" aria-label="The review at a glance">
      {figures.map((f) => (
        <li key={f.section} className="review-counts__item">
          <a className="review-counts__link" href={href.review(caseId, f.section)}>
            <span className={`review-counts__number${f.concern ? ' review-counts__number--concern' : ''}`}>{f.n.toLocaleString('en-GB')}</span> {f.name}
          </a>
          {f.detail && <span className="review-counts__detail">{f.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
