import { useCallback, useEffect, useMemo, useRef } from 'react';
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
 * never undo each other.
 */
export function useTabularNotes(caseId: string): { notes: TabularNotes; status: SaveState } {
  const review = useReview(caseId);
  const { save, status } = useReviewEditor(caseId);
  const annotations = useMemo(() => annotationsByRecord(review), [review]);
  const stored = useRef(annotations);
  // What each record's notes were last saved as, until the store shows the same (undefined: taken out).
  const sent = useRef(new Map<string, Annotation | undefined>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    stored.current = annotations;
    for (const [id, a] of sent.current) if (canonicalJson(annotations.get(id) ?? null) === canonicalJson(a ?? null)) sent.current.delete(id);
  }, [annotations]);

  const change = useCallback(
    (record: CaseRecord, c: AnnotationChange): Promise<boolean> => {
      const run = async () => {
        const before = sent.current.has(record.id) ? sent.current.get(record.id) : stored.current.get(record.id);
        const made = annotationEdit(before, record.id, `${whatHappened(record)} (${formatTime(record.occurred)})`, c);
        if (!made) return true;
        sent.current.set(record.id, made.after);
        const ok = await save(made.edit);
        if (!ok) sent.current.delete(record.id);
        return ok;
      };
      const done = queue.current.then(run);
      queue.current = done.catch(() => undefined);
      return done;
    },
    [save],
  );
  const factors = review?.factors ?? NO_FACTORS;
  const notes = useMemo(() => ({ caseId, ready: review !== undefined, annotations, factors, change }), [caseId, review, annotations, factors, change]);
  return { notes, status };
}
