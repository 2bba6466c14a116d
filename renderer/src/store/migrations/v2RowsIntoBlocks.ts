import type { Transaction } from 'dexie';

/** Version 1's per-row tables, and how version 2 keyed their rows inside a block. Frozen. */
const TABLES = ['records', 'otherWork', 'workload', 'teams'] as const;
const ROWS_PER_BLOCK = 2000;
type Row = Record<string, unknown> & { caseId: string; occurredAt?: number };

function keyOf(table: (typeof TABLES)[number], row: Record<string, unknown>): string {
  if (table === 'workload') return `${String(row.staffCode)}|${String(row.snapshotDate)}`;
  if (table === 'teams') return `${String(row.teamCode)}|${String(row.snapshotDate)}`;
  return String(row.id);
}

/** Version 1 to 2: each case's rows, one value each, into blocks of rows, in the order they were stored. */
export async function rowsIntoBlocks(tx: Transaction): Promise<void> {
  for (const table of TABLES) {
    const byCase = new Map<string, Record<string, unknown>[]>();
    await tx.table(table).each(({ caseId, occurredAt: _, ...item }: Row) => {
      const items = byCase.get(caseId) ?? [];
      if (items.length === 0) byCase.set(caseId, items);
      items.push(item);
    });
    for (const [caseId, items] of byCase) {
      for (let i = 0, block = 0; i < items.length; i += ROWS_PER_BLOCK, block++) {
        const part = items.slice(i, i + ROWS_PER_BLOCK);
        await tx.table('blocks').put({ caseId, table, block, items: part });
        await tx.table('blockKeys').put({ caseId, table, block, keys: part.map((item) => keyOf(table, item)) });
      }
    }
  }
}
