import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvImportFile, readImportFile } from '../../shared/import/readFile.js';
import { readXlsxTable } from '../../shared/import/xlsx.js';
import { checkZipSize } from '../../shared/import/zipGuard.js';
import { demoBytes, sha256 } from '../helpers/demoFiles.js';
import { makeXlsx } from '../helpers/xlsx.js';

const withoutProvenance = <T extends { provenance: unknown }>(items: T[]) => items.map(({ provenance: _, ...rest }) => rest);

describe('reading workbooks (.xlsx)', () => {
  it('gives the same records from a workbook as from the CSV it was saved from', async () => {
    for (const name of ['workload_snapshots.csv', 'information.csv', 'allocations.csv']) {
      const csvBytes = demoBytes(name);
      const rows = Papa.parse<string[]>(new TextDecoder().decode(csvBytes), { skipEmptyLines: true }).data;
      const xlsx = makeXlsx(rows);
      const fromCsv = readCsvImportFile({ fileName: name, bytes: csvBytes, sha256: sha256(csvBytes) });
      const fromXlsx = await readImportFile({ fileName: name.replace('.csv', '.xlsx'), bytes: xlsx, sha256: sha256(xlsx) });
      expect(fromXlsx.errors, name).toEqual([]);
      expect(fromXlsx.encoding).toBe('xlsx');
      expect(withoutProvenance(fromXlsx.items as { provenance: unknown }[])).toEqual(withoutProvenance(fromCsv.items as { provenance: unknown }[]));
      expect(fromXlsx.items.map((i) => (i as { provenance: { row: number } }).provenance.row)).toEqual(fromCsv.items.map((i) => (i as { provenance: { row: number } }).provenance.row));
    }
  });

  it('reads WMT date cells, whether date-formatted or raw Excel serials, as dates', async () => {
    const xlsx = makeXlsx([
      ['Workload Date', 'OM Key', 'Capacity', 'Total Cases'],
      [{ serialDate: 45170 }, 'N07P214', 112.5, 55],
      [45171, 'N07P214', 113, 56],
    ]);
    const r = await readImportFile({ fileName: 'wmt.xlsx', bytes: xlsx, sha256: sha256(xlsx) });
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('workload');
    expect(r.kind === 'workload' && r.items.map((w) => [w.snapshotDate, w.capacityPct, w.totalCases])).toEqual([
      ['2023-09-01', 112.5, 55],
      ['2023-09-02', 113, 56],
    ]);
  });

  it('reports a truncated workbook as damaged, and throws nothing', async () => {
    const xlsx = makeXlsx([['crn', 'staff_code', 'from'], ['X123456', 'N07P012', '2022-01-01']]);
    const truncated = xlsx.subarray(0, Math.floor(xlsx.length / 2));
    const r = await readImportFile({ fileName: 't.xlsx', bytes: truncated, sha256: sha256(truncated) });
    expect(r.errors).toEqual([{ row: 1, message: expect.stringMatching(/damaged/) }]);
    expect(r.items).toEqual([]);
  });

  it('refuses a zip bomb by measuring what it really decompresses to', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(checkZipSize(bomb, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 })).toMatch(/refused as unsafe/);
    expect(checkZipSize(zipSync({ a: strToU8('small') }))).toBeNull();
  });

  it('returns an empty table for a workbook with only a header', async () => {
    const r = await readXlsxTable(makeXlsx([['crn', 'staff_code', 'from']]));
    expect(r).toEqual({ ok: true, table: { header: ['crn', 'staff_code', 'from'], rows: [], problems: [] } });
  });
});
