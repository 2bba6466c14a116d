import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { countRecords, createCase, deleteCase, editCaseDetails, findCase, listCases, storeCaseBundle } from '../../renderer/src/store/cases.js';
import { countRows } from '../../renderer/src/store/blocks.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import type { Allocation, ContactRecord, InformationRecord } from '../../shared/schemas/index.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ROW_REMOVED, rowDigest } from '../../shared/audit/trail.js';
import type { PlannedRow } from '../../shared/import/plan.js';
import { appendAudit, readTrail, trailTables } from '../../renderer/src/store/audit.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { storeImport } from '../../renderer/src/store/imports.js';
import { newDataKey } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { createIdentity } from '../../renderer/src/store/identity.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { caseVersion } from '../../renderer/src/store/caseData.js';
import { editReview } from '../../renderer/src/store/review.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';
import { authorOf, chronologyOf, freshDbAs } from './helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

const demoFetch = async (name: string) => demoBytes(name);

async function tableCounts(db: ForesightDb) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('the demo case in the store', () => {
  it('imports the demo files into one case whose chronology holds every generated record, in time order', async () => {
    ({ db } = await freshDbAs());
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
    ({ db } = await freshDbAs());
    const at = { value: '2023-03-01', precision: 'day' as const };
    const record = (id: string) => ({ kind: 'contact', id, crn: 'X123456', occurred: at, recorded: at, typeCode: 'COAP', typeDescription: '', outcomeCode: null, outcomeDescription: null, staffCode: null, staffName: null, teamCode: null, notes: '', provenance: null });
    await storeCaseBundle(db, { ...emptyBundle('same-day'), records: [record('contact:9'), record('contact:10'), record('contact:1')] as never }, { kind: 'import', what: 'test' });
    expect((await chronologyOf(db, 'same-day')).map((r) => r.id)).toEqual(['contact:1', 'contact:10', 'contact:9']);
  });

  it('changes nothing when the same case is stored again', async () => {
    ({ db } = await freshDbAs());
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
  schemaVersion: 3, case: emptyCase(id), staff: [], allocations: [], records: [], otherWork: [], workload: [], teams: [], sources: [], audit: [],
});

describe('creating, correcting and deleting cases', () => {
  it('lists created cases and corrects their names', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, emptyCase('a', 'X000002'));
    await createCase(db, emptyCase('b', 'X000001'));
    await editCaseDetails(db, 'a', { ...emptyCase('a', 'X000002'), title: 'Renamed' });
    expect((await listCases(db)).map((c) => [c.crn, c.title])).toEqual([['X000001', 'Case b'], ['X000002', 'Renamed']]);
  });

  it('refuses to correct a case that no longer exists', async () => {
    ({ db } = await freshDbAs());
    await expect(editCaseDetails(db, 'gone', emptyCase('gone'))).rejects.toThrow(/no longer exists/);
  });

  it('deletes a case with everything stored for it, and leaves other cases alone', async () => {
    ({ db } = await freshDbAs());
    const demo = await loadDemoCase(db, demoFetch);
    await createCase(db, emptyCase('other'));
    await deleteCase(db, demo.id);
    expect(await tableCounts(db)).toMatchObject({ cases: 1, blocks: 0, blockKeys: 0, allocations: 0, staff: 0, sources: 0 });
    expect(await countRecords(db, 'other')).toBe(0);
  });
});

describe('all-or-nothing storage', () => {
  it('stores nothing of a case when any part of it fails to write', async () => {
    ({ db } = await freshDbAs());
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
    ({ db } = await freshDbAs());
    const demo = await loadDemoCase(db, demoFetch);
    const before = await caseBundleOf(db, demo.id);
    if (!before) throw new Error('no case');
    const first = await caseVersion(db, demo.id);
    const notes = { ...(before.records[0] as ContactRecord), notes: 'Corrected notes' };
    await storeCaseBundle(db, { ...before, records: [notes, ...before.records.slice(1)] }, { kind: 'edit', what: 'Notes corrected' });
    const corrected = await caseVersion(db, demo.id);
    expect(corrected).not.toBe(first);
    await db.transaction('rw', trailTables(db), () => appendAudit(db, demo.id, { at: new Date().toISOString(), kind: 'export', what: 'Exported' }, authorOf('Test')));
    expect(await caseVersion(db, demo.id)).toBe(corrected);
    await storeCaseBundle(db, before, { kind: 'restore', what: 'Restored' });
    expect(await caseVersion(db, demo.id)).toBe(first);
  });
});

describe("correcting a case's details", () => {
  const day = (value: string) => ({ value, precision: 'day' as const });
  const provenance = { fileName: 'contacts.csv', sha256: 'a'.repeat(64), row: 2 };
  const contactOf = (n: number, crn: string): ContactRecord =>
    ({ kind: 'contact', id: `contact:${n}`, contactId: String(n), crn, occurred: day(`2023-01-0${n}`), recorded: day(`2023-01-0${n}`), staffCode: 'N07P001', sourceAgency: 'Probation', summary: 'Office visit', provenance });
  const information: InformationRecord = { kind: 'information', id: 'info:1', infoId: '1', crn: 'X900417', occurred: day('2023-02-01'), reachedProbation: null, sourceAgency: 'Police', summary: 'Intelligence', provenance };
  const allocation: Allocation = { id: 'alloc:1', crn: 'X900417', staffCode: 'N07P001', from: day('2022-01-01'), to: null, cover: false };
  const details = { title: 'Case c1', crn: 'X900417', subject: 'Daniel Marsh', offenceAt: { value: '2023-11-12T02:17:00+00:00', precision: 'exact' as const } };
  const intact = (entries: number) => ({ ok: true, entries, rows: 8 });
  const bothDepths = async () => [await checkTrail(db, 'c1', 'quick'), await checkTrail(db, 'c1', 'full')];
  const ids = (rows: { id: string }[] | undefined) => rows?.map((r) => r.id);

  /** A case created under X900417, then a contacts, an information and an allocations file imported as the importer routes them. */
  async function importedCase() {
    ({ db } = await freshDbAs('Alex Reviewer'));
    await createCase(db, { ...emptyCase('c1', details.crn), ...details });
    const rows: PlannedRow[] = [
      ...[1, 2].map((n): PlannedRow => ({ table: 'records', key: `contact:${n}`, item: contactOf(n, 'X900417') })),
      ...[3, 4].map((n): PlannedRow => ({ table: 'otherWork', key: `contact:${n}`, item: contactOf(n, 'X900418') })),
      { table: 'otherWork', key: 'contact:5', item: contactOf(5, 'X111111') },
      { table: 'records', key: 'info:1', item: information },
      { table: 'allocations', key: 'alloc:1', item: allocation },
    ];
    const audit = { author: authorOf('Alex Reviewer'), at: new Date('2026-11-23T10:00:00Z'), what: () => 'imported' };
    await storeImport(db, 'c1', async (put) => put(rows), { acceptedChanges: [], existing: new Map(), sources: [], staff: [], audit });
  }

  it('records what changed in plain words, with only the changed fields before and after, and the trail checks out at both depths', async () => {
    await importedCase();
    const later = { ...details, offenceAt: { value: '2023-11-12T03:10:00+00:00', precision: 'exact' as const } };
    expect(await editCaseDetails(db, 'c1', later)).toEqual({ what: 'Case details corrected: further offence 12 Nov 2023, 02:17 → 12 Nov 2023, 03:10' });
    const trail = await readTrail(db, 'c1');
    expect(trail.at(-1)).toMatchObject({
      seq: 3,
      kind: 'edit',
      who: 'Alex Reviewer',
      before: { offenceAt: details.offenceAt },
      after: { offenceAt: later.offenceAt },
      rows: { case: rowDigest(await findCase(db, 'c1')) },
    });
    expect(Object.keys(trail.at(-1)?.before as object)).toEqual(['offenceAt']);
    expect(await bothDepths()).toEqual([intact(3), intact(3)]);

    // Saving the same details again changes nothing and records nothing.
    expect(await editCaseDetails(db, 'c1', later)).toBeNull();
    expect(await readTrail(db, 'c1')).toHaveLength(3);
  });

  it('routes the contacts again under a new CRN, keeps information and allocations, and can be undone by correcting it back', async () => {
    await importedCase();
    const before = await caseBundleOf(db, 'c1');
    const edited = await editCaseDetails(db, 'c1', { ...details, crn: 'X900418' });
    expect(edited).toEqual({
      what: 'Case details corrected: CRN X900417 → X900418; 2 contacts of X900418 moved from other work into the records, 2 contacts of X900417 moved to other work',
      rerouted: { toRecords: 2, toOtherWork: 2, otherCrn: { information: 1, allocations: 1 } },
    });
    const after = await caseBundleOf(db, 'c1');
    expect(after?.case.crn).toBe('X900418');
    expect(ids(after?.records)).toEqual(['info:1', 'contact:3', 'contact:4']);
    expect(ids(after?.otherWork)).toEqual(['contact:5', 'contact:1', 'contact:2']);
    expect(ids(after?.allocations)).toEqual(['alloc:1']);
    expect((await chronologyOf(db, 'c1')).map((r) => r.id)).toEqual(['contact:3', 'contact:4', 'info:1']);

    // One entry for the whole change: every row under its key now, and the moved contacts taken out under their old keys.
    const entry = after?.audit.at(-1);
    expect(entry).toMatchObject({ seq: 3, kind: 'edit', who: 'Alex Reviewer', before: { crn: 'X900417' }, after: { crn: 'X900418' } });
    expect(entry?.rows?.['records:contact:1']).toBe(ROW_REMOVED);
    expect(entry?.rows?.['otherWork:contact:1']).toBe(rowDigest(contactOf(1, 'X900417')));
    expect(entry?.rows?.['otherWork:contact:3']).toBe(ROW_REMOVED);
    expect(await bothDepths()).toEqual([intact(3), intact(3)]);

    await editCaseDetails(db, 'c1', details);
    const back = await caseBundleOf(db, 'c1');
    expect(ids(back?.records)).toEqual(['info:1', 'contact:1', 'contact:2']);
    expect(ids(back?.otherWork)).toEqual(['contact:5', 'contact:3', 'contact:4']);
    expect(new Set(back?.records)).toEqual(new Set(before?.records));
    expect(await bothDepths()).toEqual([intact(4), intact(4)]);
  });

  it('refuses a CRN that would move a record the review cites out of the case, changing nothing', async () => {
    await importedCase();
    await editReview(db, 'c1', { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: { id: 'N1', kind: 'problem', text: 'Seen.', evidence: ['contact:1'], factors: [], dismissed: [] } }] });
    const entries = (await readTrail(db, 'c1')).length;
    await expect(editCaseDetails(db, 'c1', { ...details, crn: 'X900418' })).rejects.toThrow(
      'The review cites a record this CRN would move out of the case (findings[0].evidence[0]: "contact:1" is not a record of this case). Take it out of the review first.',
    );
    expect((await findCase(db, 'c1'))?.crn).toBe('X900417');
    expect(await readTrail(db, 'c1')).toHaveLength(entries);
  });

  it('keeps an encrypted demo case checking out when its CRN is corrected to one of its officers’ other cases', async () => {
    const indexedDB = new IDBFactory();
    db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(newDataKey()) });
    await createIdentity(db, 'Test Reviewer');
    const demo = await loadDemoCase(db, demoFetch);
    const before = await caseBundleOf(db, demo.id);
    const other = before?.otherWork[0]?.crn as string;
    const joining = before?.otherWork.filter((c) => c.crn === other).length;
    const leaving = before?.records.filter((r) => r.kind === 'contact').length;
    const edited = await editCaseDetails(db, demo.id, { ...demo, crn: other });
    expect(edited?.rerouted).toMatchObject({ toRecords: joining, toOtherWork: leaving });
    expect(await countRows(db, demo.id, 'otherWork')).toBe(demoManifest.otherContacts - (joining as number) + (leaving as number));
    const quick = await checkTrail(db, demo.id, 'quick');
    expect(quick).toMatchObject({ ok: true, entries: 2 });
    expect(await checkTrail(db, demo.id, 'full')).toEqual(quick);
  });
});
