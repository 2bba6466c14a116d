import { hexToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry } from './trail.js';

/**
 * A row sum: the content hashes (SHA-256) of a set of rows added up as 256-bit numbers, modulo 2^256. Adding up does
 * not depend on order, and a row replaced is its old hash taken away and its new one added, so the store can keep:
 * - on each block of rows, the sum of its rows, written with them;
 * - on each trail entry, the sum of every row the case holds once that entry is made, as the trail records them.
 * Opening a case then checks its rows against its trail by adding up about fifty sums instead of comparing 100,000
 * hashes by key. The sums are sealed with the values that carry them, so only the store's key could make them agree
 * over changed rows; the full check recomputes every hash, and every sum, from the rows themselves.
 */
export type RowSum = Uint8Array;

const BYTES = 32;

export const emptySum = (): RowSum => new Uint8Array(BYTES);

/** Add a content hash (32 bytes, read little-endian) to a sum, in place; `-1` takes it away. */
export function addHash(sum: RowSum, hash: Uint8Array, sign: 1 | -1 = 1): RowSum {
  let carry = 0;
  for (let i = 0; i < BYTES; i++) {
    const v = (sum[i] as number) + sign * (hash[i] as number) + carry;
    sum[i] = v & 0xff;
    carry = v >> 8;
  }
  return sum;
}

/** The sum of hashes packed 32 bytes each (as a block's keys keep them). */
export function sumOfPacked(packed: Uint8Array): RowSum {
  const sum = emptySum();
  for (let at = 0; at + BYTES <= packed.length; at += BYTES) addHash(sum, packed.subarray(at, at + BYTES));
  return sum;
}

/** The sum of hashes given as hex (as the trail records them). */
export function sumOfHex(hashes: Iterable<string>): RowSum {
  const sum = emptySum();
  for (const h of hashes) addHash(sum, hexToBytes(h));
  return sum;
}

export function sameSum(a: RowSum, b: RowSum): boolean {
  if (a.length !== BYTES || b.length !== BYTES) return false;
  for (let i = 0; i < BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The sum each entry of a trail leaves: of the hash each row key was last recorded with, up to and including that
 * entry. The last one is what the case should hold now.
 */
export function trailSums(trail: readonly Pick<AuditEntry, 'rows'>[]): RowSum[] {
  const latest = new Map<string, string>();
  const sum = emptySum();
  return trail.map(({ rows }) => {
    for (const [key, hash] of Object.entries(rows ?? {})) {
      const before = latest.get(key);
      if (before === hash) continue;
      if (before !== undefined) addHash(sum, hexToBytes(before), -1);
      addHash(sum, hexToBytes(hash));
      latest.set(key, hash);
    }
    return sum.slice();
  });
}
