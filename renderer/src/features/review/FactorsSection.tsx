import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Factors section of the review. */
export function FactorsSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Factors ({review ? 'started' : 'not started'})</h2>;
}
