import { useEffect, useRef } from 'react';
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

export interface TrainingViewProps {
  found: Case;
  /** A session has been started: open the presenter on it. */
  onStartSession?: (sessionId: string) => void;
  /** Open the debrief of a session already run. */
  onOpenDebrief?: (sessionId: string) => void;
  /** The tab was opened from a training pack (`?present=1`): open the presenter. */
  onPresent?: () => void;
}

/**
 * The Training tab. A case that is not a training copy explains what training copies are for and offers to make one;
 * a training copy has its walkthrough's editor, its sessions, and "Save a training pack".
 */
export function TrainingView({ found, onStartSession, onOpenDebrief, onPresent }: TrainingViewProps) {
  const caseId = found.id;
  const training = useTraining(caseId);
  const review = useReview(caseId);
  const undoable = useTrainingUndoable(caseId);
  const { save, undo, status } = useTrainingEditor(caseId);
  const present = useHashQuery().get('present') === '1';
  // A pack just opened asks for the presenter once, when its walkthrough has been read.
  const presented = useRef(false);
  useEffect(() => {
    if (!present || presented.current || !training?.walkthrough) return;
    presented.current = true;
    onPresent?.();
  }, [present, training, onPresent]);
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
          {training === undefined || review === undefined ? (
            <p aria-live="polite">Reading the walkthrough…</p>
          ) : (
            <>
              <WalkthroughEditor walkthrough={training?.walkthrough} caseTitle={found.title} episodes={review?.episodes ?? []} save={save} />
              {training?.walkthrough && <StartSession training={training} save={save} onStartSession={onStartSession} onOpenDebrief={onOpenDebrief} />}
              {training?.walkthrough && <SaveTrainingPack caseId={caseId} />}
            </>
          )}
        </>
      )}
    </div>
  );
}
