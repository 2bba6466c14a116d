import { useEffect, useRef, useState } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { startSession } from '../../../../shared/training/sessionEdits.js';
import { nextSessionId } from '../../../../shared/training/walkthroughEdits.js';
import type { CaseTraining, Session } from '../../../../shared/training/walkthrough.js';
import { DebriefView } from './debrief/DebriefView.js';
import { PresenterView } from './presenter/PresenterView.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { isTrainingCopy, trainsOn } from '../../../../shared/training/trainingPack.js';
import type { Case } from '../../../../shared/schemas/index.js';
import { useReview } from '../../app/review.js';
import { href, navigate, useHashQuery } from '../shell/useHashRoute.js';
import { SaveTrainingPack } from './walkthrough/SaveTrainingPack.js';
import { StartSession } from './walkthrough/StartSession.js';
import { MakeTrainingCopy } from './copy/MakeTrainingCopy.js';
import { useTraining, useTrainingEditor, useTrainingUndoable } from './walkthrough/useTraining.js';
import { WalkthroughEditor } from './walkthrough/WalkthroughEditor.js';
import './training.css';

export interface TrainingViewProps {
  found: Case;
  /** The case read for the engine (undefined while it is read): the presenter and the debrief need it. */
  index: CaseIndex | undefined;
}

/** A pack opened on another computer goes straight to the presenter: one group, the room, which the trainer may change. */
const roomSession = (training: CaseTraining): Session => ({
  id: nextSessionId(training),
  at: new Date().toISOString(),
  mode: 'walkthrough',
  groups: [{ id: 'G1', name: 'The room', toldOutcome: false }],
  answers: [],
});

/**
 * The Training tab. A case that is not a training copy explains what training copies are for and offers to make one;
 * a training copy has its walkthrough's editor, its sessions, and "Save a training pack".
 */
export function TrainingView({ found, index }: TrainingViewProps) {
  const caseId = found.id;
  const training = useTraining(caseId);
  const review = useReview(caseId);
  const undoable = useTrainingUndoable(caseId);
  const { save, undo, answer, status } = useTrainingEditor(caseId);
  const query = useHashQuery();
  const present = query.get('present') === '1';
  // A moment chosen on the timeline for a new decision point.
  const at = query.get('at') ?? undefined;
  // The session in front of the room, or whose debrief is open.
  const [open, setOpen] = useState<{ view: 'present' | 'debrief'; sessionId: string } | null>(null);
  // A pack just opened starts a session and opens the presenter once, when its walkthrough has been read.
  const presented = useRef(false);
  useEffect(() => {
    if (!present || presented.current || !training?.walkthrough || training.walkthrough.points.length === 0 || !trainsOn(found)) return;
    presented.current = true;
    const session = roomSession(training);
    void save(startSession(session)).then((saved) => saved && setOpen({ view: 'present', sessionId: session.id }));
  }, [present, training, save, found]);
  const session = open ? training?.sessions.find((x) => x.id === open.sessionId) : undefined;
  const walkthrough = training?.walkthrough;
  if (open && session && walkthrough && index) {
    if (open.view === 'present') {
      return (
        <PresenterView
          index={index}
          walkthrough={walkthrough}
          session={session}
          onAnswer={(given) => void answer(session, given)}
          onClose={() => setOpen({ view: 'debrief', sessionId: session.id })}
        />
      );
    }
    return (
      <div className="training">
        <button type="button" className="back-link link-button" onClick={() => setOpen(null)}>
          Back to the walkthrough
        </button>
        <DebriefView index={index} walkthrough={walkthrough} session={session} />
        <p>
          <button type="button" className="button button--secondary" onClick={() => setOpen({ view: 'present', sessionId: session.id })}>
            Present this session again
          </button>
        </p>
      </div>
    );
  }
  const copy = isTrainingCopy(found);
  return (
    <div className="training">
      <p className="lede">
        A training copy of a case lets a room work through it as it unfolded, without learning who anyone was: at each decision point the room sees only
        what could be known then, chooses what it would do, and hears at the end what happened.
      </p>
      {!copy && <MakeTrainingCopy caseId={caseId} onMade={(copyId) => navigate(href.training(copyId))} />}
      {present && training?.walkthrough && (
        <div className="notification notification--success" role="status">
          <p><strong>Opened from a training pack.</strong> Its walkthrough, “{training.walkthrough.title}”, is ready to present.</p>
        </div>
      )}
      {trainsOn(found) && (
        <>
          {!copy && (
            <p className="inset-text">This case is synthetic: every name, code and CRN in it is invented, so a walkthrough can be written and presented on it as it is.</p>
          )}
          <div className="review__status" aria-live="polite">
            {status.state === 'saving' && <span>Saving…</span>}
            {status.state === 'saved' && <span>Saved: {status.what} ({formatInstant(status.at.toISOString())})</span>}
            {status.state === 'failed' && <strong className="error-message">Not saved: {status.message}</strong>}
            {undoable && (
              <button type="button" className="button button--secondary button--small" onClick={() => void undo()}>
                Undo<span className="visually-hidden">: {undoable}</span>
              </button>
            )}
          </div>
          {!training?.walkthrough?.points.length && (
            <ol className="list training-steps" aria-label="Getting it ready for a room">
              <li>Start the walkthrough: its title, and what happened in the end.</li>
              <li>Add its decision points, each with a question and options for the room.</li>
              <li>Start the session: the presenter fills the screen. Or save a training pack to present on another computer.</li>
            </ol>
          )}
          {training === undefined || review === undefined ? (
            <p aria-live="polite">Reading the walkthrough…</p>
          ) : (
            <>
              <WalkthroughEditor walkthrough={training?.walkthrough} caseTitle={found.title} episodes={review?.episodes ?? []} save={save} at={at} />
              {training?.walkthrough && <StartSession
                  training={training}
                  save={save}
                  onStartSession={(sessionId) => setOpen({ view: 'present', sessionId })}
                  onOpenDebrief={(sessionId) => setOpen({ view: 'debrief', sessionId })}
                />}
              {training?.walkthrough && <SaveTrainingPack caseId={caseId} />}
            </>
          )}
        </>
      )}
    </div>
  );
}
