import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { rowDigest } from '../../../shared/audit/trail.js';
import type { StoredItem } from '../../../shared/import/plan.js';
import { addHash, sumOfPacked } from '../../../shared/audit/rowSum.js';
import type { BlockTable, ForesightDb, RowBlock } from './types.js';

export { BLOCK_TABLES, type BlockTable, type RowBlock } from './types.js';

/**
 * A case's many rows (records, other work, workload and team snapshots) are stored in blocks of up to a few thousand
 * rows, one IndexedDB value per block: writing 100,000 rows one value each takes about 17 s on these machines, and
 * as 200 blocks about 1 s. Each block's keys are kept apart from its rows, so that what a case holds can be counted
 * and compared without reading every row. Each block carries the sum of its rows' content hashes (rowSum.ts), sealed
 * with its rows: opening a case adds these up to check the rows it reads against its trail.
 */
/** A row to store: its key, its content, and its content hash (rowDigest, hex). */
export interface BlockRow {
  key: string;
  item: StoredItem;
  digest: string;
}

const DIGEST_BYTES = 32;

/** Hashes given as hex, packed 32 bytes each (decoded as one text: an import's entry packs 100,000). */
export function packDigests(digests: readonly string[]): Uint8Array {
  if (digests.some((d) => d.length !== DIGEST_BYTES * 2)) throw new Error('A row hash is not 64 hex digits.');
  return hexToBytes(digests.join(''));
}

/** The first n hashes packed by packDigests, as hex. */
export function digestsAt(packed: Uint8Array, n: number): string[] {
  const hex = bytesToHex(packed.subarray(0, n * DIGEST_BYTES));
  return Array.from({ length: n }, (_, i) => hex.slice(i * 64, (i + 1) * 64));
}

export const BLOCK_ROWS = 2000;

const range = (caseId: string, table: BlockTable) => [[caseId, table, -Infinity], [caseId, table, Infinity]] as const;

function keysOf(db: ForesightDb, caseId: string, table: BlockTable) {
  return db.blockKeys.where('[caseId+table+block]').between(...range(caseId, table), true, true);
}

/** Every block of a case's table, in the order stored. */
export function readBlocks(db: ForesightDb, caseId: string, table: BlockTable): Promise<RowBlock[]> {
  return db.blocks.where('[caseId+table+block]').between(...range(caseId, table), true, true).toArray();
}

export async function countRows(db: ForesightDb, caseId: string, table: BlockTable): Promise<number> {
  let n = 0;
  await keysOf(db, caseId, table).each((b) => (n += b.keys.length));
  return n;
}

/** Which block holds each key the case has in a table. */
export async function blockOfKey(db: ForesightDb, caseId: string, table: BlockTable): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  await keysOf(db, caseId, table).each((b) => {
    for (const key of b.keys) found.set(key, b.block);
  });
  return found;
}

/** The stored rows under some keys, read from the blocks that hold them. */
export async function rowsByKey(db: ForesightDb, caseId: string, table: BlockTable, keys: readonly string[], where: ReadonlyMap<string, number>): Promise<Map<string, StoredItem>> {
  const wanted = new Set(keys);
  const blocks = [...new Set(keys.map((k) => where.get(k)).filter((b) => b !== undefined))];
  const found = new Map<string, StoredItem>();
  const [heads, bodies] = await Promise.all([
    db.blockKeys.bulkGet(blocks.map((b) => [caseId, table, b])),
    db.blocks.bulkGet(blocks.map((b) => [caseId, table, b])),
  ]);
  heads.forEach((head, i) => {
    const items = bodies[i]?.items ?? [];
    head?.keys.forEach((key, j) => {
      const item = items[j];
      if (wanted.has(key) && item) found.set(key, item);
    });
  });
  return found;
}

/** Appends blocks to a case's tables. Call inside a transaction over blocks and blockKeys. */
export class BlockWriter {
  private readonly next = new Map<BlockTable, number>();

  constructor(
    private readonly db: ForesightDb,
    private readonly caseId: string,
  ) {}

  async append(table: BlockTable, rows: readonly BlockRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BLOCK_ROWS) {
      const part = rows.slice(i, i + BLOCK_ROWS);
      const block = await this.nextBlock(table);
      await Promise.all([
        this.db.blocks.put({ caseId: this.caseId, table, block, items: part.map((r) => r.item), rowSum: sumOfPacked(packDigests(part.map((r) => r.digest))) }),
        this.db.blockKeys.put({ caseId: this.caseId, table, block, keys: part.map((r) => r.key) }),
      ]);
    }
  }

  /** Replace rows the case already holds, in place, in the blocks that hold them. */
  async replace(table: BlockTable, rows: readonly BlockRow[], where: ReadonlyMap<string, number>): Promise<void> {
    const byBlock = new Map<number, Map<string, BlockRow>>();
    for (const r of rows) {
      const block = where.get(r.key);
      if (block === undefined) throw new Error(`The row ${r.key} is not stored in this case, so it cannot be replaced.`);
      byBlock.set(block, (byBlock.get(block) ?? new Map()).set(r.key, r));
    }
    for (const [block, replacements] of byBlock) {
      const key = [this.caseId, table, block] as [string, BlockTable, number];
      const [head, body] = await Promise.all([this.db.blockKeys.get(key), this.db.blocks.get(key)]);
      if (!head || !body) throw new Error(`A block of this case's ${table} is missing.`);
      // The block's sum loses each replaced row's hash, as its stored content gives it, and gains the new one's.
      const rowSum = body.rowSum.slice();
      const items = head.keys.map((k, i) => {
        const old = body.items[i] as StoredItem;
        const r = replacements.get(k);
        if (!r) return old;
        addHash(rowSum, hexToBytes(rowDigest(old)), -1);
        addHash(rowSum, hexToBytes(r.digest));
        return r.item;
      });
      await this.db.blocks.put({ ...body, items, rowSum });
    }
  }

  private async nextBlock(table: BlockTable): Promise<number> {
    let block = this.next.get(table);
    if (block === undefined) {
      const last = await keysOf(this.db, this.caseId, table).last();
      block = last ? last.block + 1 : 0;
    }
    this.next.set(table, block + 1);
    return block;
  }
}
