import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Episodes section of the review. */
export function EpisodesSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Episodes ({review ? 'started' : 'not started'})</h2>;
}
