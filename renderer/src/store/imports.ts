import { rowDigest } from '../../../shared/audit/trail.js';
import { rowKeyOf, trailKey, type KeyedTable } from '../../../shared/audit/rowKeys.js';
import { countInto, type ChangedRow, type PlannedRow, type RowsByTable, type StoredItem, type TableName } from '../../../shared/import/plan.js';
import type { Allocation, Case, SourceFile, Staff } from '../../../shared/schemas/index.js';
import { createCase } from './cases.js';
import { BLOCK_TABLES, blockOfKey, BlockWriter, rowsByKey, type BlockTable } from './blocks.js';
import { appendAudit, trailTables } from './audit.js';
import { refuseInCopyForResponse } from './copyForResponse.js';
import type { Author } from './identity.js';
import type { ForesightDb } from './types.js';

export const IMPORT_TABLES: readonly TableName[] = ['records', 'otherWork', 'allocations', 'workload', 'teams'];

const isBlockTable = (table: TableName): table is BlockTable => (BLOCK_TABLES as readonly string[]).includes(table);

/**
 * The keys a case already holds in a table, as the import names them, each with where it is stored (its block;
 * allocations are stored one per value). Keys only: cheap even at 100,000 rows.
 */
export async function existingKeys(db: ForesightDb, caseId: string, table: TableName): Promise<Map<string, number>> {
  if (isBlockTable(table)) return blockOfKey(db, caseId, table);
  const keys = await db.allocations.where('caseId').equals(caseId).primaryKeys();
  return new Map(keys.map((k) => [k[1], -1]));
}

/** The stored rows under some keys, without the store's own fields. */
export async function storedRows(db: ForesightDb, caseId: string, table: TableName, keys: readonly string[], where: ReadonlyMap<string, number>): Promise<Map<string, StoredItem>> {
  if (isBlockTable(table)) return rowsByKey(db, caseId, table, keys, where);
  const found = await db.allocations.bulkGet(keys.map((k) => [caseId, k]));
  const rows = new Map<string, StoredItem>();
  found.forEach((item, i) => {
    if (!item) return;
    const { caseId: _, ...allocation } = item;
    rows.set(keys[i] as string, allocation);
  });
  return rows;
}

export interface ImportExtras {
  /** Changed rows the user accepted: their new content replaces the old. */
  acceptedChanges: readonly ChangedRow[];
  /** Where each key the case held before the import is stored, by table. */
  existing: ReadonlyMap<TableName, ReadonlyMap<string, number>>;
  sources: readonly SourceFile[];
  staff: readonly Staff[];
  /** Who accepted the import (their entry is signed with their key), when, and what it was, for the case's audit trail. */
  audit: { author: Author; at: Date; what: (written: RowsByTable) => string };
}

/**
 * Store an accepted import in one transaction. `produce` hands new rows over in chunks (it may read them from the
 * file as it goes, synchronously, so the transaction stays open); each chunk's rows become one block per table. If
 * anything fails, or the worker is stopped mid-write, the transaction aborts and the case is as it was before.
 * Returns how many new rows it added to each table (accepted changes replace rows, and are not counted here).
 */
export async function storeImport(
  db: ForesightDb,
  caseId: string,
  produce: (put: (rows: readonly PlannedRow[]) => Promise<void>) => Promise<void>,
  extras: ImportExtras,
): Promise<RowsByTable> {
  const written: RowsByTable = {};
  // The trail entry records the content hash of every row this import stores, under the keys bundles use.
  const digests: Record<string, string> = {};
  const record = <R extends { key: string; item: I }, I>(table: KeyedTable, rows: readonly R[]) =>
    rows.map((r) => {
      const digest = rowDigest(r.item);
      digests[trailKey(table, r.key)] = digest;
      return { ...r, digest };
    });
  const blocks = new BlockWriter(db, caseId);
  const putAllocations = (rows: readonly { item: StoredItem }[]) => db.allocations.bulkPut(rows.map(({ item }) => ({ ...(item as Allocation), caseId })));
  const put = async (rows: readonly PlannedRow[]) => {
    for (const table of IMPORT_TABLES) {
      const items = rows.filter((r) => r.table === table);
      if (items.length === 0) continue;
      const recorded = record(table, items);
      if (isBlockTable(table)) await blocks.append(table, recorded);
      else await putAllocations(recorded);
      countInto(written, table, items.length);
    }
  };
  await db.transaction('rw', [db.blocks, db.blockKeys, db.allocations, db.sources, db.staff, ...trailTables(db)], async () => {
    await refuseInCopyForResponse(db, caseId);
    await produce(put);
    for (const table of IMPORT_TABLES) {
      const changes = extras.acceptedChanges.filter((c) => c.table === table).map((c) => ({ key: c.key, item: c.after }));
      if (changes.length === 0) continue;
      const recorded = record(table, changes);
      if (isBlockTable(table)) await blocks.replace(table, recorded, extras.existing.get(table) ?? new Map());
      else await putAllocations(recorded);
    }
    await db.sources.bulkPut(extras.sources.map((s) => ({ ...s, caseId })));
    record('sources', extras.sources.map((s) => ({ key: rowKeyOf('sources', s), item: s })));
    const known = new Set((await db.staff.where('caseId').equals(caseId).toArray()).map((s) => s.code));
    const newStaff = extras.staff.filter((s) => !known.has(s.code));
    await db.staff.bulkPut(newStaff.map((s) => ({ ...s, caseId })));
    record('staff', newStaff.map((s) => ({ key: rowKeyOf('staff', s), item: s })));
    const changed = extras.acceptedChanges;
    await appendAudit(db, caseId, {
      at: extras.audit.at.toISOString(),
      kind: 'import',
      what: extras.audit.what(written),
      ...(changed.length > 0
        ? { before: Object.fromEntries(changed.map((c) => [trailKey(c.table, c.key), c.before])), after: Object.fromEntries(changed.map((c) => [trailKey(c.table, c.key), c.after])) }
        : {}),
      rows: digests,
    }, extras.audit.author);
  });
  return written;
}

/** The content hashes of the files a case has imported (an import says which of its files it has seen before). */
export async function sourceHashes(db: ForesightDb, caseId: string): Promise<Set<string>> {
  return new Set((await db.sources.where('caseId').equals(caseId).toArray()).map((s) => s.sha256));
}

/** Create a case and store its first import in one transaction: a failure leaves no half-made case. */
export async function inNewCase<T>(db: ForesightDb, found: Case, author: Author, store: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.cases, db.blocks, db.blockKeys, db.allocations, db.sources, db.staff, ...trailTables(db)], async () => {
    await createCase(db, found, new Date(), author);
    return store();
  });
}
