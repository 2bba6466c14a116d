import type { ChangedRow, PlannedRow, StoredItem, TableName } from '../../../shared/import/plan.js';
import type { SourceFile, Staff } from '../../../shared/schemas/index.js';
import { earliestInstant } from '../../../shared/time/london.js';
import type { ForesightDb } from './db.js';

export const IMPORT_TABLES: readonly TableName[] = ['records', 'otherWork', 'allocations', 'workload', 'teams'];

function dexieKey(caseId: string, table: TableName, key: string): string[] {
  return table === 'workload' || table === 'teams' ? [caseId, ...key.split('|')] : [caseId, key];
}

/** The keys a case already holds in a table, as the import names them. Keys only: cheap even at 100,000 rows. */
export async function existingKeys(db: ForesightDb, caseId: string, table: TableName): Promise<Set<string>> {
  const keys = await db.table(table).where('caseId').equals(caseId).primaryKeys();
  return new Set(keys.map((k) => (k as string[]).slice(1).join('|')));
}

/** The stored rows under some keys, without the store's own fields. */
export async function storedRows(db: ForesightDb, caseId: string, table: TableName, keys: readonly string[]): Promise<Map<string, StoredItem>> {
  const found = await db.table(table).bulkGet(keys.map((k) => dexieKey(caseId, table, k)));
  const rows = new Map<string, StoredItem>();
  found.forEach((item, i) => {
    if (!item) return;
    const { caseId: _c, occurredAt: _o, ...rest } = item as StoredItem & { caseId: string; occurredAt?: number };
    rows.set(keys[i] as string, rest as StoredItem);
  });
  return rows;
}

export interface ImportExtras {
  /** Changed rows the user accepted: their new content replaces the old. */
  acceptedChanges: readonly ChangedRow[];
  sources: readonly SourceFile[];
  staff: readonly Staff[];
}

/**
 * Store an accepted import in one transaction. `produce` hands rows over in chunks (it may read them from the file as
 * it goes, synchronously, so the transaction stays open); if anything fails, or the worker is stopped mid-write, the
 * transaction aborts and the case is as it was before.
 */
export async function storeImport(
  db: ForesightDb,
  caseId: string,
  produce: (put: (rows: readonly PlannedRow[]) => Promise<void>) => Promise<void>,
  extras: ImportExtras,
): Promise<number> {
  let written = 0;
  const put = async (rows: readonly PlannedRow[]) => {
    for (const table of IMPORT_TABLES) {
      const items = rows.filter((r) => r.table === table).map(({ item }) =>
        'occurred' in item ? { ...item, caseId, occurredAt: earliestInstant(item.occurred) } : { ...item, caseId },
      );
      if (items.length > 0) await db.table(table).bulkPut(items);
      written += items.length;
    }
  };
  await db.transaction('rw', [...IMPORT_TABLES.map((t) => db.table(t)), db.sources, db.staff], async () => {
    await produce(put);
    await put(extras.acceptedChanges.map((c) => ({ table: c.table, key: c.key, item: c.after })));
    await db.sources.bulkPut(extras.sources.map((s) => ({ ...s, caseId })));
    const known = new Set((await db.staff.where('caseId').equals(caseId).toArray()).map((s) => s.code));
    await db.staff.bulkPut(extras.staff.filter((s) => !known.has(s.code)).map((s) => ({ ...s, caseId })));
  });
  return written;
}
