import { CaseIndex } from '../../shared/engine/caseIndex.js';
import { loadCaseData } from '../../renderer/src/store/caseData.js';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { newDataKey } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { readBlocks, type BlockTable } from '../../renderer/src/store/blocks.js';
import { openDatabase, type ForesightDb } from '../../renderer/src/store/db.js';
import { createIdentity, type Author } from '../../renderer/src/store/identity.js';
import { newSigningKey, signingAs } from '../../shared/audit/signatures.js';

/** A fresh, isolated IndexedDB per test: nothing leaks between tests. */
export function freshDb(name = 'foresight-test') {
  const indexedDB = new IDBFactory();
  return { db: openDatabase(name, { indexedDB, IDBKeyRange }), indexedDB };
}

/** A stored case's records in chronology order, as the app reads them (store, then the engine's index). */
export async function chronologyOf(db: ForesightDb, caseId: string) {
  const data = await loadCaseData(db, caseId);
  if (!data) throw new Error(`no case ${caseId}`);
  const index = new CaseIndex(data);
  return index.records.map((r, i) => ({ ...r, occurredAt: index.starts[i] as number }));
}

/** Every row of a case's table, in the order stored. */
export async function readRows<T>(db: ForesightDb, caseId: string, table: BlockTable): Promise<T[]> {
  return (await readBlocks(db, caseId, table)).flatMap((b) => b.items as T[]);
}

/** An encrypted store holding the demo case, and a way to change its raw values as someone with the disk could. */
export async function demoStore() {
  const indexedDB = new IDBFactory();
  const key = newDataKey();
  const open = () => openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
  const db = open();
  await createIdentity(db, 'Test Reviewer');
  const demo = await loadDemoCase(db, async (name: string) => demoBytes(name));
  db.close();
  const onDisk = async <T = void>(change: (raw: Dexie) => Promise<T>): Promise<T> => {
    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    try {
      return await change(raw);
    } finally {
      raw.close();
    }
  };
  return { open, caseId: demo.id, onDisk, indexedDB, key };
}

/** A fresh store whose person has given their name and has a key, as first use leaves it: changes are signed. */
export async function freshDbAs(name = 'Test Reviewer') {
  const fresh = freshDb();
  await createIdentity(fresh.db, name);
  return fresh;
}

/** Someone else's changes, signed with a key of their own. */
export function authorOf(name: string): Author {
  return { who: name, signing: signingAs(newSigningKey(name)) };
}
