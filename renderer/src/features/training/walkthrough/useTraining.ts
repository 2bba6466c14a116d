import { useCallback, useState } from 'react';
import type { TrainingEdit } from '../../../../../shared/training/sessionEdits.js';
import type { CaseTraining } from '../../../../../shared/training/walkthrough.js';
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
  const run = useCallback(
    async (what: () => Promise<string | null>): Promise<boolean> => {
      setStatus({ state: 'saving' });
      try {
        const said = await what();
        setStatus(said ? { state: 'saved', what: said, at: new Date() } : { state: 'idle' });
        return true;
      } catch (e) {
        setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
    [],
  );
  const save = useCallback((edit: TrainingEdit) => run(async () => ((await editTraining(db, caseId, edit)) ? edit.what : null)), [run, db, caseId]);
  const undo = useCallback(() => run(async () => {
    const undone = await undoTrainingEdit(db, caseId);
    return undone && `Undone: ${undone}`;
  }), [run, db, caseId]);
  return { save, undo, status };
}
