import { useCallback, useState } from 'react';
import type { ReviewEdit } from '../../../shared/review/edits.js';
import type { Review } from '../../../shared/schemas/review.js';
import { useDb } from '../store/context.js';
import { editReview, readCaseReview, undoableEdit, undoReviewEdit } from '../store/review.js';
import { useStored } from './useStored.js';

/** A case's review, live: undefined while it is read, null before the first change starts one. */
export function useReview(caseId: string): Review | null | undefined {
  return useStored((db) => readCaseReview(db, caseId), [caseId]);
}

/** What undo would reverse now, in the trail's words (null: nothing to undo); live. */
export function useUndoable(caseId: string): string | null | undefined {
  return useStored(async (db) => (await undoableEdit(db, caseId))?.what ?? null, [caseId]);
}

/** Where the latest save stands, for the page to say: "Saving…", "Saved", or what went wrong. */
export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; what: string; at: Date } | { state: 'failed'; message: string };

/**
 * Saving changes to a case's review: each change is stored with its signed trail entry in one transaction before the
 * page says "Saved", so a window closed afterwards loses nothing shown as saved.
 */
export function useReviewEditor(caseId: string) {
  const db = useDb();
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const save = useCallback(
    async (edit: ReviewEdit): Promise<boolean> => {
      setStatus({ state: 'saving' });
      try {
        const entry = await editReview(db, caseId, edit);
        setStatus(entry ? { state: 'saved', what: edit.what, at: new Date(entry.at) } : { state: 'idle' });
        return true;
      } catch (e) {
        setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
    [db, caseId],
  );
  const undo = useCallback(async (): Promise<string | null> => {
    setStatus({ state: 'saving' });
    try {
      const undone = await undoReviewEdit(db, caseId);
      setStatus(undone ? { state: 'saved', what: `Undone: ${undone}`, at: new Date() } : { state: 'idle' });
      return undone;
    } catch (e) {
      setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }, [db, caseId]);
  return { save, undo, status };
}
