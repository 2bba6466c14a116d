import { useCallback, useMemo } from 'react';
import type { AcciMapLevel } from '../../../../shared/schemas/review.js';
import { Review } from '../../../../shared/schemas/review.js';
import { putItem } from '../../../../shared/review/edits.js';
import { ACCIMAP_LEVEL_NAMES } from '../../../../shared/review/words.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { useReviewWork } from './reviewContext.js';
import { SystemsMapPanel } from './systemsMap/SystemsMapPanel.js';

const NO_REVIEW = Review.parse({ title: 'Review not started' });

/**
 * The systems map of the review: its factors by AcciMap level, linked to episodes and findings, and how information
 * moved between the agencies, probation and the officers. A factor moved to another level is a change to the factor,
 * saved with its trail entry like any other.
 */
export function SystemsMapSection() {
  const { caseId, index, review, save } = useReviewWork();
  const shown = useMemo(() => review ?? NO_REVIEW, [review]);
  const onMoveFactor = useCallback(
    (factorId: string, level: AcciMapLevel) => {
      const factor = review?.factors.find((f) => f.id === factorId);
      if (!factor || factor.level === level) return;
      void save({ ...putItem('factors', { ...factor, level }, false), what: `Contributory factor ${factorId} moved to ${ACCIMAP_LEVEL_NAMES[level]} on the systems map` });
    },
    [review, save],
  );
  const onOpenEpisode = useCallback((id: string) => navigate(href.review(caseId, `episodes/${id}`)), [caseId]);
  const onOpenFinding = useCallback((id: string) => navigate(href.review(caseId, `findings/${id}`)), [caseId]);
  return <SystemsMapPanel review={shown} data={index.data} title={shown.title} onMoveFactor={onMoveFactor} onOpenEpisode={onOpenEpisode} onOpenFinding={onOpenFinding} />;
}
