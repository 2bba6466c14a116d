import type { Transaction } from 'dexie';
import { chainedEntry, rowDigest } from '../../../../shared/audit/trail.js';

/** What version 3 stores, as version 4 reads it. Frozen. */
interface BlockV3 {
  table: string;
  block: number;
  items: Record<string, unknown>[];
}
type OfCase = Record<string, unknown> & { caseId: string };

const BLOCK_TABLES = ['records', 'otherWork', 'workload', 'teams'] as const;

/** The keys version 4's trail named rows by (`case`, `records:contact:1`, `workload:N07P012|2022-01-01`). */
function keyOf(table: string, row: Record<string, unknown>): string {
  if (table === 'workload') return `workload:${String(row.staffCode)}|${String(row.snapshotDate)}`;
  if (table === 'teams') return `teams:${String(row.teamCode)}|${String(row.snapshotDate)}`;
  if (table === 'staff') return `staff:${String(row.code)}`;
  if (table === 'sources') return `sources:${String(row.sha256)}`;
  return `${table}:${String(row.id)}`;
}

/**
 * Version 3 to 4: each case gets an audit trail. Its first entry records the case as it stood at the upgrade (the
 * content hash of every row), so later changes are checked against what was there, not against nothing.
 */
export async function startTrails(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const ofCase = async (table: string, caseId: string) => ((await tx.table(table).where('caseId').equals(caseId).toArray()) as OfCase[]).map(({ caseId: _, ...row }) => row);
  for (const found of (await tx.table('cases').toArray()) as { id: string }[]) {
    const blocks = (await tx.table('blocks').where('caseId').equals(found.id).toArray()) as BlockV3[];
    blocks.sort((a, b) => a.block - b.block);
    const rows: Record<string, string> = { case: rowDigest(found) };
    for (const table of ['records', 'otherWork', 'allocations', 'workload', 'teams', 'staff', 'sources']) {
      const items = (BLOCK_TABLES as readonly string[]).includes(table) ? blocks.filter((b) => b.table === table).flatMap((b) => b.items) : await ofCase(table, found.id);
      for (const item of items) rows[keyOf(table, item)] = rowDigest(item);
    }
    const entry = chainedEntry(undefined, { at, who: 'Foresight', kind: 'upgrade', what: 'Audit trail started: the case as it stood when Foresight was upgraded', rows });
    await tx.table('audit').add({ ...entry, caseId: found.id });
  }
}
