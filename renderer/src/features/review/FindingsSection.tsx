import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Findings section of the review. */
export function FindingsSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Findings ({review ? 'started' : 'not started'})</h2>;
}
