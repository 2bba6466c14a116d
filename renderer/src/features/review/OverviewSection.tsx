import { useMemo } from 'react';
import { startOf } from '../../../../shared/review/registerForms.js';
import { useReviewWork } from './reviewContext.js';
import { Judgement } from './overview/Judgement.js';
import { QualitySelfCheck } from './overview/QualitySelfCheck.js';
import { ReviewCounts } from './overview/ReviewCounts.js';
import { SavedText } from './overview/SavedText.js';
import { useHeadSaver } from './overview/useHeadSaver.js';

const SAVED_AS_WRITTEN = 'Saved when you leave the field or stop typing.';

/** The review's overview: what it is, how far it has got, its overall judgement and its quality self-check. */
export function OverviewSection() {
  const { review, checks } = useReviewWork();
  const saveHead = useHeadSaver();
  const flags = useMemo(() => checks.all(review?.findings ?? []), [checks, review]);
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="heading-m">Overview and judgement</h2>
      <ReviewCounts flags={flags} />
      <section className="section-break review-form" aria-labelledby="about-title">
        <h3 id="about-title" className="heading-m">About the review</h3>
        <SavedText
          id="review-title"
          label="Title"
          hint={SAVED_AS_WRITTEN}
          value={review?.title ?? ''}
          check={(title) => (title.trim() ? null : 'Enter a title for the review')}
          onSave={(title) => saveHead(() => ({ title }), `Review title changed: ${startOf(title)}`)}
        />
        <SavedText id="review-reviewer" label="Reviewer" value={review?.reviewer ?? ''} onSave={(reviewer) => saveHead(() => ({ reviewer }), `Reviewer changed: ${startOf(reviewer) || 'none'}`)} />
        <SavedText
          id="review-terms"
          label="Terms of reference"
          hint="The questions the review was asked to answer, the period it covers and who commissioned it."
          value={review?.termsOfReference ?? ''}
          onSave={(termsOfReference) => saveHead(() => ({ termsOfReference }), 'Terms of reference changed')}
          rows={6}
        />
      </section>
      <Judgement />
      <QualitySelfCheck flags={flags} />
    </section>
  );
}
