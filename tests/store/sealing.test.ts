import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { argon2idBytes } from '../../shared/crypto/argon2id.js';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { createIdentity } from '../../renderer/src/store/identity.js';
import { newDataKey, sealEverything, unwrapWithPassphrase, wrapWithPassphrase } from '../../renderer/src/store/keyring.js';
import { STORE_VERSIONS } from '../../renderer/src/store/schema.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { chronologyOf } from './helpers.js';

const demoFetch = async (name: string) => demoBytes(name);

/** Everything in the raw database, as text, read without the sealing layer: what someone copying the disk would see. */
async function rawText(indexedDB: IDBFactory): Promise<string> {
  const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
  await raw.open();
  const parts: string[] = [];
  for (const table of raw.tables) {
    for (const row of await table.toArray()) parts.push(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v)));
  }
  raw.close();
  return parts.join('\n');
}

describe('encryption at rest', () => {
  it('keeps no name, note or title in the clear (only ids and keys), and reads every record back with the key', async () => {
    const indexedDB = new IDBFactory();
    const key = newDataKey();
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    await createIdentity(db, 'Test Reviewer');
    const demo = await loadDemoCase(db, demoFetch);
    const plain = await caseBundleOf(db, demo.id);
    db.close();
    const text = await rawText(indexedDB);
    const someNote = plain?.records.map((r) => ('notes' in r ? r.notes : '')).find((n) => n && n.length > 20) as string;
    for (const secret of [demo.subject, demo.title, plain?.staff[0]?.name as string, someNote.slice(0, 20)]) expect(text.includes(secret), secret).toBe(false);
    expect(text).toContain(demo.id);
    // A block keeps its rows' structured fields in the clear, and no free text or personal field.
    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    const columns = new Set((await raw.table('blocks').toArray()).flatMap((b: { items: { columns: object } }) => Object.keys(b.items.columns)));
    raw.close();
    expect(columns).toContain('occurred.value');
    expect(columns).toContain('staffCode');
    for (const field of ['crn', 'notes', 'summary', 'staffName', 'createdBy', 'omName', 'typeDescription', 'provenance.fileName']) expect(columns.has(field), field).toBe(false);

    const reopened = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    expect(await caseBundleOf(reopened, demo.id)).toEqual(plain);
    reopened.close();
  });

  it('cannot be read with another key, and a sealed value moved to another row fails to open', async () => {
    const indexedDB = new IDBFactory();
    const key = newDataKey();
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    await db.settings.bulkPut([{ key: 'a', value: 'first' }, { key: 'b', value: 'second' }]);
    db.close();
    const other = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(newDataKey()) });
    await expect(other.settings.get('a')).rejects.toThrow(/cannot be decrypted/);
    other.close();

    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    const b = await raw.table('settings').get('b');
    await raw.table('settings').put({ ...b, key: 'a' });
    raw.close();
    const same = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    await expect(same.settings.get('b')).resolves.toEqual({ key: 'b', value: 'second' });
    await expect(same.settings.get('a')).rejects.toThrow(/damaged, moved/);
    same.close();
  });

  it('seals a store written before encryption, keeping every row', async () => {
    const indexedDB = new IDBFactory();
    const plainDb = openDatabase('foresight', { indexedDB, IDBKeyRange });
    await createIdentity(plainDb, 'Test Reviewer');
    const demo = await loadDemoCase(plainDb, demoFetch);
    const before = await chronologyOf(plainDb, demo.id);
    plainDb.close();
    expect(await rawText(indexedDB)).toContain(demo.subject);

    const key = newDataKey();
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key), acceptUnsealed: true });
    await sealEverything(db);
    expect(await chronologyOf(db, demo.id)).toEqual(before);
    db.close();
    expect((await rawText(indexedDB)).includes(demo.subject)).toBe(false);
    expect(STORE_VERSIONS.length).toBeGreaterThan(0);
  });

  it('keeps small values, large values (compressed) and bytes exactly as they were written', async () => {
    const indexedDB = new IDBFactory();
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(newDataKey()) });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const large = { key: 'large', value: 'Café “quoted” ✓ '.repeat(2000) };
    await db.settings.bulkPut([{ key: 'small', value: { n: 1, nested: [null, true, 'x'] } }, large]);
    await db.backupData.put({ id: 'b1', bytes });
    expect(await db.settings.get('small')).toEqual({ key: 'small', value: { n: 1, nested: [null, true, 'x'] } });
    expect(await db.settings.get('large')).toEqual(large);
    expect(await db.backupData.get('b1')).toEqual({ id: 'b1', bytes });
    db.close();
  });

  it('unlocks the data key with the right passphrase only', async () => {
    const key = newDataKey();
    const entry = await wrapWithPassphrase(key, 'correct horse battery', argon2idBytes);
    expect(await unwrapWithPassphrase(entry, 'correct horse battery', argon2idBytes)).toEqual(key);
    expect(await unwrapWithPassphrase(entry, 'wrong horse battery', argon2idBytes)).toBeNull();
    expect(new TextDecoder('latin1').decode(entry.wrapped)).not.toContain(new TextDecoder('latin1').decode(key));
  });
});
