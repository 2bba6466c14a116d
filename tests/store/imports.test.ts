import { afterEach, describe, expect, it } from 'vitest';
import type { ChangedRow, PlannedRow, RowsByTable } from '../../shared/import/plan.js';
import type { ContactRecord } from '../../shared/schemas/index.js';
import { readEntries, readTrail } from '../../renderer/src/store/audit.js';
import { createCase, editCaseDetails } from '../../renderer/src/store/cases.js';
import { trailSums } from '../../shared/audit/rowSum.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import { existingKeys, storedRows, storeImport } from '../../renderer/src/store/imports.js';
import { authorOf, chronologyOf, freshDbAs, readRows } from './helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

const contact = (n: number, notes = 'seen') =>
  ({ kind: 'contact', id: `contact:${n}`, contactId: String(n), crn: 'X123456', occurred: { value: `2023-01-${String(n).padStart(2, '0')}`, precision: 'day' }, recorded: { value: `2023-01-${String(n).padStart(2, '0')}`, precision: 'day' }, staffCode: 'N07P001', notes }) as unknown as ContactRecord;
const row = (n: number, notes?: string): PlannedRow => ({ table: 'records', key: `contact:${n}`, item: contact(n, notes) });
const theCase = { id: 'c1', crn: 'X123456', title: 'c', subject: '', offenceAt: { value: '2023-06-01', precision: 'day' }, synthetic: false, createdAt: '2026-11-23T00:00:00Z' } as const;
const extras = { acceptedChanges: [] as ChangedRow[], existing: new Map(), sources: [], staff: [], audit: { author: authorOf('Test Reviewer'), at: new Date('2026-11-23T10:00:00Z'), what: (n: RowsByTable) => `${n.records ?? 0} rows` } };

async function importRows(chunks: PlannedRow[][], more: Partial<typeof extras> = {}) {
  return storeImport(db, 'c1', async (put) => {
    for (const chunk of chunks) await put(chunk);
  }, { ...extras, ...more });
}

describe('storing an import', () => {
  it('adds each chunk as a block and finds every stored row again by its key', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    expect(await importRows([[row(3), row(1)], [row(2)]])).toEqual({ records: 3 });
    const where = await existingKeys(db, 'c1', 'records');
    expect([...where.entries()].sort()).toEqual([['contact:1', 0], ['contact:2', 1], ['contact:3', 0]]);
    const stored = await storedRows(db, 'c1', 'records', ['contact:2', 'contact:9'], where);
    expect([...stored.keys()]).toEqual(['contact:2']);
    expect((await chronologyOf(db, 'c1')).map((r) => r.id)).toEqual(['contact:1', 'contact:2', 'contact:3']);
  });

  it('replaces an accepted changed row in place, leaving its neighbours and the row count as they were', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    await importRows([[row(1), row(2)]]);
    const existing = new Map([['records', await existingKeys(db, 'c1', 'records')]]);
    const change: ChangedRow = { table: 'records', key: 'contact:2', before: contact(2), after: contact(2, 'corrected') };
    await importRows([[row(4)]], { acceptedChanges: [change], existing });
    const rows = await readRows<ContactRecord>(db, 'c1', 'records');
    expect(rows.map((r) => [r.id, r.notes])).toEqual([['contact:1', 'seen'], ['contact:2', 'corrected'], ['contact:4', 'seen']]);
  });

  it('keeps the case adding up to its trail through new rows, replaced rows and a corrected case name', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    await importRows([[row(1), row(2)], [row(3)]]);
    const existing = new Map([['records', await existingKeys(db, 'c1', 'records')]]);
    const change: ChangedRow = { table: 'records', key: 'contact:3', before: contact(3), after: contact(3, 'corrected') };
    await importRows([[row(4)]], { acceptedChanges: [change], existing });
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Renamed' });
    const intact = { ok: true, entries: 4, rows: 5 };
    expect(await checkTrail(db, 'c1', 'quick')).toEqual(intact);
    expect(await checkTrail(db, 'c1', 'full')).toEqual(intact);
    // The sum each entry kept as it was added is the one its trail gives, replayed from the start.
    const sums = trailSums(await readTrail(db, 'c1'));
    expect((await readEntries(db, 'c1')).map((e) => e.rowSum)).toEqual(sums);
  });

  it('stores nothing when a write fails part-way through', async () => {
    ({ db } = await freshDbAs());
    await importRows([[row(1)]]);
    const bad: PlannedRow = { table: 'records', key: 'contact:5', item: { ...contact(5), notes: () => 0 } as never };
    await expect(importRows([[row(2)], [bad]])).rejects.toThrow();
    expect((await readRows<ContactRecord>(db, 'c1', 'records')).map((r) => r.id)).toEqual(['contact:1']);
  });
});
