import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../scripts/demo/csvWriter.js';
import { safeCsvCell } from '../../shared/domain/csvExport.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { MAX_CELL_CHARS, readCsv } from '../../shared/import/csv.js';
import { decodeText } from '../../shared/import/decode.js';
import { readCsvImportFile, readImportFile } from '../../shared/import/readFile.js';
import { readText, sha256 } from '../helpers/demoFiles.js';

const require = createRequire(import.meta.url);
const spectrum = join(require.resolve('csv-spectrum/package.json'), '..');
const HEADER = 'crn,contact_id,contact_date,contact_start_time,type_code,staff_code,notes\n';

// csv-spectrum 2.0.0's expected JSON for location_coordinates gives a phone number its CSV does not contain.
const ERRATA: Record<string, Record<string, string>> = { location_coordinates: { 'Contact Phone Number': '2095257564' } };

describe('csv-spectrum: the CSV reader agrees with every case', () => {
  for (const name of readdirSync(join(spectrum, 'csvs')).map((f) => f.replace('.csv', ''))) {
    it(name, () => {
      const table = readCsv(decodeText(readFileSync(join(spectrum, 'csvs', `${name}.csv`))).text);
      const json = JSON.parse(readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8')) as Record<string, string>[] | Record<string, string>;
      // One of the package's files holds its single row as an object rather than a one-row array.
      const expected = (Array.isArray(json) ? json : [json]).map((row) => ({ ...row, ...ERRATA[name] }));
      const objects = table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? ''])));
      expect(objects).toEqual(expected);
    });
  }
});

describe('every class of bad input gets a reported error, never a crash', () => {
  it.each([
    ['impossible date', '31/02/2022', 'not a real date'],
    ['US date', '02/31/2022', 'not a real date (dates are read as DD/MM/YYYY)'],
    ['not a date', 'yesterday', 'not a date (expected YYYY-MM-DD or DD/MM/YYYY)'],
    ['month 13', '2022-13-01', 'not a real date'],
  ])('%s', (_, value, message) => {
    const r = readText('d.csv', `${HEADER}X123456,1,${value},,COAP,N07P012,\n`);
    expect(r.errors).toEqual([{ row: 2, column: 'contact_date', value, message }]);
  });

  it('a UTF-16 file (the wrong encoding) is named as such', () => {
    const text = HEADER + 'X123456,1,2022-01-01,,COAP,N07P012,x\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readCsvImportFile({ fileName: 'u.csv', bytes, sha256: sha256(bytes) }).errors[0]?.message).toMatch(/UTF-16/);
  });

  it('a header-only file has no rows and no errors', () => {
    expect(readText('h.csv', HEADER)).toMatchObject({ rows: 0, accepted: 0, errors: [] });
  });

  it('keeps cells beginning with =, +, - or @ as plain text, and never lets them start a formula on export', () => {
    const r = readText('f.csv', `${HEADER}X123456,1,2022-01-01,,COAP,N07P012,=HYPERLINK("http://x")\nX123456,2,2022-01-01,,COAP,N07P012,+44 7700\nX123456,3,2022-01-01,,COAP,N07P012,-1\nX123456,4,2022-01-01,,COAP,N07P012,@SUM(A1)\n`);
    expect(r.items.map((c) => 'notes' in c && c.notes)).toEqual(['=HYPERLINK("http://x")', '+44 7700', '-1', '@SUM(A1)']);
    expect(['=1+1', '+1', '-1', '@A1', '\tx'].map(safeCsvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx"]);
  });

  it('neutralises a formula behind leading spaces, and the full-width signs a spreadsheet also reads as one', () => {
    expect(['  =1+1', ' +1', '\u3000-1', '＝SUM(A1)', '＋1', '－1', '＠A1', '\rx'].map(safeCsvCell)).toEqual(["'  =1+1", "' +1", "'\u3000-1", "'＝SUM(A1)", "'＋1", "'－1", "'＠A1", '"\'\rx"']);
    expect(['Seen at 10:00', 'A-1', ' plain'].map(safeCsvCell)).toEqual(['Seen at 10:00', 'A-1', ' plain']);
  });

  it('reads a 50 MB file, reporting rows by their lines', { timeout: 60_000 }, () => {
    const notes = 'Discussed "progress", housing, work; next steps agreed.\nFollow-up by phone. '.repeat(3);
    const rows = Array.from({ length: 190_000 }, (_, i) => ({
      crn: 'X123456', contact_id: i + 1, contact_date: '2023-01-02', contact_start_time: '10:00', type_code: 'COAP', staff_code: 'N07P012', notes,
    }));
    const bytes = new TextEncoder().encode(toCsv(['crn', 'contact_id', 'contact_date', 'contact_start_time', 'type_code', 'staff_code', 'notes'], rows));
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = readCsvImportFile({ fileName: 'big.csv', bytes, sha256: sha256(bytes) });
    expect(r).toMatchObject({ rows: 190_000, accepted: 190_000, errors: [] });
    // Each record's notes span 4 lines, so record n (1-based) starts on line 2 + 4(n - 1).
    expect(r.items[189_999]?.provenance?.row).toBe(2 + 4 * 189_999);
  });
});

const csvText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', '“', 'ë', '中', '=', '\t', '0', '/') , maxLength: 40 });

describe('property: accepted rows round-trip into the bundle unchanged', () => {
  it('any valid contact row comes out of the bundle as it went in', () => {
    const row = fc.record({
      id: fc.integer({ min: 1, max: 9_999_999_999 }).map(String),
      date: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`), { nil: undefined }),
      staff: fc.stringMatching(/^[A-Z0-9]{7}$/),
      notes: csvText.filter((s) => s.trim() === s && s !== ''),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, minLength: 1, maxLength: 20 }), (rows) => {
        const csv = toCsv(['crn', 'contact_id', 'contact_date', 'contact_start_time', 'type_code', 'staff_code', 'notes'],
          rows.map((r) => ({ crn: 'X123456', contact_id: r.id, contact_date: r.date, contact_start_time: r.time, type_code: 'COAP', staff_code: r.staff, notes: r.notes })));
        const result = readText('p.csv', csv);
        expect(result.errors).toEqual([]);
        const bundle = buildCaseBundle({ id: 'c', crn: 'X123456', title: 't', subject: '', offenceAt: { value: '2031-01-01', precision: 'day' }, synthetic: false, createdAt: '' }, [{ result, sha256: 'a'.repeat(64) }]);
        rows.forEach((r) => {
          const stored = bundle.records.find((x) => x.id === `contact:${r.id}`);
          // By the line the row starts on: a note with a line break makes the rows after it start a line later.
          const skipped = result.warnings.some((w) => w.row === stored?.provenance.row && w.column === 'contact_start_time');
          expect(stored).toMatchObject({ staffCode: r.staff, notes: r.notes, occurred: r.time ? { precision: 'exact' } : { value: r.date, precision: 'day' } });
          // A time in the hour the clocks skip is read an hour on, with a warning; every other time as written.
          if (r.time && !skipped) expect(stored?.occurred.value.slice(0, 16)).toBe(`${r.date}T${r.time}`);
          else if (r.time) expect(Date.parse(stored?.occurred.value ?? '') % 3_600_000).toBe(Number(r.time.slice(3)) * 60_000);
          else expect(stored?.occurred.value).toBe(r.date);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: no input makes the reader throw', () => {
  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const r = readCsvImportFile({ fileName: 'x.csv', bytes, sha256: 'a'.repeat(64) });
      expect(Array.isArray(r.errors)).toBe(true);
    }), { numRuns: 400 });
  });

  it('CSV-like text under every kind of header', () => {
    const headers = ['crn,contact_id,contact_date,type_code,staff_code', 'snapshot_date,staff_code,capacity_pct', 'snapshot_date,team_code,staffing_pct', 'info_id,crn,occurred,source_agency,summary,precision,known_to_staff_code,known_from', 'crn,staff_code,from,to,cover'];
    fc.assert(fc.property(fc.constantFrom(...headers), fc.array(fc.array(csvText, { maxLength: 8 }), { maxLength: 6 }), (header, rows) => {
      const r = readText('x.csv', [header, ...rows.map((c) => c.join(','))].join('\n'));
      expect(r.accepted).toBeLessThanOrEqual(r.rows);
    }), { numRuns: 300 });
  });

  it('bytes that claim to be a workbook', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (tail) => {
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
      const r = await readImportFile({ fileName: 'x.xlsx', bytes, sha256: 'a'.repeat(64) });
      expect(r.errors.length).toBeGreaterThan(0);
    }), { numRuns: 150 });
  });
});

describe('hostile files: bounded time and memory', () => {
  const timed = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };

  it('refuses a cell longer than the limit, naming its row and column, and stores nothing from the file', () => {
    const r = readText('contacts.csv', `crn,contact_id,contact_date,type_code,staff_code,notes\nX123456,1,2023-01-02,COAP,N07P001,${'a'.repeat(MAX_CELL_CHARS + 1)}\n`);
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: 'notes', message: expect.stringMatching(/100,001 characters long; Foresight accepts up to 100,000/) })]);
  });

  it('reads pathological text quickly: an unterminated quote, a million separators, a header of 50,000 columns', () => {
    const cases = [
      `crn,contact_id,contact_date,type_code,staff_code,notes\nX123456,1,2023-01-02,COAP,N07P001,"${'x'.repeat(2_000_000)}`,
      `crn,contact_id,contact_date,type_code,staff_code\n${','.repeat(1_000_000)}`,
      `${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(50_000)}`,
      `${'"'.repeat(1_000_000)}`,
    ];
    for (const text of cases) expect(timed(() => readText('x.csv', text))).toBeLessThan(5_000);
  });

  it('any short input is read or refused within a time bound per file, whatever its bytes or headers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(`crn,contact_id,__proto__,constructor\n${s}`))), (bytes) => {
        const ms = timed(() => readCsvImportFile({ fileName: 'x.csv', bytes, sha256: 'a'.repeat(64) }));
        expect(ms).toBeLessThan(1_000);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
