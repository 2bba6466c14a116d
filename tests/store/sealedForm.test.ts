import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHidden, encodeHidden, joinRows, splitRows } from '../../renderer/src/store/sealedForm.js';

const spec = { id: true, occurred: true, provenance: ['sha256', 'row'] } as const;

describe('the sealed form of a stored value', () => {
  it('splits rows into clear columns of structured fields and sealed fields, and joins them back exactly', () => {
    const rows = [
      { id: 'a', occurred: { value: '2022-01-01', precision: 'day' }, notes: 'Café “x” 😀', provenance: { fileName: 'Smith contacts.csv', sha256: 'f'.repeat(64), row: 2 } },
      { id: 'b', reachedProbation: null, provenance: { sha256: 'e'.repeat(64), row: 3 } },
      { id: 'c', crn: 'X123456', occurred: 'not an object', provenance: null },
    ];
    const { clear, sealed } = splitRows(rows, spec);
    expect(clear.rows).toBe(3);
    expect(Object.keys(clear.columns)).toEqual(['id', 'occurred', 'provenance.sha256', 'provenance.row']);
    expect(JSON.stringify(clear)).not.toMatch(/Smith|Café|X123456/);
    const opened = decodeHidden(encodeHidden({ rows: sealed })).rows as typeof sealed;
    expect(joinRows(structuredClone(clear), opened, spec)).toEqual(rows);
  });

  it('keeps a column of many distinct values as a list, and one of few as its values and a character per row', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: `contact:${i}`, provenance: { sha256: i < 50 ? 'a'.repeat(64) : 'b'.repeat(64), row: i } }));
    const { clear } = splitRows(rows, spec);
    expect(clear.columns.id).toEqual(rows.map((r) => r.id));
    expect(clear.columns['provenance.sha256']).toEqual({ values: ['a'.repeat(64), 'b'.repeat(64)], at: '\u0100'.repeat(50) + '\u0101'.repeat(50) });
    expect(JSON.stringify(clear.columns['provenance.sha256']).length).toBeLessThan(400);
  });

  it('gives back any rows exactly: absent and null fields, empty and partly clear objects', () => {
    const value = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.constant({}), fc.dictionary(fc.constantFrom('sha256', 'row', 'fileName'), fc.oneof(fc.constant(null), fc.string(), fc.integer())));
    const row = fc.record({ id: value, occurred: value, provenance: value, notes: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const { clear, sealed } = splitRows(rows, spec);
        expect(joinRows(structuredClone(clear), decodeHidden(encodeHidden({ s: sealed })).s as typeof sealed, spec)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
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
