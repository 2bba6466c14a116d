import { href } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';

/** What a case's pages show once the case has been deleted (or a link names one that never was). */
export function CaseGone() {
  usePageTitle('Case not found');
  return (
    <div className="page">
      <h1 className="heading-l">Case not found</h1>
      <p>This case does not exist on this computer. It may have been deleted.</p>
      <p><a href={href.cases()}>Go to the list of cases</a></p>
    </div>
  );
}
