import type { ChangedRow, PlannedRow, StoredItem, TableName } from '../../../shared/import/plan.js';
import type { SourceFile, Staff } from '../../../shared/schemas/index.js';
import { earliestInstant } from '../../../shared/time/london.js';
import type { ForesightDb } from './db.js';

const CHUNK = 2000;

function dexieKey(caseId: string, table: TableName, key: string): string[] {
  return table === 'workload' || table === 'teams' ? [caseId, ...key.split('|')] : [caseId, key];
}

/** Fetch what the case already holds under the keys an import would write, as `table:key` → stored row. */
export async function loadStored(db: ForesightDb, caseId: string, rows: readonly PlannedRow[]): Promise<Map<string, StoredItem>> {
  const stored = new Map<string, StoredItem>();
  const byTable = new Map<TableName, string[]>();
  for (const r of rows) {
    const keys = byTable.get(r.table);
    if (keys) keys.push(r.key);
    else byTable.set(r.table, [r.key]);
  }
  for (const [table, wanted] of byTable) {
    // Reading the case's keys alone is cheap; only rows that exist are fetched whole (none, for a new case).
    const existing = new Set((await db.table(table).where('caseId').equals(caseId).primaryKeys()).map((k) => (k as string[]).slice(1).join('|')));
    const keys = wanted.filter((k) => existing.has(k));
    for (let i = 0; i < keys.length; i += CHUNK) {
      const slice = keys.slice(i, i + CHUNK);
      const found = await db.table(table).bulkGet(slice.map((k) => dexieKey(caseId, table, k)));
      found.forEach((item, j) => {
        if (!item) return;
        const { caseId: _c, occurredAt: _o, ...rest } = item as StoredItem & { caseId: string; occurredAt?: number };
        stored.set(`${table}:${slice[j]}`, rest as StoredItem);
      });
    }
  }
  return stored;
}

export interface ImportWrite {
  caseId: string;
  rows: readonly PlannedRow[];
  /** Changed rows the user accepted: their new content replaces the old. */
  acceptedChanges: readonly ChangedRow[];
  sources: readonly SourceFile[];
  staff: readonly Staff[];
}

/**
 * Store an accepted import in one transaction, written in chunks: if anything fails (or the page is closed
 * mid-write), the transaction aborts and the case is as it was before.
 */
export async function applyImport(db: ForesightDb, write: ImportWrite, onProgress?: (written: number, total: number) => void): Promise<void> {
  const all = [...write.rows.map((r) => ({ table: r.table, item: r.item })), ...write.acceptedChanges.map((c) => ({ table: c.table, item: c.after }))];
  const tables = ['records', 'otherWork', 'allocations', 'workload', 'teams', 'sources', 'staff'] as const;
  await db.transaction('rw', tables.map((t) => db[t]), async () => {
    let written = 0;
    for (const table of ['records', 'otherWork', 'allocations', 'workload', 'teams'] as const) {
      const items = all.filter((r) => r.table === table).map((r) => r.item);
      for (let i = 0; i < items.length; i += CHUNK) {
        const chunk = items.slice(i, i + CHUNK).map((item) =>
          'occurred' in item ? { ...item, caseId: write.caseId, occurredAt: earliestInstant(item.occurred) } : { ...item, caseId: write.caseId },
        );
        await db.table(table).bulkPut(chunk);
        written += chunk.length;
        onProgress?.(written, all.length);
      }
    }
    await db.sources.bulkPut(write.sources.map((s) => ({ ...s, caseId: write.caseId })));
    const known = new Set((await db.staff.where('caseId').equals(write.caseId).toArray()).map((s) => s.code));
    await db.staff.bulkPut(write.staff.filter((s) => !known.has(s.code)).map((s) => ({ ...s, caseId: write.caseId })));
  });
}
