import { RESPONSE_PREFIX } from '../../../shared/audit/embedded.js';
import { canonicalJson, rowDigest, ROW_REMOVED, type AuditEntry } from '../../../shared/audit/trail.js';
import { REVIEW_ROW, reviewFromRows, reviewListOf, reviewRows } from '../../../shared/review/reviewRows.js';
import { Review, type ReviewInput } from '../../../shared/schemas/review.js';
import type { ReviewEdit } from '../../../shared/review/edits.js';
import { pathText } from '../../../shared/review/readReview.js';
import { appendAudit, readEntries, trailTables, type StoredEntry } from './audit.js';
import { currentAuthor } from './identity.js';
import { refuseUnlessResponses } from './copyForResponse.js';
import type { ForesightDb, ReviewItemRow } from './types.js';

/**
 * A case's review in the store: one row per item (reviewRows.ts), each change saved at once as a signed trail entry
 * that records the items it changed, with their values before and after, so the last change can be undone.
 */

/** A case's review rows, in their lists' order. */
export function reviewItemsOf(db: ForesightDb, caseId: string): Promise<ReviewItemRow[]> {
  return db.reviewItems.where('caseId').equals(caseId).toArray();
}

/** A case's review as written (null: none yet). */
export async function reviewAsWritten(db: ForesightDb, caseId: string): Promise<ReviewInput | null> {
  return reviewFromRows(await reviewItemsOf(db, caseId)) ?? null;
}

/** A case's review, read with what it leaves out filled in (null: none yet). */
export async function readCaseReview(db: ForesightDb, caseId: string): Promise<Review | null> {
  const written = await reviewAsWritten(db, caseId);
  return written ? Review.parse(written) : null;
}

/** The words an undo's entry starts with: how the next undo knows to step past it. */
export const UNDONE = 'Undone: ';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Save a change to a case's review, with its trail entry, in one transaction: both are stored or neither. The first
 * change to a case without a review starts one (its title, and the reviewer's name). Returns the entry, or null when
 * nothing changed.
 */
export async function editReview(db: ForesightDb, caseId: string, edit: ReviewEdit, now = new Date()): Promise<AuditEntry | null> {
  const author = await currentAuthor(db);
  return db.transaction('rw', [db.cases, db.reviewItems, ...trailTables(db)], async () => {
    const found = await db.cases.get(caseId);
    if (!found) throw new Error('That case no longer exists.');
    await refuseUnlessResponses(db, caseId, edit.changes.map((c) => c.key));
    const held = new Map((await reviewItemsOf(db, caseId)).map((row) => [row.key, row]));
    let changes = [...edit.changes];
    if (!held.has(REVIEW_ROW)) {
      const start = { title: `Review of ${found.title}`, reviewer: author.who, termsOfReference: '' };
      const head = changes.find((c) => c.key === REVIEW_ROW);
      // Undoing the change that started the review takes the review's own row out too: nothing to start then.
      if (!head) changes.unshift({ key: REVIEW_ROW, after: start });
      else if (head.after !== null) changes = changes.map((c) => (c === head ? { key: REVIEW_ROW, after: { ...start, ...(c.after as object) } } : c));
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const rows: Record<string, string> = {};
    let next = Math.max(0, ...[...held.values()].map((r) => r.position)) + 1;
    for (const change of changes) {
      const old = held.get(change.key);
      if (change.after === null ? old === undefined : old !== undefined && same(old.value, change.after)) continue;
      if (change.key !== REVIEW_ROW && reviewListOf(change.key) === null) throw new Error(`${change.key} is not an item of a review.`);
      before[change.key] = old?.value ?? null;
      after[change.key] = change.after;
      if (change.after === null) {
        await db.reviewItems.delete([caseId, change.key]);
        rows[change.key] = ROW_REMOVED;
      } else {
        await db.reviewItems.put({ caseId, key: change.key, position: old?.position ?? (change.key === REVIEW_ROW ? 0 : next++), value: change.after });
        rows[change.key] = rowDigest(change.after);
      }
    }
    if (Object.keys(rows).length === 0) return null;
    // A change that would leave the review unreadable is refused whole (the transaction rolls back): every page reads it.
    const written = await reviewAsWritten(db, caseId);
    const read = written === null ? null : Review.safeParse(written);
    if (read && !read.success) {
      const issue = read.error.issues[0];
      throw new Error(`The review would not be valid after this change (${issue ? `${pathText(issue.path)}: ${issue.message}` : 'it does not match the schema'}).`);
    }
    return appendAudit(db, caseId, { at: now.toISOString(), kind: 'edit', what: edit.what, before, after, rows }, author);
  });
}

/** An entry that changed only the review (and so can be undone). */
const isReviewEdit = (e: StoredEntry) => e.kind === 'edit' && e.recorded !== undefined && e.recorded.tables.every((t) => t === REVIEW_ROW);

/** An entry that added a practitioner's response: never undone, for a response is never taken out (REVIEW.md §3). */
const addsResponse = (e: StoredEntry) => Object.keys((e.after ?? {}) as object).some((key) => key.startsWith(RESPONSE_PREFIX));

/**
 * The review change an undo would reverse: the newest one not already undone. Each undo steps past the change it
 * reversed, so undoing again goes one further back; anything but a review change (an import, a restore) is a wall,
 * and so is a response added.
 */
export async function undoableEdit(db: ForesightDb, caseId: string): Promise<StoredEntry | null> {
  return newestUndoable(await readEntries(db, caseId), (e) => isReviewEdit(e) && !addsResponse(e));
}

/** The newest entry of a kind of change (`ours`) not already undone, stepping past undos; any other change is a wall. */
export function newestUndoable(entries: readonly StoredEntry[], ours: (e: StoredEntry) => boolean): StoredEntry | null {
  let undone = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as StoredEntry;
    if (!ours(e)) return null;
    if (e.what.startsWith(UNDONE)) undone++;
    else if (undone > 0) undone--;
    else return e;
  }
  return null;
}

/**
 * Undo the newest review change not yet undone: its items put back as they were before it, as a new trail entry
 * (nothing in the trail is ever removed). Returns what was undone, or null when there is nothing to undo.
 */
export async function undoReviewEdit(db: ForesightDb, caseId: string, now = new Date()): Promise<string | null> {
  const target = await undoableEdit(db, caseId);
  if (!target) return null;
  const before = (target.before ?? {}) as Record<string, unknown>;
  const entry = await editReview(db, caseId, { what: `${UNDONE}${target.what}`, changes: Object.entries(before).map(([key, value]) => ({ key, after: value })) }, now);
  return entry ? target.what : null;
}

/** A review's rows for storing a whole case (a received file, a restore): each with its place in its list. */
export function reviewItemRows(caseId: string, review: ReviewInput | undefined): ReviewItemRow[] {
  if (!review) return [];
  return [...reviewRows(review)].map(([key, value], position) => ({ caseId, key, position, value }));
}
