import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { canonicalJson } from '../../../../../shared/audit/trail.js';
import { whatHappened } from '../../../../../shared/domain/summary.js';
import { annotationEdit, annotationsByRecord, type AnnotationChange } from '../../../../../shared/review/annotations.js';
import type { CaseRecord } from '../../../../../shared/schemas/index.js';
import type { Annotation, Factor } from '../../../../../shared/schemas/review.js';
import { formatTime } from '../../../../../shared/time/display.js';
import { useReview, useReviewEditor, type SaveState } from '../../../app/review.js';

/** What the tabular timeline's cells read and write: the review's notes by record, its factors, and a way to change them. */
export interface TabularNotes {
  caseId: string;
  /** False while the review is read: nothing can be edited until it is. */
  ready: boolean;
  annotations: ReadonlyMap<string, Annotation>;
  /** The review's register of contributory factors, for the factors column to choose from. */
  factors: readonly Factor[];
  /** Make one change to a record's notes; resolves true once it is saved with its trail entry. */
  change: (record: CaseRecord, change: AnnotationChange) => Promise<boolean>;
}

const NO_FACTORS: readonly Factor[] = [];

/**
 * The tabular timeline's notes for a case, live from the store, and saving changes to them. Changes are saved one at a
 * time, each built on the one before it (not on what the store has shown back yet), so two quick changes to one record
 * never undo each other; and the cells show a change as soon as it is made, while "Saving…" says it is not yet stored.
 */
export function useTabularNotes(caseId: string): { notes: TabularNotes; status: SaveState } {
  const review = useReview(caseId);
  const { save, status } = useReviewEditor(caseId);
  const stored = useMemo(() => annotationsByRecord(review), [review]);
  // What each record's notes were last saved as, until the store shows the same (undefined: taken out). A ref for
  // the queue to build on at once, and state for the cells to show.
  const sent = useRef(new Map<string, Annotation | undefined>());
  const [pending, setPending] = useState<ReadonlyMap<string, Annotation | undefined>>(() => new Map());
  const storedNow = useRef(stored);
  // Saves not yet stored: "Saved" is said only when every change shown is stored.
  const [waiting, setWaiting] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    storedNow.current = stored;
    let caughtUp = false;
    for (const [id, a] of sent.current) {
      if (canonicalJson(stored.get(id) ?? null) !== canonicalJson(a ?? null)) continue;
      sent.current.delete(id);
      caughtUp = true;
    }
    if (caughtUp) setPending(new Map(sent.current));
  }, [stored]);

  const change = useCallback(
    (record: CaseRecord, c: AnnotationChange): Promise<boolean> => {
      // Worked out at once, on what was last sent, and shown at once; stored in turn, after the saves before it.
      const before = sent.current.has(record.id) ? sent.current.get(record.id) : storedNow.current.get(record.id);
      const made = annotationEdit(before, record.id, `${whatHappened(record)} (${formatTime(record.occurred)})`, c);
      if (!made) return Promise.resolve(true);
      sent.current.set(record.id, made.after);
      setPending(new Map(sent.current));
      setWaiting((n) => n + 1);
      const done = queue.current.then(async () => {
        const ok = await save(made.edit).finally(() => setWaiting((n) => n - 1));
        if (!ok && sent.current.get(record.id) === made.after) {
          sent.current.delete(record.id);
          setPending(new Map(sent.current));
        }
        return ok;
      });
      queue.current = done.catch(() => undefined);
      return done;
    },
    [save],
  );
  const annotations = useMemo(() => {
    if (pending.size === 0) return stored;
    const shown = new Map(stored);
    for (const [id, a] of pending) {
      if (a) shown.set(id, a);
      else shown.delete(id);
    }
    return shown;
  }, [stored, pending]);
  const factors = review?.factors ?? NO_FACTORS;
  const notes = useMemo(() => ({ caseId, ready: review !== undefined, annotations, factors, change }), [caseId, review, annotations, factors, change]);
  return { notes, status: waiting > 0 ? SAVING : status };
}

const SAVING: SaveState = { state: 'saving' };
