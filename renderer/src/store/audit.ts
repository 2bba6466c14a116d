import { hexToBytes } from '@noble/hashes/utils.js';
import { chainedEntry, ROW_REMOVED, type AuditEntry, type NewAuditEntry } from '../../../shared/audit/trail.js';
import { tableOfTrailKey } from '../../../shared/audit/rowKeys.js';
import { digestsAt, packDigests } from './blocks.js';
import { addHash, emptySum, sumOfPacked, trailSums, type RowSum } from '../../../shared/audit/rowSum.js';
import type { Author } from './identity.js';
import { advanceHead } from './storeHead.js';
import type { EntryRows, ForesightDb, StoredEntry } from './types.js';

export type { EntryRows, StoredEntry } from './types.js';

/** The name given in Settings before changes were signed (identity.ts offers it again when the key is made). */
export const USER_NAME = 'userName';


function byTable(rows: Record<string, string>): Map<string, [string, string][]> {
  const tables = new Map<string, [string, string][]>();
  for (const [key, digest] of Object.entries(rows)) {
    const table = tableOfTrailKey(key);
    const list = tables.get(table) ?? [];
    if (list.length === 0) tables.set(table, list);
    list.push([key, digest]);
  }
  return tables;
}

export function toStored({ rows, ...entry }: AuditEntry, caseId: string, rowSum: RowSum): { entry: StoredEntry; rows: EntryRows[] } {
  if (!rows) return { entry: { ...entry, caseId, rowSum }, rows: [] };
  const tables = byTable(rows);
  // Rows the entry took out of the case, counted so the activity can say so in plain words.
  const removed = Object.values(rows).filter((d) => d === ROW_REMOVED).length;
  return {
    entry: { ...entry, caseId, rowSum, recorded: { tables: [...tables.keys()], rows: Object.keys(rows).length - removed, ...(removed > 0 ? { removed } : {}) } },
    rows: [...tables].map(([table, list]) => ({ caseId, table, seq: entry.seq, keys: list.map(([k]) => k), digests: packDigests(list.map(([, d]) => d)) })),
  };
}

function fromStored({ caseId: _, rowSum: __, recorded, ...entry }: StoredEntry, parts: readonly EntryRows[]): AuditEntry {
  if (!recorded) return entry;
  const rows: Record<string, string> = {};
  for (const table of recorded.tables) {
    const part = parts.find((p) => p.table === table);
    if (!part) throw new Error(`The rows entry ${entry.seq} of this case's trail recorded in ${table} are missing from the store.`);
    const digests = digestsAt(part.digests, part.keys.length);
    part.keys.forEach((key, i) => (rows[key] = digests[i] as string));
  }
  return { ...entry, rows };
}

/** The tables a change to a case's trail writes to (its entries, their rows, its signers' keys, and the store's head): take them all into its transaction. */
export const trailTables = (db: ForesightDb) => [db.audit, db.auditRows, db.signers, db.settings];

const ofCase = (caseId: string) => [[caseId, -Infinity], [caseId, Infinity]] as const;

/** A case's trail as stored, oldest first, without the rows each entry recorded: what the activity view and the check on opening read. */
export function readEntries(db: ForesightDb, caseId: string): Promise<StoredEntry[]> {
  return db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).toArray();
}

/** A case's newest entry, without its rows. */
export function lastEntry(db: ForesightDb, caseId: string): Promise<StoredEntry | undefined> {
  return db.audit.where('[caseId+seq]').between(...ofCase(caseId), true, true).last();
}

/** A case's whole trail, oldest first, as bundles carry it. */
export async function readTrail(db: ForesightDb, caseId: string): Promise<AuditEntry[]> {
  const [entries, parts] = await Promise.all([readEntries(db, caseId), db.auditRows.where('caseId').equals(caseId).toArray()]);
  const partsOf = new Map<number, EntryRows[]>();
  for (const p of parts) partsOf.set(p.seq, [...(partsOf.get(p.seq) ?? []), p]);
  return entries.map((e) => fromStored(e, partsOf.get(e.seq) ?? []));
}

/** The hash each key of a table was last recorded with in a case's trail. */
async function lastRecorded(db: ForesightDb, caseId: string, table: string): Promise<Map<string, string>> {
  const parts = await db.auditRows.where('[caseId+table+seq]').between([caseId, table, -Infinity], [caseId, table, Infinity], true, true).toArray();
  const found = new Map<string, string>();
  for (const part of parts) {
    const digests = digestsAt(part.digests, part.keys.length);
    part.keys.forEach((key, i) => found.set(key, digests[i] as string));
  }
  return found;
}

/**
 * Add an entry to a case's trail, chained to its last, under its author's name and signed with their key; the case
 * carries the key, so a case file sent on can be checked. Call it inside the transaction that makes the change (over
 * trailTables too): the change and its record are stored together or not at all. Hashing and signing are
 * synchronous, so the transaction stays open. The entry's row sum is the last one's with each row it records taken
 * at its new hash.
 */
export async function appendAudit(db: ForesightDb, caseId: string, entry: Omit<NewAuditEntry, 'who'>, author: Author): Promise<AuditEntry> {
  const last = await lastEntry(db, caseId);
  const next = chainedEntry(last, { ...entry, who: author.who }, author.signing.entry);
  await db.signers.put({ ...author.signing.as, caseId });
  const rowSum = last ? last.rowSum.slice() : emptySum();
  const stored = toStored(next, caseId, rowSum);
  // `rowSum` is the stored entry's own, finished here before the entry is added.
  for (const part of stored.rows) {
    // Each row recorded counts at its new hash, in place of the hash it was last recorded with, if any.
    addHash(rowSum, sumOfPacked(part.digests));
    const before = await lastRecorded(db, caseId, part.table);
    if (before.size === 0) continue;
    for (const key of part.keys) {
      const old = before.get(key);
      if (old !== undefined) addHash(rowSum, hexToBytes(old), -1);
    }
  }
  await db.audit.add(stored.entry);
  await db.auditRows.bulkAdd(stored.rows);
  await advanceHead(db, caseId, next.hash);
  return next;
}

/** Store a whole trail for a case (a received bundle's, or a backup's), replacing any it had. */
export async function putTrail(db: ForesightDb, caseId: string, trail: readonly AuditEntry[]): Promise<void> {
  await Promise.all([db.audit.where('caseId').equals(caseId).delete(), db.auditRows.where('caseId').equals(caseId).delete()]);
  const sums = trailSums(trail);
  const stored = trail.map((e, i) => toStored(e, caseId, sums[i] as RowSum));
  await db.audit.bulkAdd(stored.map((s) => s.entry));
  await db.auditRows.bulkAdd(stored.flatMap((s) => s.rows));
  await advanceHead(db, caseId, trail[trail.length - 1]?.hash ?? null);
}
