import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { countRecords, createCase, deleteCase, listCases, renameCase, storeCaseBundle } from '../../renderer/src/store/cases.js';
import { countRows } from '../../renderer/src/store/blocks.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import type { ContactRecord } from '../../shared/schemas/index.js';
import { appendAudit, trailTables } from '../../renderer/src/store/audit.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { caseVersion } from '../../renderer/src/store/caseData.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';
import { chronologyOf, freshDb } from './helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

const demoFetch = async (name: string) => demoBytes(name);

async function tableCounts(db: ForesightDb) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('the demo case in the store', () => {
  it('imports the demo files into one case whose chronology holds every generated record, in time order', async () => {
    ({ db } = freshDb());
    const demo = await loadDemoCase(db, demoFetch);
    const records = await chronologyOf(db, demo.id);
    expect(records).toHaveLength(demoManifest.caseContacts + demoManifest.information);
    const times = records.map((r) => r.occurredAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(await countRows(db, demo.id, 'otherWork')).toBe(demoManifest.otherContacts);
    expect(await countRows(db, demo.id, 'workload')).toBe(demoManifest.workloadSnapshots);
    expect(await countRows(db, demo.id, 'teams')).toBe(demoManifest.teamSnapshots);
    expect(await db.allocations.count()).toBe(demoManifest.allocations);
    expect(records[0]?.provenance).toMatchObject({ fileName: expect.stringMatching(/\.csv$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('orders records that happened at the same moment by id, the same way on every read', async () => {
    ({ db } = freshDb());
    const at = { value: '2023-03-01', precision: 'day' as const };
    const record = (id: string) => ({ kind: 'contact', id, crn: 'X123456', occurred: at, recorded: at, typeCode: 'COAP', typeDescription: '', outcomeCode: null, outcomeDescription: null, staffCode: null, staffName: null, teamCode: null, notes: '', provenance: null });
    await storeCaseBundle(db, { ...emptyBundle('same-day'), records: [record('contact:9'), record('contact:10'), record('contact:1')] as never }, { kind: 'import', what: 'test' });
    expect((await chronologyOf(db, 'same-day')).map((r) => r.id)).toEqual(['contact:1', 'contact:10', 'contact:9']);
  });

  it('changes nothing when the same case is stored again', async () => {
    ({ db } = freshDb());
    await loadDemoCase(db, demoFetch);
    const before = await tableCounts(db);
    await loadDemoCase(db, demoFetch);
    expect(await tableCounts(db)).toEqual(before);
  });
});

const emptyCase = (id: string, crn = 'X123456') => ({
  id, crn, title: `Case ${id}`, subject: '', offenceAt: { value: '2023-01-01', precision: 'day' as const }, synthetic: false, createdAt: '2026-11-23T00:00:00Z',
});

const emptyBundle = (id: string): CaseBundle => ({
  schemaVersion: 2, case: emptyCase(id), staff: [], allocations: [], records: [], otherWork: [], workload: [], teams: [], sources: [], audit: [],
});

describe('creating, renaming and deleting cases', () => {
  it('lists created cases and renames them', async () => {
    ({ db } = freshDb());
    await createCase(db, emptyCase('a', 'X000002'));
    await createCase(db, emptyCase('b', 'X000001'));
    await renameCase(db, 'a', 'Renamed');
    expect((await listCases(db)).map((c) => [c.crn, c.title])).toEqual([['X000001', 'Case b'], ['X000002', 'Renamed']]);
  });

  it('refuses to rename a case that no longer exists', async () => {
    ({ db } = freshDb());
    await expect(renameCase(db, 'gone', 'x')).rejects.toThrow(/no longer exists/);
  });

  it('deletes a case with everything stored for it, and leaves other cases alone', async () => {
    ({ db } = freshDb());
    const demo = await loadDemoCase(db, demoFetch);
    await createCase(db, emptyCase('other'));
    await deleteCase(db, demo.id);
    expect(await tableCounts(db)).toMatchObject({ cases: 1, blocks: 0, blockKeys: 0, allocations: 0, staff: 0, sources: 0 });
    expect(await countRecords(db, 'other')).toBe(0);
  });
});

describe('all-or-nothing storage', () => {
  it('stores nothing of a case when any part of it fails to write', async () => {
    ({ db } = freshDb());
    // A snapshot holding a function cannot be stored (IndexedDB cannot clone it): the write fails part-way through.
    const bundle: CaseBundle = { ...emptyBundle('broken'), workload: [{ capacityPct: 100, staffCode: 'N07P001', snapshotDate: '2023-01-01', note: () => 0 } as never] };
    const demoRecords = (await import('../../shared/import/readFile.js')).readCsvImportFile({ fileName: 'contacts.csv', bytes: demoBytes('contacts.csv'), sha256: 'a'.repeat(64) });
    bundle.records = demoRecords.kind === 'contacts' ? demoRecords.items.filter((c) => c.crn === demoManifest.crn) : [];
    await expect(storeCaseBundle(db, bundle, { kind: 'import', what: 'test' })).rejects.toThrow();
    expect(await tableCounts(db)).toMatchObject({ cases: 0, blocks: 0, blockKeys: 0 });
  });
});

describe("a case's version, which tells the chronology to read it again", () => {
  it('changes whenever what the case holds changes, a restore with the same number of rows included, and not when only the trail grows', async () => {
    ({ db } = freshDb());
    const demo = await loadDemoCase(db, demoFetch);
    const before = await caseBundleOf(db, demo.id);
    if (!before) throw new Error('no case');
    const first = await caseVersion(db, demo.id);
    const notes = { ...(before.records[0] as ContactRecord), notes: 'Corrected notes' };
    await storeCaseBundle(db, { ...before, records: [notes, ...before.records.slice(1)] }, { kind: 'edit', what: 'Notes corrected', who: 'Test' });
    const corrected = await caseVersion(db, demo.id);
    expect(corrected).not.toBe(first);
    await db.transaction('rw', trailTables(db), () => appendAudit(db, demo.id, { at: new Date().toISOString(), who: 'Test', kind: 'export', what: 'Exported' }));
    expect(await caseVersion(db, demo.id)).toBe(corrected);
    await storeCaseBundle(db, before, { kind: 'restore', what: 'Restored', who: 'Test' });
    expect(await caseVersion(db, demo.id)).toBe(first);
  });
});
