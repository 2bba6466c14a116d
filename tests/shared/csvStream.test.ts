import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../scripts/demo/csvWriter.js';
import { readCsv } from '../../shared/import/csv.js';
import { detectEncoding, streamCsv } from '../../shared/import/csvStream.js';
import { decodeText } from '../../shared/import/decode.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { encodeWindows1252 } from '../helpers/windows1252.js';

const reader = (bytes: Uint8Array) => (start: number, end: number) => bytes.subarray(start, end);

function streamed(bytes: Uint8Array, chunk: number) {
  const { encoding, hadBom } = detectEncoding(reader(bytes), bytes.length, chunk);
  const stream = streamCsv(reader(bytes), bytes.length, encoding, hadBom, chunk);
  const rows = [...stream.chunks].flatMap((c) => c.rows);
  return { header: stream.header, rows, encoding };
}

describe('reading a CSV a chunk at a time', () => {
  it('gives exactly what reading the whole file gives, for the demo contacts at several chunk sizes', () => {
    const bytes = demoBytes('contacts.csv');
    const whole = readCsv(decodeText(bytes).text);
    for (const chunk of [1000, 4096, 65_536]) {
      const s = streamed(bytes, chunk);
      expect(s.header).toEqual(whole.header);
      expect(s.rows).toEqual(whole.rows);
    }
  });

  it('detects Windows-1252 across chunks and decodes it the same way', () => {
    const text = new TextDecoder().decode(demoBytes('contacts.csv'));
    const s = streamed(encodeWindows1252(text), 5000);
    expect(s.encoding).toBe('windows-1252');
    expect(s.rows).toEqual(readCsv(text).rows);
  });

  it('property: any file, cut into any chunk size, reads the same as whole (quotes, CRLF, multi-byte characters)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'ë', '中', '😀', ' '), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 15 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), (rows, chunk, bom) => {
        const csv = toCsv(['a', 'b'], rows.map(([a, b]) => ({ a, b })));
        const body = new TextEncoder().encode(csv);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const s = streamed(bytes, chunk);
        const whole = readCsv(csv);
        expect(s.header).toEqual(['a', 'b']);
        expect(s.rows).toEqual(whole.rows);
      }),
      { numRuns: 300 },
    );
  });
});
