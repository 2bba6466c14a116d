import { gunzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../shared/audit/trail.js';
import { bundleRows } from '../../shared/bundle/bundleRows.js';
import type { ChangedRow, PlannedRow } from '../../shared/import/plan.js';
import type { Case, ContactRecord } from '../../shared/schemas/index.js';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { readTrail } from '../../renderer/src/store/audit.js';
import { backupBundle, dailyBackupDue, gzippedJson, listBackups, makeBackup, BACKUPS_KEPT } from '../../renderer/src/store/backups.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { createCase, deleteCase, editCaseDetails, storeCaseBundle } from '../../renderer/src/store/cases.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import { existingKeys, storeImport } from '../../renderer/src/store/imports.js';
import { setSetting } from '../../renderer/src/store/settings.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { authorOf, freshDbAs } from './helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

const theCase: Case = { id: 'c1', crn: 'X123456', title: 'Case one', subject: '', offenceAt: { value: '2023-06-01', precision: 'day' }, synthetic: false, createdAt: '2026-11-23T00:00:00Z' };
const contact = (n: number, notes = 'seen') =>
  ({ kind: 'contact', id: `contact:${n}`, contactId: String(n), crn: 'X123456', occurred: { value: `2023-01-${String(n).padStart(2, '0')}`, precision: 'day' }, recorded: { value: `2023-01-${String(n).padStart(2, '0')}`, precision: 'day' }, staffCode: 'N07P001', sourceAgency: 'Probation', summary: 'Office visit', notes, provenance: { fileName: 'contacts.csv', sha256: 'a'.repeat(64), row: n + 1 } }) as ContactRecord;
const row = (n: number, notes?: string): PlannedRow => ({ table: 'records', key: `contact:${n}`, item: contact(n, notes) });

async function importRows(rows: PlannedRow[], acceptedChanges: ChangedRow[] = []) {
  const existing = new Map([['records' as const, await existingKeys(db, 'c1', 'records')]]);
  return storeImport(db, 'c1', async (put) => put(rows), { acceptedChanges, existing, sources: [], staff: [], audit: { author: authorOf('Alex Reviewer'), at: new Date('2026-11-23T10:00:00Z'), what: (n) => `${n.records ?? 0} rows` } });
}

async function check() {
  const bundle = await caseBundleOf(db, 'c1');
  if (!bundle) throw new Error('no case');
  return verifyTrail(bundle.audit, bundleRows(bundle));
}

describe("a case's audit trail in the store", () => {
  it('records creation, each import and a correction of the case name, under the name in Settings, and the case matches it', async () => {
    ({ db } = await freshDbAs('Alex Reviewer'));
    await createCase(db, theCase);
    await importRows([row(1), row(2)]);
    await importRows([row(3)], [{ table: 'records', key: 'contact:1', before: contact(1), after: contact(1, 'corrected') }]);
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Case one (renamed)' });
    const trail = await readTrail(db, 'c1');
    expect(trail.map((e) => [e.seq, e.who, e.kind, e.what])).toEqual([
      [1, 'Alex Reviewer', 'edit', 'Case created: Case one (CRN X123456)'],
      [2, 'Alex Reviewer', 'import', '2 rows'],
      // One new row; the changed row is replaced, not counted as added.
      [3, 'Alex Reviewer', 'import', '1 rows'],
      [4, 'Alex Reviewer', 'edit', 'Case details corrected: case name “Case one” → “Case one (renamed)”'],
    ]);
    expect(trail[2]?.before).toEqual({ 'records:contact:1': contact(1) });
    expect(trail[2]?.after).toEqual({ 'records:contact:1': contact(1, 'corrected') });
    expect(trail[3]).toMatchObject({ before: { title: 'Case one' }, after: { title: 'Case one (renamed)' } });
    expect(await check()).toEqual({ ok: true, entries: 4, rows: 4 });
  });

  it('names the row changed behind the trail’s back, and the entry changed', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    await importRows([row(1), row(2)]);
    const block = await db.blocks.get(['c1', 'records', 0]);
    await db.blocks.put({ ...(block as NonNullable<typeof block>), items: [contact(1), contact(2, 'quietly edited')] });
    expect(await check()).toMatchObject({ ok: false, row: 'records:contact:2', reason: expect.stringMatching(/changed since the trail recorded it/) });

    await db.audit.update(['c1', 1], { who: 'Someone else' });
    expect(await check()).toMatchObject({ ok: false, entry: 1, reason: expect.stringMatching(/changed since it was written/) });
  });

  it('a change whose trail entry cannot be written is not made at all (one transaction)', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    db.audit.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(editCaseDetails(db, 'c1', { ...theCase, title: 'Never stored' })).rejects.toThrow(/disk full/);
    await expect(importRows([row(1)])).rejects.toThrow(/disk full/);
    expect((await db.cases.get('c1'))?.title).toBe('Case one');
    expect(await db.blocks.count()).toBe(0);
  });

  it('a demo or received case carries its trail forward, with an entry recording every row', async () => {
    ({ db } = await freshDbAs());
    const demo = await loadDemoCase(db, async (n) => demoBytes(n));
    const bundle = await caseBundleOf(db, demo.id);
    if (!bundle) throw new Error('no demo');
    expect(bundle.audit.map((e) => e.kind)).toEqual(['import']);
    await deleteCase(db, demo.id);
    await storeCaseBundle(db, bundle, { kind: 'bundleReceived', what: 'received', author: authorOf('Trainer') });
    const received = await caseBundleOf(db, demo.id);
    expect(received?.audit.map((e) => [e.kind, e.who])).toEqual([['import', 'Test Reviewer'], ['bundleReceived', 'Trainer']]);
    expect(verifyTrail(received?.audit ?? [], bundleRows(received as NonNullable<typeof received>)).ok).toBe(true);
  });
});

describe('backups', () => {
  it('keeps the newest copies up to the number chosen, and each restores the case as it was', async () => {
    ({ db } = await freshDbAs());
    await setSetting(db, BACKUPS_KEPT, 2);
    await createCase(db, theCase);
    const first = await makeBackup(db, 'c1', 'daily', new Date('2026-11-20T09:00:00Z'));
    await importRows([row(1)]);
    await makeBackup(db, 'c1', 'import', new Date('2026-11-21T09:00:00Z'));
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Later name' });
    await makeBackup(db, 'c1', 'daily', new Date('2026-11-22T09:00:00Z'));
    const kept = await listBackups(db, 'c1');
    expect(kept.map((b) => [b.at, b.reason, b.records])).toEqual([['2026-11-22T09:00:00.000Z', 'daily', 1], ['2026-11-21T09:00:00.000Z', 'import', 1]]);
    await expect(backupBundle(db, first?.id ?? '')).rejects.toThrow(/no longer exists/);
    const older = await backupBundle(db, kept[1]?.id ?? '');
    expect(older.case.title).toBe('Case one');
    expect(verifyTrail(older.audit, bundleRows(older)).ok).toBe(true);
  });

  it('writes the same JSON the whole bundle gives, a few thousand rows at a time', async () => {
    ({ db } = await freshDbAs());
    const demo = await loadDemoCase(db, async (name) => demoBytes(name));
    const bundle = await caseBundleOf(db, demo.id);
    if (!bundle) throw new Error('no case');
    const many = { ...bundle, records: Array.from({ length: 4001 }, (_, i) => ({ ...(bundle.records[i % bundle.records.length] as ContactRecord), id: `contact:${i}` })), teams: [] };
    for (const b of [bundle, many]) expect(strFromU8(gunzipSync(gzippedJson(b)))).toBe(JSON.stringify(b));
  });

  it('is due once a day', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    expect(await dailyBackupDue(db, 'c1', new Date('2026-11-23T09:00:00Z'))).toBe(true);
    await makeBackup(db, 'c1', 'daily', new Date('2026-11-23T09:00:00Z'));
    expect(await dailyBackupDue(db, 'c1', new Date('2026-11-24T08:59:00Z'))).toBe(false);
    expect(await dailyBackupDue(db, 'c1', new Date('2026-11-24T09:00:00Z'))).toBe(true);
  });

  it('goes with its case when the case is deleted', async () => {
    ({ db } = await freshDbAs());
    await createCase(db, theCase);
    await createCase(db, { ...theCase, id: 'c2' });
    await makeBackup(db, 'c1', 'daily');
    await makeBackup(db, 'c2', 'daily');
    await deleteCase(db, 'c1');
    expect((await listBackups(db)).map((b) => b.caseId)).toEqual(['c2']);
    expect(await db.backupData.count()).toBe(1);
    expect(await db.audit.where('caseId').equals('c1').count()).toBe(0);
  });
});
