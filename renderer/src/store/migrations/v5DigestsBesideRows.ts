import { hexToBytes } from '@noble/hashes/utils.js';
import type { Transaction } from 'dexie';
import { rowDigest } from '../../../../shared/audit/trail.js';

/** What version 4 stores and version 5 writes, as this upgrade knew them. Frozen. */
interface BlockV4 {
  caseId: string;
  table: string;
  block: number;
  items: unknown[];
}
interface BlockKeysV4 {
  caseId: string;
  table: string;
  block: number;
  keys: string[];
}
type EntryV4 = Record<string, unknown> & { caseId: string; rows?: Record<string, string> };

/** The tables of version 5 that are not a case's blocks. */
const OTHER_TABLES = ['cases', 'allocations', 'staff', 'sources', 'audit', 'backups', 'backupData', 'settings'];

/** Hashes given as hex, packed 32 bytes each, as version 5 keeps them. */
const packed = (digests: readonly string[]) => hexToBytes(digests.join(''));

/** A trail entry as version 5 stores it: the rows it recorded as their keys and their hashes packed. */
function packedEntry({ rows, ...entry }: EntryV4) {
  return { ...entry, ...(rows ? { rowKeys: Object.keys(rows), rowDigests: packed(Object.values(rows)) } : {}) };
}

/**
 * Version 4 to 5: each block's keys gain the content hash of each of its rows, so the trail check on opening a case
 * compares hashes rather than recomputing 100,000 of them; trail entries keep their rows' hashes packed; and every
 * value is written afresh, so an encrypted store holds only version 5's seal.
 */
export async function digestsBesideRows(tx: Transaction): Promise<void> {
  for (const caseId of (await tx.table('blockKeys').orderBy('caseId').uniqueKeys()) as string[]) {
    const [blocks, heads] = (await Promise.all([tx.table('blocks').where('caseId').equals(caseId).toArray(), tx.table('blockKeys').where('caseId').equals(caseId).toArray()])) as [
      BlockV4[],
      BlockKeysV4[],
    ];
    const itemsOf = new Map(blocks.map((b) => [`${b.table}:${b.block}`, b.items]));
    await tx.table('blocks').bulkPut(blocks);
    await tx.table('blockKeys').bulkPut(heads.map((head) => ({ ...head, digests: packed((itemsOf.get(`${head.table}:${head.block}`) ?? []).map(rowDigest)) })));
  }
  for (const name of OTHER_TABLES) {
    const table = tx.table(name);
    // One value at a time: backups can be large.
    const fresh = name === 'audit' ? (value: EntryV4) => packedEntry(value) : (value: unknown) => value;
    for (const key of await table.toCollection().primaryKeys()) await table.put(fresh(await table.get(key)));
  }
}
