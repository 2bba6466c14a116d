import { FULL, REVEALED } from '../engine/foresight.js';
import type { Annotation, Review } from '../schemas/review.js';
import { putItem, type ReviewEdit } from './edits.js';
import { reviewItemKey } from './reviewRows.js';

/**
 * The tabular timeline (NPSA): the review's notes on one record of the chronology, one annotation per record. An
 * annotation with nothing left in it is taken out of the review, not kept empty.
 */

/** The written columns, in the order the tabular timeline shows them, with the words it heads them by. */
export const ANNOTATION_TEXTS = [
  { field: 'shouldHaveHappened', label: 'What should have happened' },
  { field: 'dataGaps', label: 'Data gaps' },
  { field: 'notablePractice', label: 'Notable practice' },
  { field: 'problems', label: 'Practice or service delivery problems' },
] as const;
export type AnnotationText = (typeof ANNOTATION_TEXTS)[number]['field'];

export const FACTORS_LABEL = 'Contributory factors';
export const KEY_LABEL = 'Key event';

/** One change to a record's notes: a column written, the factors chosen, or the key-event mark. */
export type AnnotationChange = { field: AnnotationText; text: string } | { field: 'factors'; factors: readonly string[] } | { field: 'key'; key: boolean };

/** The review's notes by record id: what the chronology looks up for each row it draws. */
export function annotationsByRecord(review: Pick<Review, 'annotations'> | null | undefined): ReadonlyMap<string, Annotation> {
  return new Map((review?.annotations ?? []).map((a) => [a.record, a]));
}

/** True when an annotation says nothing: no text in any column, no factor, not a key event. */
export function isBlank(a: Annotation): boolean {
  return ANNOTATION_TEXTS.every(({ field }) => !a[field]?.trim()) && a.factors.length === 0 && !a.key;
}

/** A record's notes with one change made. An emptied column, and a key mark taken off, are left out, not kept empty. */
export function changed(before: Annotation | undefined, record: string, change: AnnotationChange): Annotation {
  const next: Annotation = { ...(before ?? { record, factors: [] }) };
  if (change.field === 'factors') next.factors = [...change.factors];
  else if (change.field === 'key') {
    if (change.key) next.key = true;
    else delete next.key;
  } else if (change.text.trim() === '') delete next[change.field];
  else next[change.field] = change.text;
  return next;
}

/** The value a change sets, as it stands in an annotation: for comparing what is stored with what is being typed. */
export function valueOf(a: Annotation | undefined, field: AnnotationChange['field']): string {
  if (!a) return field === 'key' ? 'false' : '';
  if (field === 'factors') return a.factors.join(',');
  if (field === 'key') return String(a.key === true);
  return a[field] ?? '';
}

const textLabel = (field: AnnotationText) => ANNOTATION_TEXTS.find((t) => t.field === field)?.label ?? field;

/** What a change did, in the trail's words: `"Data gaps" written`, `marked a key event`, `contributory factors F1, F2`. */
function describe(before: Annotation | undefined, change: AnnotationChange): string {
  if (change.field === 'key') return change.key ? 'marked a key event' : 'no longer a key event';
  if (change.field === 'factors') return change.factors.length === 0 ? 'contributory factors taken off' : `contributory factors ${change.factors.join(', ')}`;
  const label = `"${textLabel(change.field)}"`;
  if (change.text.trim() === '') return `${label} cleared`;
  return before?.[change.field]?.trim() ? `${label} changed` : `${label} written`;
}

/**
 * The edit that makes one change to a record's notes (`before`: as they stand), saying in the trail which record
 * (`label`, in the user's words) and what changed. Null when the change leaves the notes as they are. Notes left with
 * nothing in them are taken out of the review.
 */
export function annotationEdit(before: Annotation | undefined, record: string, label: string, change: AnnotationChange): { edit: ReviewEdit; after: Annotation | undefined } | null {
  const after = changed(before, record, change);
  if (valueOf(before, change.field) === valueOf(after, change.field)) return null;
  const what = `Tabular timeline, ${label}: ${describe(before, change)}`;
  if (!isBlank(after)) return { edit: { ...putItem('annotations', after, before === undefined), what }, after };
  // Nothing was stored and nothing is to be: no edit at all.
  return before ? { edit: { what, changes: [{ key: reviewItemKey('annotations', { record }), after: null }] }, after: undefined } : null;
}

/**
 * The "key events only" view: of the records that show, those marked key events whose notes can be read (in full, or
 * revealed with hindsight). A held-back record is left out, not shown as a placeholder: that it is a key event is the
 * reviewer's note on it, held back with it.
 */
export function keyEventsShown(positionOf: (id: string) => number | undefined, shown: Uint8Array, annotations: ReadonlyMap<string, Annotation>): Uint8Array {
  const out = new Uint8Array(shown.length);
  for (const a of annotations.values()) {
    const p = a.key ? positionOf(a.record) : undefined;
    if (p !== undefined && (shown[p] === FULL || shown[p] === REVEALED)) out[p] = shown[p] as number;
  }
  return out;
}
