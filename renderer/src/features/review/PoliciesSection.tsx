import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Policies section of the review. */
export function PoliciesSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Policies ({review ? 'started' : 'not started'})</h2>;
}
