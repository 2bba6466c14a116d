import { createContext, useContext } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import type { ReviewEdit } from '../../../../shared/review/edits.js';
import type { HindsightChecks } from '../../../../shared/review/flags.js';
import type { Review } from '../../../../shared/schemas/review.js';

/** What every section of the review works with: the case, its review (null before the first change), and saving. */
export interface ReviewWork {
  caseId: string;
  index: CaseIndex;
  review: Review | null;
  /** The hindsight checks over the review as saved, each episode's knowledge worked out once. */
  checks: HindsightChecks;
  /** Store a change with its trail entry; resolves true once it is saved. */
  save: (edit: ReviewEdit) => Promise<boolean>;
}

export const ReviewContext = createContext<ReviewWork | null>(null);

export function useReviewWork(): ReviewWork {
  const work = useContext(ReviewContext);
  if (!work) throw new Error('useReviewWork outside the review');
  return work;
}
