import { useEffect, useMemo, useRef } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { HindsightChecks } from '../../../../shared/review/flags.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { useReview, useReviewEditor, useUndoable } from '../../app/review.js';
import { href } from '../shell/useHashRoute.js';
import { ReviewContext } from './reviewContext.js';
import { scrollToTopOf } from './episodes/scrolling.js';
import { REVIEW_SECTIONS, sectionOf } from './sections.js';
import { OverviewSection } from './OverviewSection.js';
import { EpisodesSection } from './EpisodesSection.js';
import { FindingsSection } from './FindingsSection.js';
import { FlagsSection } from './FlagsSection.js';
import { FactorsSection } from './FactorsSection.js';
import { PoliciesSection } from './PoliciesSection.js';
import { ActionsSection } from './ActionsSection.js';
// React Flow and elkjs load only when the systems map is shown (SystemsMapPanel).
import { SystemsMapSection } from './SystemsMapSection.js';
import { ReportSection } from '../report/ReportSection.js';
import { ResponsesSection } from '../response/ResponsesSection.js';
import { ResponseView } from '../response/ResponseView.js';
import { useResponseCopy } from '../../app/responseCopy.js';


const EMPTY = { episodes: [], factors: [] };

/** The Review tab: the review's sections beside one another, every change saved as it is made, with undo. */
export function ReviewView({ caseId, index, section }: { caseId: string; index: CaseIndex; section: string | undefined }) {
  const review = useReview(caseId);
  const undoable = useUndoable(caseId);
  // A copy sent to a practitioner for their response: the review is theirs to answer, not to change.
  const request = useResponseCopy(caseId);
  const { save, undo, status } = useReviewEditor(caseId);
  const checks = useMemo(() => new HindsightChecks(index, review ?? EMPTY), [index, review]);
  const work = useMemo(() => (review === undefined ? null : { caseId, index, review, checks, save }), [caseId, index, review, checks, save]);
  const openFlags = useMemo(() => (review ? checks.all(review.findings).filter((f) => f.dismissed === null).length : 0), [checks, review]);
  // A section's address may name one of its items: `findings/N2`.
  const [name, item] = (section ?? '').split('/');
  const current = sectionOf(name);
  // Another section or item opens at its top, not at the place the last one was scrolled to.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (top.current) scrollToTopOf(top.current, true);
  }, [section]);
  if (!work || request === undefined) return <p aria-live="polite">Reading the review…</p>;
  if (request) {
    return (
      <ReviewContext.Provider value={work}>
        <ResponseView request={request} section={section} />
      </ReviewContext.Provider>
    );
  }
  return (
    <ReviewContext.Provider value={work}>
      <div className="review" ref={top}>
        <nav className="review__nav" aria-label="Review sections">
          <ul className="review__nav-list">
            {REVIEW_SECTIONS.map((s) => (
              <li key={s.section}>
                <a className="review__nav-link" href={href.review(caseId, s.section)} aria-current={s.section === current ? 'page' : undefined}>
                  {s.label}
                  {s.section === 'flags' && openFlags > 0 && ` (${openFlags.toLocaleString('en-GB')} open)`}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="review__main">
          {/* Opening the review is the reveal: it is written knowing the outcome, and reads the whole case. */}
          <p className="review__hindsight">
            <strong>Written with hindsight.</strong> The review reads the whole case, the outcome included. Each episode’s view from the tunnel shows
            only what the officer could know at its decision.
          </p>
          <div className="review__status" aria-live="polite">
            {status.state === 'saving' && <span>Saving…</span>}
            {status.state === 'saved' && (
              <span>
                Saved: {status.what} ({formatInstant(status.at.toISOString())})
              </span>
            )}
            {status.state === 'failed' && <strong className="error-message">Not saved: {status.message}</strong>}
            {undoable && (
              <button type="button" className="button button--secondary button--small" onClick={() => void undo()}>
                Undo<span className="visually-hidden">: {undoable}</span>
              </button>
            )}
          </div>
          {current === 'overview' && <OverviewSection />}
          {current === 'episodes' && <EpisodesSection item={item} />}
          {current === 'findings' && <FindingsSection item={item} />}
          {current === 'flags' && <FlagsSection />}
          {current === 'factors' && <FactorsSection />}
          {current === 'map' && <SystemsMapSection />}
          {current === 'policies' && <PoliciesSection />}
          {current === 'actions' && <ActionsSection />}
          {current === 'responses' && <ResponsesSection />}
          {current === 'report' && <ReportSection caseId={caseId} />}
        </div>
      </div>
    </ReviewContext.Provider>
  );
}
