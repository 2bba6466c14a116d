import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the SystemsMap section of the review. */
export function SystemsMapSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">SystemsMap ({review ? 'started' : 'not started'})</h2>;
}
