import { useCallback, useRef, useState } from 'react';
import { putAnswer, type TrainingEdit } from '../../../../../shared/training/sessionEdits.js';
import type { CaseTraining, Session, SessionAnswer } from '../../../../../shared/training/walkthrough.js';
import type { SaveState } from '../../../app/review.js';
import { useStored } from '../../../app/useStored.js';
import { useDb } from '../../../store/context.js';
import { editTraining, readTraining, undoableTrainingEdit, undoTrainingEdit } from '../../../store/training.js';

/** A case's walkthrough and sessions, live: undefined while read, null before the walkthrough is started. */
export function useTraining(caseId: string): CaseTraining | null | undefined {
  return useStored((db) => readTraining(db, caseId), [caseId]);
}

/** What undo would reverse now, in the trail's words (null: nothing); live. */
export function useTrainingUndoable(caseId: string): string | null | undefined {
  return useStored(async (db) => (await undoableTrainingEdit(db, caseId))?.what ?? null, [caseId]);
}

/** Saving changes to a case's walkthrough: each stored with its signed trail entry before the page says "Saved". */
export function useTrainingEditor(caseId: string) {
  const db = useDb();
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  // One change at a time, each after the one before is stored: two groups answering in the same second both count.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const run = useCallback(
    (what: () => Promise<string | null>): Promise<boolean> => {
      const done = queue.current.then(async () => {
        setStatus({ state: 'saving' });
        try {
          const said = await what();
          setStatus(said ? { state: 'saved', what: said, at: new Date() } : { state: 'idle' });
          return true;
        } catch (e) {
          setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
          return false;
        }
      });
      queue.current = done;
      return done;
    },
    [],
  );
  const save = useCallback((edit: TrainingEdit) => run(async () => ((await editTraining(db, caseId, edit)) ? edit.what : null)), [run, db, caseId]);
  const undo = useCallback(() => run(async () => {
    const undone = await undoTrainingEdit(db, caseId);
    return undone && `Undone: ${undone}`;
  }), [run, db, caseId]);
  // A group's answer goes into the session as stored when its turn comes, not as the page last read it.
  const answer = useCallback((session: Session, given: SessionAnswer) => run(async () => {
    const stored = (await readTraining(db, caseId))?.sessions.find((s) => s.id === session.id);
    if (!stored) throw new Error(`Session ${session.id} is not part of this case.`);
    const edit = putAnswer(stored, given);
    return (await editTraining(db, caseId, edit)) ? edit.what : null;
  }), [run, db, caseId]);
  return { save, undo, answer, status };
}
