import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { earliestInstant } from '../../../../shared/time/london.js';
import { formatTime } from '../../../../shared/time/display.js';
import { CaseViewStateContext, initialViewState, type CaseViewState } from '../case/caseViewState.js';
import { useCaseIndex } from '../case/useCaseIndex.js';
import { ChronologyView } from '../chronology/ChronologyView.js';
import { href, type CaseTab } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { CaseGone } from './CaseGone.js';
import { ActivityView } from '../activity/ActivityView.js';
import { describeTrail } from '../activity/trailStatus.js';
import { useTrailCheck } from '../activity/useTrailCheck.js';
import { useStored } from '../../app/useStored.js';
import { findCase } from '../../store/cases.js';
import { useReview } from '../../app/review.js';
import { useResponseCopy } from '../../app/responseCopy.js';
import { trainsOn } from '../../../../shared/training/trainingPack.js';

// The importer (and its XLSX reader) loads only when a user opens Import.
const ImportView = lazy(() => import('../import/ImportView.js').then((m) => ({ default: m.ImportView })));
// The timeline's canvas code is not in the first bundle: it is fetched once a case is open and the window is idle,
// and rendered directly once here (a lazy component would show its fallback for React's 300 ms reveal throttle).
type TimelineModule = typeof import('../timeline/TimelineView.js');
const loadTimeline = () => import('../timeline/TimelineView.js');
// The review (and its hindsight checks) is fetched, like the timeline, once a case is open and the window is idle.
type ReviewModule = typeof import('../review/ReviewView.js');
const loadReview = () => import('../review/ReviewView.js');
const ReviewView = lazy(() => loadReview().then((m) => ({ default: m.ReviewView })));
// The walkthrough's editor loads only when the Training tab is opened.
const TrainingView = lazy(() => import('../training/TrainingView.js').then((m) => ({ default: m.TrainingView })));
const TimelineView = lazy(() => loadTimeline().then((m) => ({ default: m.TimelineView })));

const TABS: { tab: CaseTab; label: string }[] = [
  { tab: 'chronology', label: 'Chronology' },
  { tab: 'import', label: 'Import' },
  { tab: 'timeline', label: 'Timeline' },
  { tab: 'activity', label: 'Activity' },
  { tab: 'review', label: 'Review' },
  { tab: 'training', label: 'Training' },
];

export function CaseView({ caseId, tab, section }: { caseId: string; tab: CaseTab; section?: string }) {
  const found = useStored((db) => findCase(db, caseId), [caseId]);
  const { index, opened, reading } = useCaseIndex(caseId, tab === 'chronology' || tab === 'timeline' || tab === 'review' || tab === 'training');
  const trail = useTrailCheck(caseId, opened, reading);
  const offenceStart = found ? earliestInstant(found.offenceAt) : 0;
  const [viewState, setViewState] = useState<{ caseId: string; state: CaseViewState }>();
  const state = viewState?.caseId === caseId ? viewState.state : initialViewState(offenceStart);
  const update = useCallback(
    (change: Partial<CaseViewState>) => setViewState((prev) => ({ caseId, state: { ...(prev?.caseId === caseId ? prev.state : initialViewState(offenceStart)), ...change } })),
    [caseId, offenceStart, setViewState],
  );
  const shared = useMemo(() => ({ state, update }), [state, update]);
  const [timeline, setTimeline] = useState<TimelineModule | null>(null);
  const [reviewModule, setReviewModule] = useState<ReviewModule | null>(null);
  useEffect(() => {
    if (!index) return;
    let cancelled = false;
    const idle = requestIdleCallback(() => {
      void loadTimeline().then((m) => !cancelled && setTimeline(() => m));
      void loadReview().then((m) => !cancelled && setReviewModule(() => m));
    });
    return () => {
      cancelled = true;
      cancelIdleCallback(idle);
    };
  }, [index]);
  // The review's policy register gives the timeline's recall steps their targets.
  const policies = useReview(caseId)?.policies;
  // A practitioner's copy for response: only responses may be added, or the reviewer cannot merge the reply.
  const forResponse = useResponseCopy(caseId);
  usePageTitle(TABS.find((t) => t.tab === tab)?.label, found?.title);
  if (found === undefined) return <p className="page">Loading…</p>;
  if (found === null) return <CaseGone />;
  return (
    <div className="case">
      <div className="case__header">
        <div className="case__title-row">
          <a className="case__crumb" href={href.cases()}>Cases</a>
          <span className="case__crumb-sep" aria-hidden="true">›</span>
          <h1 className="case__title">{found.title}</h1>
          {found.synthetic && <strong className="tag tag--grey" title="Every name, CRN and staff code in it is invented">Synthetic demo case</strong>}
          {found.trainingCopy && <strong className="tag tag--yellow" title="Names, codes and case references replaced, dates moved: for training only">Training copy</strong>}
          {forResponse && <strong className="tag tag--blue">Copy for your response</strong>}
          <p className="case__meta">
            CRN <strong>{found.crn}</strong>
            {found.subject && <> · {found.subject}</>} · further offence <strong>{formatTime(found.offenceAt)}</strong>
            {found.synthetic && <span className="case__note"> · every name, CRN and staff code in it is invented</span>}
          </p>
          {!forResponse && <a className="case__edit" href={href.edit(caseId)}>Edit details<span className="visually-hidden"> of this case</span></a>}
        </div>
        {trail.status.state === 'done' && !trail.status.trail.ok && (
          <div className="notification notification--error" role="alert">
            <strong>{describeTrail(trail.status.trail)}</strong> This case may have been changed outside Foresight. <a href={href.case(caseId, 'activity')}>See the activity</a>
          </div>
        )}
        <nav className="tabs" aria-label="Case views">
          <ul className="tabs__list">
            {TABS.map((t) => (
              <li key={t.tab} className="tabs__item">
                <a className="tabs__link" href={href.case(caseId, t.tab)} aria-current={t.tab === tab ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <CaseViewStateContext.Provider value={shared}>
      <div className="case__body">
        {(tab === 'chronology' || tab === 'timeline' || tab === 'review') && index === undefined && <p aria-live="polite">Reading the case…</p>}
        {tab === 'chronology' && index && <ChronologyView caseId={caseId} index={index} />}
        {tab === 'import' && forResponse && (
          <p className="notification notification--info">
            This is a copy of the case sent to you for your response: nothing can be imported into it, so that the reviewer can merge your reply. Your
            responses are made on the <a href={href.case(caseId, 'review')}>Review</a> tab.
          </p>
        )}
        {tab === 'import' && forResponse === null && (
          <Suspense fallback={<p>Loading the importer…</p>}>
            <ImportView found={found} />
          </Suspense>
        )}
        {tab === 'timeline' && index && timeline && <timeline.TimelineView caseId={caseId} index={index} policies={policies} training={trainsOn(found)} />}
        {tab === 'timeline' && index && !timeline && (
          <Suspense fallback={<p>Loading the timeline…</p>}>
            <TimelineView caseId={caseId} index={index} policies={policies} training={trainsOn(found)} />
          </Suspense>
        )}
        {tab === 'activity' && <ActivityView caseId={caseId} status={trail.status} onCheck={trail.check} />}
        {tab === 'review' && index && reviewModule && <reviewModule.ReviewView caseId={caseId} index={index} section={section} />}
        {tab === 'review' && index && !reviewModule && (
          <Suspense fallback={<p>Loading the review…</p>}>
            <ReviewView caseId={caseId} index={index} section={section} />
          </Suspense>
        )}
        {tab === 'training' && (
          <Suspense fallback={<p>Loading the walkthrough…</p>}>
            <TrainingView found={found} index={index ?? undefined} />
          </Suspense>
        )}
      </div>
      </CaseViewStateContext.Provider>
    </div>
  );
}
