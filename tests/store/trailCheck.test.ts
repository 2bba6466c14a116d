import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { newDataKey } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { demoBytes } from '../helpers/demoFiles.js';

const demoFetch = async (name: string) => demoBytes(name);

/** An encrypted store holding the demo case, and a way to change its raw values as someone with the disk could. */
async function demoStore() {
  const indexedDB = new IDBFactory();
  const key = newDataKey();
  const open = () => openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
  const db = open();
  const demo = await loadDemoCase(db, demoFetch);
  db.close();
  const onDisk = async (change: (raw: Dexie) => Promise<void>) => {
    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    await change(raw);
    raw.close();
  };
  return { open, caseId: demo.id, onDisk };
}

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

  it('names a row that the trail never recorded, from the stored keys and hashes alone', async () => {
    const { open, caseId, onDisk } = await demoStore();
    const db = open();
    const [head] = await db.blockKeys.where('caseId').equals(caseId).toArray();
    if (!head) throw new Error('no blocks');
    db.close();
    // Drop the first row's key from its block, as a lost write would: the row is then unrecorded, and the key missing.
    await onDisk(async (raw) => {
      const stored = await raw.table('blockKeys').get([caseId, head.table, head.block]);
      await raw.table('blockKeys').put({ ...stored, keys: ['contact:not-a-row', ...stored.keys.slice(1)] });
    });
    const reopened = open();
    expect(await checkTrail(reopened, caseId, 'quick')).toMatchObject({ ok: false, row: `${head.table}:contact:not-a-row` });
    reopened.close();
  });

  it('finds a figure changed in the clear part of a row only in the full check, which the first check of each day is', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [block] = await raw.table('blocks').where('caseId').equals(caseId).filter((b) => b.table === 'workload').toArray();
      await raw.table('blocks').put({ ...block, items: [{ ...block.items[0], capacityPct: 55 }, ...block.items.slice(1)] });
    });
    const db = open();
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: true });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: false, reason: expect.stringMatching(/^workload:.* has been changed since the trail recorded it$/) });
    db.close();
  });

  it('fails to read a case whose sealed fields were changed on disk, at either depth', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [entry] = await raw.table('audit').where('caseId').equals(caseId).toArray();
      const sealed = Uint8Array.from(entry.$sealedX as Uint8Array);
      sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 1;
      await raw.table('audit').put({ ...entry, $sealedX: sealed });
    });
    const db = open();
    await expect(checkTrail(db, caseId, 'quick')).rejects.toThrow(/cannot be decrypted/);
    await expect(checkTrail(db, caseId, 'full')).rejects.toThrow(/cannot be decrypted/);
    db.close();
  });
});
