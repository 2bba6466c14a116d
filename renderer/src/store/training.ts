import { canonicalJson, rowDigest, ROW_REMOVED, type AuditEntry } from '../../../shared/audit/trail.js';
import { putAnswer, startSession as sessionStarted, type TrainingEdit } from '../../../shared/training/sessionEdits.js';
import { sessionKey, trainingFromRows, trainingKindOf, trainingRows, trainingRowsProblem } from '../../../shared/training/trainingRows.js';
import { CaseTraining, Session, type CaseTrainingInput, type SessionAnswer } from '../../../shared/training/walkthrough.js';
import { appendAudit, readEntries, trailTables, type StoredEntry } from './audit.js';
import { currentAuthor } from './identity.js';
import { refuseUnlessResponses } from './copyForResponse.js';
import { newestUndoable, UNDONE } from './review.js';
import type { ForesightDb, TrainingItemRow } from './types.js';

/**
 * A case's walkthrough and its training sessions in the store: one row each (trainingRows.ts), each change saved at
 * once as a signed trail entry recording the rows it changed, before and after, so the last change can be undone.
 */

const rowsOf = (db: ForesightDb, caseId: string): Promise<TrainingItemRow[]> => db.trainingItems.where('caseId').equals(caseId).toArray();

/** A case's walkthrough and sessions, read with what they leave out filled in (null: none yet). */
export async function readTraining(db: ForesightDb, caseId: string): Promise<CaseTraining | null> {
  const written = trainingFromRows(await rowsOf(db, caseId));
  return written ? CaseTraining.parse(written) : null;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Save a change to a case's walkthrough or sessions with its trail entry, in one transaction: both are stored or
 * neither. A change that would leave them unreadable is refused whole. Returns the entry, or null when nothing changed.
 */
export async function editTraining(db: ForesightDb, caseId: string, edit: TrainingEdit, now = new Date()): Promise<AuditEntry | null> {
  const author = await currentAuthor(db);
  return db.transaction('rw', [db.cases, db.trainingItems, ...trailTables(db)], async () => {
    if (!(await db.cases.get(caseId))) throw new Error('That case no longer exists.');
    await refuseUnlessResponses(db, caseId, edit.changes.map((c) => c.key));
    const held = new Map((await rowsOf(db, caseId)).map((row) => [row.key, row]));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const rows: Record<string, string> = {};
    for (const change of edit.changes) {
      const old = held.get(change.key);
      if (change.after === null ? old === undefined : old !== undefined && same(old.value, change.after)) continue;
      if (trainingKindOf(change.key) === null) throw new Error(`${change.key} is not part of a case's training.`);
      before[change.key] = old?.value ?? null;
      after[change.key] = change.after;
      if (change.after === null) {
        await db.trainingItems.delete([caseId, change.key]);
        rows[change.key] = ROW_REMOVED;
      } else {
        await db.trainingItems.put({ caseId, key: change.key, value: change.after });
        rows[change.key] = rowDigest(change.after);
      }
    }
    if (Object.keys(rows).length === 0) return null;
    const stored = await rowsOf(db, caseId);
    const problem = trainingRowsProblem(stored) ?? schemaProblem(trainingFromRows(stored));
    if (problem) throw new Error(`The walkthrough would not be valid after this change (${problem}).`);
    return appendAudit(db, caseId, { at: now.toISOString(), kind: 'edit', what: edit.what, before, after, rows }, author);
  });
}

function schemaProblem(training: CaseTrainingInput | undefined): string | null {
  if (!training) return null;
  const read = CaseTraining.safeParse(training);
  if (read.success) return null;
  const issue = read.error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'it does not match the schema';
}

/** An entry that changed only the training rows (and so can be undone here). */
const isTrainingEdit = (e: StoredEntry) => e.kind === 'edit' && e.recorded !== undefined && e.recorded.tables.every((t) => t === 'training');

/** The training change an undo would reverse: the newest not already undone; any other change is a wall. */
export async function undoableTrainingEdit(db: ForesightDb, caseId: string): Promise<StoredEntry | null> {
  return newestUndoable(await readEntries(db, caseId), isTrainingEdit);
}

/** Undo the newest training change not yet undone, as a new trail entry. Returns what was undone, or null. */
export async function undoTrainingEdit(db: ForesightDb, caseId: string, now = new Date()): Promise<string | null> {
  const target = await undoableTrainingEdit(db, caseId);
  if (!target) return null;
  const before = (target.before ?? {}) as Record<string, unknown>;
  const entry = await editTraining(db, caseId, { what: `${UNDONE}${target.what}`, changes: Object.entries(before).map(([key, after]) => ({ key, after })) }, now);
  return entry ? target.what : null;
}

/** Start a session of a case's walkthrough: stored (with its trail entry) before the presenter opens it. */
export async function addSession(db: ForesightDb, caseId: string, session: Session, now = new Date()): Promise<void> {
  await editTraining(db, caseId, sessionStarted(session), now);
}

/** A group's answer at a decision point of a session, replacing any that group gave at that point before. */
export async function saveAnswer(db: ForesightDb, caseId: string, sessionId: string, answer: SessionAnswer, now = new Date()): Promise<void> {
  const row = await db.trainingItems.get([caseId, sessionKey(sessionId)]);
  if (!row) throw new Error(`Session ${sessionId} is not part of this case.`);
  await editTraining(db, caseId, putAnswer(Session.parse(row.value), answer), now);
}

/** A case's training rows for storing a whole case (a received file, a restore). */
export function trainingItemRows(caseId: string, training: CaseTrainingInput | undefined): TrainingItemRow[] {
  if (!training) return [];
  return [...trainingRows(training)].map(([key, value]) => ({ caseId, key, value }));
}
