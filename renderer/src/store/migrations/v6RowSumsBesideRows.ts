import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Transaction } from 'dexie';
import { rowDigest } from '../../../../shared/audit/trail.js';

/** What version 5 stores and version 6 writes, as this upgrade knew them. Frozen. */
interface BlockV5 {
  caseId: string;
  table: string;
  block: number;
  items: unknown[];
}
type EntryV5 = Record<string, unknown> & { caseId: string; seq: number; rowKeys?: string[]; rowDigests?: Uint8Array };
const REMOVED = '0'.repeat(64);
const HASH = 32;

/** Version 6's row sum: 32-byte hashes added as little-endian 256-bit numbers, modulo 2^256. */
function add(sum: Uint8Array, hash: Uint8Array, sign: 1 | -1 = 1): void {
  let carry = 0;
  for (let i = 0; i < HASH; i++) {
    const v = (sum[i] as number) + sign * (hash[i] as number) + carry;
    sum[i] = v & 0xff;
    carry = v >> 8;
  }
}

function sumOf(hashes: Iterable<string>): Uint8Array {
  const sum = new Uint8Array(HASH);
  for (const h of hashes) add(sum, hexToBytes(h));
  return sum;
}

/** Each entry's recorded rows, as [key, hex hash] pairs. */
function rowsOf({ rowKeys, rowDigests }: EntryV5): [string, string][] {
  if (!rowKeys || !rowDigests) return [];
  const hex = bytesToHex(rowDigests);
  return rowKeys.map((key, i) => [key, hex.slice(i * 64, (i + 1) * 64)]);
}

const tableOfKey = (key: string) => (key.includes(':') ? key.slice(0, key.indexOf(':')) : key);

/**
 * Version 5 to 6: each block gains the sum of its rows' hashes, worked out from the rows themselves, in place of the
 * hash of each row its keys kept; each trail entry keeps the rows it recorded apart from it (in auditRows) and gains
 * the sum of the rows the case holds after it, worked out from the trail. A case whose rows had been changed before
 * the upgrade still fails its check after it.
 */
export async function rowSumsBesideRows(tx: Transaction): Promise<void> {
  const blocks = tx.table('blocks');
  for (const key of await blocks.toCollection().primaryKeys()) {
    const block = (await blocks.get(key)) as BlockV5;
    await blocks.put({ ...block, rowSum: sumOf(block.items.map(rowDigest)) });
  }
  const heads = tx.table('blockKeys');
  for (const key of await heads.toCollection().primaryKeys()) {
    const { digests: _, ...head } = (await heads.get(key)) as { digests?: Uint8Array };
    await heads.put(head);
  }
  const audit = tx.table('audit');
  for (const caseId of (await audit.orderBy('caseId').uniqueKeys()) as string[]) {
    const latest = new Map<string, string>();
    const sum = new Uint8Array(HASH);
    for (const entry of (await audit.where('caseId').equals(caseId).sortBy('seq')) as EntryV5[]) {
      const rows = rowsOf(entry);
      for (const [key, hash] of rows) {
        const before = latest.get(key);
        if (before === hash) continue;
        if (before !== undefined) add(sum, hexToBytes(before), -1);
        add(sum, hexToBytes(hash));
        latest.set(key, hash);
      }
      const { rowKeys: _, rowDigests: __, ...rest } = entry;
      const tables = new Map<string, [string, string][]>();
      for (const row of rows) {
        const table = tableOfKey(row[0]);
        const list = tables.get(table) ?? [];
        if (list.length === 0) tables.set(table, list);
        list.push(row);
      }
      const removed = rows.filter(([, d]) => d === REMOVED).length;
      const recorded = rows.length === 0 ? {} : { recorded: { tables: [...tables.keys()], rows: rows.length - removed, ...(removed > 0 ? { removed } : {}) } };
      await audit.put({ ...rest, rowSum: sum.slice(), ...recorded });
      for (const [table, list] of tables) {
        await tx.table('auditRows').add({ caseId, table, seq: entry.seq, keys: list.map(([k]) => k), digests: hexToBytes(list.map(([, d]) => d).join('')) });
      }
    }
  }
}
