import { useReviewWork } from './reviewContext.js';

/** Being built: replaced by the Actions section of the review. */
export function ActionsSection() {
  const { review } = useReviewWork();
  return <h2 className="heading-m">Actions ({review ? 'started' : 'not started'})</h2>;
}
