import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Overview section of the review. */
export function OverviewSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Overview ({review ? 'started' : 'not started'})</h2>;
}
