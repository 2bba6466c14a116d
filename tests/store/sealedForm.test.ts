import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHidden, encodeHidden, joinRows, splitRows } from '../../renderer/src/store/sealedForm.js';

const spec = { id: true, occurred: true, provenance: ['sha256', 'row'] } as const;

describe('the sealed form of a stored value', () => {
  it('splits rows into clear structured fields and sealed ones, and joins them back exactly', () => {
    const rows = [
      { id: 'a', occurred: { value: '2022-01-01', precision: 'day' }, notes: 'Café “x” 😀', provenance: { fileName: 'Smith contacts.csv', sha256: 'f'.repeat(64), row: 2 } },
      { id: 'b', reachedProbation: null, provenance: { sha256: 'e'.repeat(64), row: 3 } },
      { id: 'c', crn: 'X123456', occurred: 'not an object', provenance: null },
    ];
    const { clear, sealed } = splitRows(rows, spec);
    expect(clear).toEqual([
      { id: 'a', occurred: { value: '2022-01-01', precision: 'day' }, provenance: { sha256: 'f'.repeat(64), row: 2 } },
      { id: 'b', provenance: { sha256: 'e'.repeat(64), row: 3 } },
      { id: 'c', occurred: 'not an object' },
    ]);
    expect(JSON.stringify(clear)).not.toMatch(/Smith|Café|X123456/);
    const opened = decodeHidden(encodeHidden({ rows: sealed })).rows as typeof sealed;
    expect(joinRows(structuredClone(clear), opened)).toEqual(rows);
  });

  it('keeps any value it is given: text in any script, bytes, and large values that it compresses', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()), fc.uint8Array({ maxLength: 200 }), (value, bytes) => {
        const hidden = { value, bytes, big: 'Ω'.repeat(5000) };
        // As JSON keeps it (-0 becomes 0), with the bytes exactly.
        expect(decodeHidden(encodeHidden(hidden))).toEqual({ ...JSON.parse(JSON.stringify({ value, big: hidden.big })), bytes });
      }),
      { numRuns: 100 },
    );
  });

  it('writes the sealed text as ASCII, which Chromium decodes several times faster than UTF-8', () => {
    const framed = encodeHidden({ note: 'naïve — “quoted”' });
    expect([...framed.subarray(9)].every((b) => b < 0x80)).toBe(true);
    expect(decodeHidden(framed)).toEqual({ note: 'naïve — “quoted”' });
  });
});
