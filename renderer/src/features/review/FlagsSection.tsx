import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Flags section of the review. */
export function FlagsSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Flags ({review ? 'started' : 'not started'})</h2>;
}
