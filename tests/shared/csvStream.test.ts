import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../scripts/demo/csvWriter.js';
import { strayQuoteExport } from '../../scripts/demo/strayQuote.js';
import { MAX_CELL_CHARS, readCsv } from '../../shared/import/csv.js';
import { detectEncoding, STREAM_CHUNK, streamCsv } from '../../shared/import/csvStream.js';
import { decodeText } from '../../shared/import/decode.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import { demoBytes, sha256 } from '../helpers/demoFiles.js';
import { encodeWindows1252 } from '../helpers/windows1252.js';

const reader = (bytes: Uint8Array) => (start: number, end: number) => bytes.subarray(start, end);

function streamed(bytes: Uint8Array, chunk: number) {
  const { encoding, hadBom } = detectEncoding(reader(bytes), bytes.length, chunk);
  const stream = streamCsv(reader(bytes), bytes.length, encoding, hadBom, chunk);
  const chunks = [...stream.chunks];
  return { header: stream.header, rows: chunks.flatMap((c) => c.rows), problems: chunks.flatMap((c) => c.problems), encoding };
}

const CONTACTS_HEADER = 'crn,contact_id,contact_date,contact_start_time,type_code,type_description,staff_code,staff_name,team_code,notes,created_datetime';

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

describe('a quote that never closes', () => {
  const unclosed = "a quote opened in column 'notes' on line 1,204 is not closed within 100,000 characters (the longest cell Foresight accepts), so the rest of the file was not read";

  it('stops an 8.7 MB export at the stray quote, keeping every record before it and naming line and column', () => {
    const bytes = strayQuoteExport();
    expect(bytes.length).toBeGreaterThan(8_500_000);
    for (const s of [streamed(bytes, STREAM_CHUNK), { ...readCsv(decodeText(bytes).text), encoding: 'utf-8' }]) {
      expect(s.rows.map((r) => r.line)).toEqual(Array.from({ length: 1202 }, (_, i) => i + 2));
      expect(Math.max(...s.rows.flatMap((r) => r.cells.map((c) => c.length)))).toBeLessThan(200);
      expect(s.problems).toEqual([{ line: 1204, column: 'notes', message: unclosed }]);
    }
  });

  it('blocks the file in the check, with every row before the quote read and accepted', () => {
    const bytes = strayQuoteExport();
    const r = readCsvImportFile({ fileName: 'contacts.csv', bytes, sha256: sha256(bytes) });
    expect(r).toMatchObject({ rows: 1202, accepted: 1202, errors: [{ row: 1204, column: 'notes', message: `malformed CSV: ${unclosed}` }] });
  });

  it('at the end of a short file is named too', () => {
    const text = `${CONTACTS_HEADER}\nX1,1,2022-05-16,09:00,COAP,,N07P214,,,"Attended, on time,2022-05-16 17:00:00\nX1,2,2022-05-16,09:00,COAP,,N07P214,,,fine,2022-05-16 17:00:00\n`;
    for (const s of [streamed(new TextEncoder().encode(text), 16), readCsv(text)]) {
      expect(s.rows).toEqual([]);
      expect(s.problems).toEqual([{ line: 2, column: 'notes', message: "a quote opened in column 'notes' on line 2 is never closed" }]);
    }
  });

  it('does not stop a real note: thousands of characters over many lines, or a cell of exactly the longest length', () => {
    const long = Array.from({ length: 80 }, (_, i) => `Line ${i}: discussed "the plan", housing, work.`).join('\n');
    const longest = 'a'.repeat(MAX_CELL_CHARS - 2) + '""';
    const text = `a,notes\n1,"${long.replace(/"/g, '""')}"\n2,"${longest}"\n3,x\n`;
    for (const s of [streamed(new TextEncoder().encode(text), 1000), readCsv(text)]) {
      expect(s.problems).toEqual([]);
      expect(s.rows.map((r) => [r.line, r.cells[1]?.length])).toEqual([[2, long.length], [82, MAX_CELL_CHARS - 1], [83, 1]]);
    }
  });

  it('property: any text, quotes anywhere (mid-field, stray, doubled), reads the same in chunks as whole', () => {
    // One kind of line ending a file, as Excel and nDelius write them.
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', 'ë', '😀'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.boolean(), fc.integer({ min: 1, max: 32 }), (lf, crlf, chunk) => {
        const csv = crlf ? lf.replace(/\n/g, '\r\n') : lf;
        const s = streamed(new TextEncoder().encode(csv), chunk);
        const whole = readCsv(csv);
        expect({ header: s.header, rows: s.rows, problems: s.problems }).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });
});
