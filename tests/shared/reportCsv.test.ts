import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CaseIndex } from '../../shared/engine/caseIndex.js';
import { CSV_HEADER } from '../../shared/report/chronology.js';
import { chronologyCsv, chronologyCsvSteps } from '../../shared/report/csv.js';
import { redactionPlan, redactText } from '../../shared/report/redaction.js';
import type { CaseRecord } from '../../shared/schemas/record.js';
import { demoWithReview } from '../helpers/demoReview.js';

const demo = demoWithReview();
const { bundle, index, review } = demo;

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** The demo case with some records' notes changed. */
function withNotes(notes: Record<string, string>): CaseIndex {
  const records = bundle.records.map((r): CaseRecord => (r.id in notes ? { ...r, notes: notes[r.id] } : r));
  return new CaseIndex({ ...bundle, records });
}

describe('the chronology as CSV, safe to open in a spreadsheet', () => {
  it('starts with a byte-order mark and the tabular timeline’s header, ends its lines CRLF, and has one row per record in chronology order', () => {
    const csv = chronologyCsv(index, review);
    expect(csv.startsWith('\uFEFFRecord,When,When recorded or shared,Agency,What happened,Officer or agency,Summary,Notes,Key event,What should have happened,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).not.toMatch(/\n/);
    const rows = parse(csv);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(index.records.map((r) => r.id));
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    // The review's notes are in the row of the record they are on.
    const noted = rows.find((r) => r[0] === 'info:HO-01')!;
    expect(noted[CSV_HEADER.indexOf('Key event')]).toBe('Yes');
    expect(noted[CSV_HEADER.indexOf('Data gaps')]).toBe('No record of when it was read.');
    expect(noted[CSV_HEADER.indexOf('Contributory factors')]).toBe('F2: Police call-outs not shared with probation');
  });

  it('a note a spreadsheet would read as a formula is neutralised; commas, quotes and line breaks are quoted and read back whole', () => {
    const notes = {
      'contact:2600000001': '=SUM(A1:A9)',
      'contact:2600000002': '+44 7700 900123',
      'contact:2600000003': '@cmd|calc',
      'contact:2600000004': '  -1+1',
      'contact:2600000005': 'He said "no", then left.\nNext day, rang back.',
    };
    const csv = chronologyCsv(withNotes(notes), review);
    const rows = parse(csv);
    const note = (id: string) => rows.find((r) => r[0] === id)![CSV_HEADER.indexOf('Notes')];
    expect(note('contact:2600000001')).toBe("'=SUM(A1:A9)");
    expect(note('contact:2600000002')).toBe("'+44 7700 900123");
    expect(note('contact:2600000003')).toBe("'@cmd|calc");
    expect(note('contact:2600000004')).toBe("'  -1+1");
    expect(note('contact:2600000005')).toBe('He said "no", then left.\nNext day, rang back.');
    expect(csv).toContain('"He said ""no"", then left.\nNext day, rang back."');
    // No cell anywhere starts a formula.
    expect(rows.flat().filter((cell) => /^\s*[=+\-@]/.test(cell))).toEqual([]);
  });

  it('the redacted copy’s CSV has no staff name, code or third party in it, and the roles in their place', () => {
    const plan = redactionPlan(bundle, review);
    const plain = chronologyCsv(index, review);
    expect(plain).toMatch(/James Whitfield|Kowalska/);
    const csv = chronologyCsv(index, review, (s) => redactText(s, plan));
    expect(csv).not.toMatch(/Whitfield|Okafor|Priya|\bLal\b|Kowalska|Zoë|N07P\d/i);
    const rows = parse(csv);
    expect(rows).toHaveLength(index.records.length + 1);
    const officer = rows.find((r) => r[0] === 'contact:2600000001')![CSV_HEADER.indexOf('Officer or agency')];
    expect(officer).toBe('The first supervising officer (PO)');
    expect(csv).toContain('a partner or former partner');
  });

  it('reports progress every 5,000 rows, up to every record, and with no review still writes every record', () => {
    const copies = Array.from({ length: Math.ceil(12_000 / bundle.records.length) }, (_, i) => i);
    const records = copies.flatMap((copy) => bundle.records.map((r): CaseRecord => ({ ...r, id: `${r.id}-${copy}` })));
    const big = new CaseIndex({ ...bundle, records });
    const steps = chronologyCsvSteps(big, null);
    const seen: { done: number; total: number }[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) seen.push(next.value);
    const csv = next.value;
    const total = records.length;
    expect(total).toBeGreaterThan(10_000);
    expect(seen).toEqual([...Array.from({ length: Math.ceil(total / 5000) }, (_, i) => ({ done: i * 5000, total })), { done: total, total }]);
    const rows = parse(csv);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).every((r) => r[CSV_HEADER.indexOf('Key event')] === '')).toBe(true);
  });
});
