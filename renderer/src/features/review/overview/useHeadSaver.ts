import { useCallback, useEffect, useRef } from 'react';
import { putHead } from '../../../../../shared/review/edits.js';
import type { Review } from '../../../../../shared/schemas/review.js';
import { useReviewWork } from '../reviewContext.js';

/** The review's own fields: its title, reviewer, terms of reference, judgement and quality answers. */
export type ReviewHead = Pick<Review, 'title' | 'reviewer' | 'termsOfReference' | 'judgement' | 'quality'>;

/**
 * Saving the review's own fields, which are stored together as one row. Two saves in quick succession (leaving the
 * reasons box by clicking an answer) would each start from the review as last read, and the second would undo the
 * first; so each change is made on top of those still on their way to the store, until the review read back has them.
 */
export function useHeadSaver() {
  const { review, save } = useReviewWork();
  const pending = useRef<Partial<ReviewHead>>({});
  const saving = useRef(0);
  useEffect(() => {
    if (saving.current === 0) pending.current = {};
  }, [review]);
  return useCallback(
    async (change: (head: Partial<ReviewHead>) => Partial<ReviewHead>, what: string): Promise<boolean> => {
      const head: Partial<ReviewHead> = { ...(review ?? {}), ...pending.current };
      pending.current = { ...pending.current, ...change(head) };
      saving.current++;
      try {
        return await save(putHead(review, pending.current, what));
      } finally {
        saving.current--;
      }
    },
    [review, save],
  );
}
