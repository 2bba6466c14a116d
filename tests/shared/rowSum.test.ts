import fc from 'fast-check';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { addHash, emptySum, sameSum, sumOfHex, sumOfPacked, trailSums } from '../../shared/audit/rowSum.js';

const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('row sums', () => {
  it('add up the same in any order, and taking a hash away undoes adding it', () => {
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 20 }), hash, (hashes, extra) => {
        const forwards = hashes.reduce((sum, h) => addHash(sum, h), emptySum());
        const backwards = [...hashes].reverse().reduce((sum, h) => addHash(sum, h), emptySum());
        expect(sameSum(forwards, backwards)).toBe(true);
        expect(sameSum(addHash(addHash(forwards.slice(), extra), extra, -1), forwards)).toBe(true);
        const packed = new Uint8Array(hashes.length * 32);
        hashes.forEach((h, i) => packed.set(h, i * 32));
        expect(sameSum(sumOfPacked(packed), forwards)).toBe(true);
      }),
    );
  });

  it('carries across every byte, wrapping at 2^256', () => {
    const max = new Uint8Array(32).fill(0xff);
    const one = new Uint8Array(32);
    one[0] = 1;
    expect(sameSum(addHash(max.slice(), one), emptySum())).toBe(true);
    expect(sameSum(addHash(emptySum(), one, -1), max)).toBe(true);
  });

  it('differ when one hash differs', () => {
    fc.assert(
      fc.property(fc.array(hash, { minLength: 1, maxLength: 10 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (hashes, at, flip) => {
        const changed = hashes.map((h) => h.slice());
        const target = changed[at % changed.length] as Uint8Array;
        target[at % 32] = (target[at % 32] as number) ^ flip;
        expect(sameSum(sumOfHex(hashes.map(bytesToHex)), sumOfHex(changed.map(bytesToHex)))).toBe(false);
      }),
    );
  });

  it('give each trail entry the sum of the hash each row was last recorded with', () => {
    const h = (n: number) => n.toString(16).padStart(64, '0');
    const trail: { rows?: Record<string, string> }[] = [{ rows: { a: h(1), b: h(2) } }, {}, { rows: { b: h(5), c: h(7) } }, { rows: { a: h(1) } }];
    expect(trailSums(trail)).toEqual([sumOfHex([h(1), h(2)]), sumOfHex([h(1), h(2)]), sumOfHex([h(1), h(5), h(7)]), sumOfHex([h(1), h(5), h(7)])]);
  });
});
