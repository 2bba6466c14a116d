import type { Transaction } from 'dexie';
import { storeKey, type StoredItem } from '../../../shared/import/plan.js';
import { BLOCK_ROWS, BLOCK_TABLES } from './blocks.js';

/** Version 1 to 2: each case's rows, one value each, into blocks, in the order they were stored. */
export async function rowsIntoBlocks(tx: Transaction): Promise<void> {
  for (const table of BLOCK_TABLES) {
    const byCase = new Map<string, StoredItem[]>();
    await tx.table(table).each((row: StoredItem & { caseId: string; occurredAt?: number }) => {
      const { caseId, occurredAt: _, ...item } = row;
      const items = byCase.get(caseId) ?? [];
      if (items.length === 0) byCase.set(caseId, items);
      items.push(item as StoredItem);
    });
    for (const [caseId, items] of byCase) {
      for (let i = 0, block = 0; i < items.length; i += BLOCK_ROWS, block++) {
        const part = items.slice(i, i + BLOCK_ROWS);
        await tx.table('blocks').put({ caseId, table, block, items: part });
        await tx.table('blockKeys').put({ caseId, table, block, keys: part.map((item) => storeKey(table, item)) });
      }
    }
  }
}
