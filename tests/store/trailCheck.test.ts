import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { createIdentity } from '../../renderer/src/store/identity.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { storeCaseBundle } from '../../renderer/src/store/cases.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import type { ContactRecord } from '../../shared/schemas/index.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { demoStore } from './helpers.js';

describe('checking a case’s trail', () => {
  it('passes an intact case at both depths, over the same rows', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const quick = await checkTrail(db, caseId, 'quick');
    expect(quick).toMatchObject({ ok: true });
    expect(await checkTrail(db, caseId, 'full')).toEqual(quick);
    expect(await checkTrail(db, 'no such case', 'quick')).toBeNull();
    db.close();
  });

  it('fails the quick check when a block of rows is deleted on disk, and the full check names a row it held', async () => {
    const { open, caseId, onDisk } = await demoStore();
    let lost = '';
    await onDisk(async (raw) => {
      const [head] = await raw.table('blockKeys').where('caseId').equals(caseId).toArray();
      lost = `${head.table}:${head.keys[0]}`;
      await raw.table('blocks').delete([caseId, head.table, head.block]);
    });
    const db = open();
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: false, reason: 'the rows the case holds do not add up to the rows its trail recorded' });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: false, row: lost, reason: `${lost} was stored by the trail but is missing from the case` });
    db.close();
  });

  it('fails the quick check when an older copy of a block is put back on disk, though it still decrypts', async () => {
    const { open, caseId, onDisk } = await demoStore();
    let older: Record<string, unknown> = {};
    await onDisk(async (raw) => {
      [older] = await raw.table('blocks').where('caseId').equals(caseId).filter((b) => b.table === 'records').toArray();
    });
    // A later change to the case, through the app: a record's notes corrected, which rewrites its block.
    const db = open();
    const bundle = await caseBundleOf(db, caseId);
    if (!bundle) throw new Error('no case');
    const first = bundle.records[0] as ContactRecord;
    await storeCaseBundle(db, { ...bundle, records: [{ ...first, notes: `${first.notes ?? ''} (corrected)` }, ...bundle.records.slice(1)] }, { kind: 'edit', what: 'Notes corrected' });
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: true });
    db.close();
    await onDisk(async (raw) => {
      await raw.table('blocks').put(older);
    });
    const reopened = open();
    expect(await checkTrail(reopened, caseId, 'quick')).toMatchObject({ ok: false });
    expect(await checkTrail(reopened, caseId, 'full')).toMatchObject({ ok: false, row: `records:${first.id}`, reason: `records:${first.id} has been changed since the trail recorded it` });
    reopened.close();
  });

  it('finds a damaged sum of a block in the full check, when its rows still match the trail', async () => {
    // A store without a key, where the sum can be changed on disk: the quick check no longer adds up, and the full
    // check, finding every row as the trail recorded it, names the sum.
    const indexedDB = new IDBFactory();
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange });
    await createIdentity(db, 'Test Reviewer');
    const demo = await loadDemoCase(db, async (name) => demoBytes(name));
    const [block] = await db.blocks.where('caseId').equals(demo.id).toArray();
    if (!block) throw new Error('no blocks');
    await db.blocks.put({ ...block, rowSum: new Uint8Array(32) });
    expect(await checkTrail(db, demo.id, 'quick')).toMatchObject({ ok: false });
    expect(await checkTrail(db, demo.id, 'full')).toMatchObject({ ok: false, reason: `the store's sum of the rows in block ${block.block} of ${block.table} has been changed` });
    db.close();
  });

  it('refuses a block whose figure was changed in its clear part as soon as the block is read, at either depth', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [block] = await raw.table('blocks').where('caseId').equals(caseId).filter((b) => b.table === 'workload').toArray();
      const capacityPct = [55, ...block.items.columns.capacityPct.slice(1)];
      await raw.table('blocks').put({ ...block, items: { ...block.items, columns: { ...block.items.columns, capacityPct } } });
    });
    const db = open();
    await expect(checkTrail(db, caseId, 'quick')).rejects.toThrow(/changed outside Foresight/);
    await expect(checkTrail(db, caseId, 'full')).rejects.toThrow(/changed outside Foresight/);
    db.close();
  });

  it('fails to read a case whose sealed fields were changed on disk, at either depth', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [entry] = await raw.table('audit').where('caseId').equals(caseId).toArray();
      const sealed = Uint8Array.from(entry.$sealedA as Uint8Array);
      sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 1;
      await raw.table('audit').put({ ...entry, $sealedA: sealed });
    });
    const db = open();
    await expect(checkTrail(db, caseId, 'quick')).rejects.toThrow(/cannot be decrypted/);
    await expect(checkTrail(db, caseId, 'full')).rejects.toThrow(/cannot be decrypted/);
    db.close();
  });
});

describe('a case whose trail was deleted', () => {
  it('fails both checks: rows with an empty trail are a broken trail, never intact', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      await raw.table('audit').where('caseId').equals(caseId).delete();
      await raw.table('auditRows').where('caseId').equals(caseId).delete();
    });
    const db = open();
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: false });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: false, reason: expect.stringMatching(/no audit trail/) });
    db.close();
  });
});
