import { chainedEntry, type AuditEntry, type NewAuditEntry } from '../../../shared/audit/trail.js';
import type { ForesightDb } from './db.js';
import { getSetting } from './settings.js';

export const USER_NAME = 'userName';
/** Who a change is attributed to when no name has been set in Settings. */
const NO_NAME = 'Name not set';

export async function currentUser(db: ForesightDb): Promise<string> {
  return (await getSetting<string>(db, USER_NAME))?.trim() || NO_NAME;
}

const ofCase = (caseId: string) => [[caseId, -Infinity], [caseId, Infinity]] as const;

/** A case's trail, oldest first. */
export async function readTrail(db: ForesightDb, caseId: string): Promise<AuditEntry[]> {
  const entries = await db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).toArray();
  return entries.map(({ caseId: _, ...entry }) => entry);
}

/**
 * Add an entry to a case's trail, chained to its last. Call it inside the transaction that makes the change (over
 * db.audit too): the change and its record are stored together or not at all. Hashing is synchronous, so the
 * transaction stays open.
 */
export async function appendAudit(db: ForesightDb, caseId: string, entry: NewAuditEntry): Promise<AuditEntry> {
  const last = await db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).last();
  const { caseId: _, ...previous } = last ?? { caseId };
  const next = chainedEntry(last ? (previous as AuditEntry) : undefined, entry);
  await db.audit.add({ ...next, caseId });
  return next;
}

/** Store a whole trail for a case (a received bundle's, or a backup's), replacing any it had. */
export async function putTrail(db: ForesightDb, caseId: string, trail: readonly AuditEntry[]): Promise<void> {
  await db.audit.where('caseId').equals(caseId).delete();
  await db.audit.bulkAdd(trail.map((e) => ({ ...e, caseId })));
}
