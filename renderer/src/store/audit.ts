import { chainedEntry, type AuditEntry, type NewAuditEntry } from '../../../shared/audit/trail.js';
import { digestsAt, packDigests } from './blocks.js';
import type { ForesightDb } from './db.js';
import { getSetting } from './settings.js';

export const USER_NAME = 'userName';
/** Who a change is attributed to when no name has been set in Settings. */
const NO_NAME = 'Name not set';

export async function currentUser(db: ForesightDb): Promise<string> {
  return (await getSetting<string>(db, USER_NAME))?.trim() || NO_NAME;
}

/**
 * An entry as the store keeps it: the rows it recorded as their keys and their hashes packed 32 bytes each, since an
 * import's entry records 100,000 of them and is read every time the case's trail is checked.
 */
export type StoredEntry = Omit<AuditEntry, 'rows'> & { caseId: string; rowKeys?: string[]; rowDigests?: Uint8Array };

export function toStoredEntry({ rows, ...entry }: AuditEntry, caseId: string): StoredEntry {
  return { ...entry, caseId, ...(rows ? { rowKeys: Object.keys(rows), rowDigests: packDigests(Object.values(rows)) } : {}) };
}

export function fromStoredEntry({ caseId: _, rowKeys, rowDigests, ...entry }: StoredEntry): AuditEntry {
  if (!rowKeys || !rowDigests) return entry;
  const digests = digestsAt(rowDigests, rowKeys.length);
  return { ...entry, rows: Object.fromEntries(rowKeys.map((key, i) => [key, digests[i] as string])) };
}

const ofCase = (caseId: string) => [[caseId, -Infinity], [caseId, Infinity]] as const;

/** A case's trail as stored, oldest first. */
export function readStoredTrail(db: ForesightDb, caseId: string): Promise<StoredEntry[]> {
  return db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).toArray();
}

/** A case's trail, oldest first. */
export async function readTrail(db: ForesightDb, caseId: string): Promise<AuditEntry[]> {
  return (await readStoredTrail(db, caseId)).map(fromStoredEntry);
}

/**
 * Add an entry to a case's trail, chained to its last. Call it inside the transaction that makes the change (over
 * db.audit too): the change and its record are stored together or not at all. Hashing is synchronous, so the
 * transaction stays open.
 */
export async function appendAudit(db: ForesightDb, caseId: string, entry: NewAuditEntry): Promise<AuditEntry> {
  const last = await db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).last();
  const next = chainedEntry(last && fromStoredEntry(last), entry);
  await db.audit.add(toStoredEntry(next, caseId));
  return next;
}

/** Store a whole trail for a case (a received bundle's, or a backup's), replacing any it had. */
export async function putTrail(db: ForesightDb, caseId: string, trail: readonly AuditEntry[]): Promise<void> {
  await db.audit.where('caseId').equals(caseId).delete();
  await db.audit.bulkAdd(trail.map((e) => toStoredEntry(e, caseId)));
}
