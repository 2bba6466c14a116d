import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { hexToBytes } from '@noble/hashes/utils.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { countRecords, createCase, editCaseDetails, findCase } from '../../renderer/src/store/cases.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { checkHead, noteHead, readHead } from '../../renderer/src/store/storeHead.js';
import { openKeyring } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { demoStore } from './helpers.js';

/**
 * Once a store is sealed, everything it holds is authenticated by its key when it is read: a value without a sealed
 * part is refused, and the fields kept in the clear for speed are bound to the sealed part, so someone with the disk
 * but not the key cannot change a case's title, flags, figures or row lists.
 */
describe('an authenticated store', () => {
  it('refuses a case written on disk without a sealed part', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk((raw) => raw.table('cases').put({ id: caseId, crn: 'X000001', title: 'Altered', subject: 'S', synthetic: false, createdAt: '2026-01-01T00:00:00Z', offenceAt: { value: '2023-01-01', precision: 'day' } }));
    const db = open();
    await expect(findCase(db, caseId)).rejects.toThrow(/not sealed.*changed outside Foresight/);
    db.close();
  });

  it('refuses a case whose clear fields were changed or added to on disk, even though its sealed part is intact', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => raw.table('cases').put({ ...(await raw.table('cases').get(caseId)), title: 'Altered', synthetic: true }));
    const db = open();
    await expect(findCase(db, caseId)).rejects.toThrow(/changed outside Foresight/);
    db.close();
  });

  it('refuses a block of keys whose list of row ids was changed', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [head] = await raw.table('blockKeys').where('caseId').equals(caseId).filter((b) => b.table === 'records').toArray();
      await raw.table('blockKeys').put({ ...head, keys: ['contact:forged', ...head.keys.slice(1)] });
    });
    const db = open();
    await expect(countRecords(db, caseId)).rejects.toThrow(/changed outside Foresight/);
    db.close();
  });

  it('keeps who knew what, and when, sealed: none of the knowledge fields lies in the clear', async () => {
    const { open, caseId, onDisk } = await demoStore();
    const columns = await onDisk(async (raw) => new Set((await raw.table('blocks').toArray()).flatMap((b: { items: { columns: object } }) => Object.keys(b.items.columns))));
    expect(columns).toContain('occurred.value');
    for (const field of ['knownToStaffCode', 'knownFrom', 'reachedProbation', 'sourceAgency', 'sensitive', 'cameToLight']) expect(columns.has(field), field).toBe(false);
    const db = open();
    const records = (await caseBundleOf(db, caseId))?.records ?? [];
    expect(records.some((r) => 'sourceAgency' in r && r.sourceAgency)).toBe(true);
    db.close();
  });

  it('reads a version 7 store as version 7 sealed it, seals it afresh, and then refuses a version 7 value put back', async () => {
    const reviver = (_k: string, v: unknown) => (v !== null && typeof v === 'object' && typeof (v as { $hex?: unknown }).$hex === 'string' ? hexToBytes((v as { $hex: string }).$hex) : v);
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/store-v7-sealed.json', import.meta.url), 'utf8'), reviver) as { key: string; tables: Record<string, object[]> };
    const indexedDB = new IDBFactory();
    const old = new Dexie('foresight', { indexedDB, IDBKeyRange });
    const { STORE_VERSIONS } = await import('../../renderer/src/store/schema.js');
    for (const v of STORE_VERSIONS.filter((s) => s.version <= 7)) old.version(v.version).stores(v.stores);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    });
    const oldCase = await old.table('cases').get('c1');
    old.close();

    const key = hexToBytes(fixture.key);
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    expect((await findCase(db, 'c1'))?.title).toBe('Case');
    expect(await checkTrail(db, 'c1', 'full')).toMatchObject({ ok: true });
    db.close();

    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    const values = (await Promise.all(raw.tables.map((t) => t.toArray()))).flat();
    expect(values.filter((v) => '$sealedX' in v || '$sealed' in v)).toEqual([]);
    await raw.table('cases').put(oldCase);
    raw.close();
    const again = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    await expect(findCase(again, 'c1')).rejects.toThrow(/changed outside Foresight/);
    again.close();
  });
});

describe('the store’s head, kept beside the key', () => {
  it('notices an older copy of the whole store put back, and a head counter changed without the key', async () => {
    const { open, onDisk, key } = await demoStore();
    const keyring = openKeyring({ indexedDB: new IDBFactory(), IDBKeyRange });
    const db = open();
    await noteHead(keyring, key, await readHead(db));
    const older = await onDisk(async (raw) => Object.fromEntries(await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()] as const))));
    expect(await checkHead(keyring, key, await readHead(db))).toEqual({ ok: true });

    await createCase(db, { id: 'c2', crn: 'X000002', title: 'Second', subject: 'S', synthetic: false, createdAt: '2026-12-01T09:00:00Z', offenceAt: { value: '2026-11-01', precision: 'day' } });
    const head = await readHead(db);
    await noteHead(keyring, key, head);
    db.close();
    // Everything put back as it was before the second case was made.
    await onDisk(async (raw) => {
      for (const table of raw.tables) {
        await table.clear();
        await table.bulkAdd(older[table.name] as object[]);
      }
    });
    const reopened = open();
    expect(await checkHead(keyring, key, await readHead(reopened))).toEqual({ ok: false, reason: 'older', store: head - 1, seen: head });
    reopened.close();

    await keyring.table('heads').put({ ...(await keyring.table('heads').get('store')), head: 1 });
    expect(await checkHead(keyring, key, head)).toEqual({ ok: false, reason: 'tampered' });
  });
});

describe('values the associated data could not tell apart', () => {
  it('refuses a sealed field erased by a clear field set to undefined beside it', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => raw.table('cases').put({ ...(await raw.table('cases').get(caseId)), title: undefined }));
    const db = open();
    await expect(findCase(db, caseId)).rejects.toThrow(/changed outside Foresight/);
    db.close();
  });

  it('refuses a column value whose JSON is the same but whose value is not (NaN for a value that is not there)', async () => {
    const { open, caseId, onDisk } = await demoStore();
    await onDisk(async (raw) => {
      const [block] = await raw.table('blocks').where('caseId').equals(caseId).filter((b) => b.table === 'records').toArray();
      // A column of few values lists "none" as null; NaN writes the same JSON.
      const name = Object.keys(block.items.columns).find((k) => !Array.isArray(block.items.columns[k]) && block.items.columns[k].values.includes(null)) as string;
      const { values, at } = block.items.columns[name];
      const column = { values: values.map((v: unknown) => (v === null ? Number.NaN : v)), at };
      await raw.table('blocks').put({ ...block, items: { ...block.items, columns: { ...block.items.columns, [name]: column } } });
    });
    const db = open();
    await expect(checkTrail(db, caseId, 'quick')).rejects.toThrow(/changed outside Foresight/);
    db.close();
  });

  it('seals a value whose JSON would not stand for it exactly, such as -0, rather than keep it in the clear', async () => {
    const { splitRows, joinRows } = await import('../../renderer/src/store/sealedForm.js');
    const { clear, sealed } = splitRows([{ id: 'a', capacityPct: -0 }], { id: true, capacityPct: true });
    expect(Object.keys(clear.columns)).toEqual(['id']);
    expect(Object.is(joinRows(clear, sealed, { id: true, capacityPct: true })[0]?.capacityPct, -0)).toBe(true);
  });
});

describe('an older copy of one case', () => {
  it('fails its check when its rows and trail are put back from before a change, each still sealed', async () => {
    const { open, caseId, onDisk } = await demoStore();
    const tables = ['cases', 'blocks', 'blockKeys', 'allocations', 'staff', 'sources', 'audit', 'auditRows', 'signers'];
    const older = await onDisk(async (raw) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await raw.table(t).toArray()] as const))));
    const db = open();
    const found = await findCase(db, caseId);
    if (!found) throw new Error('no case');
    await editCaseDetails(db, caseId, { title: 'Renamed after the event', crn: found.crn, subject: found.subject, offenceAt: found.offenceAt });
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: true });
    db.close();
    await onDisk(async (raw) => {
      for (const t of tables) {
        await raw.table(t).where('caseId').equals(caseId).delete().catch(() => raw.table(t).delete(caseId));
        await raw.table(t).bulkPut(older[t] as object[]);
      }
    });
    const reopened = open();
    expect(await checkTrail(reopened, caseId, 'quick')).toMatchObject({ ok: false, reason: expect.stringMatching(/older copy/) });
    expect(await checkTrail(reopened, caseId, 'full')).toMatchObject({ ok: false, reason: expect.stringMatching(/older copy/) });
    reopened.close();
  });

  it('tells the keyring each new head once the change has committed', async () => {
    const { indexedDB, key } = await demoStore();
    const heads: number[] = [];
    const db = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key), onHead: (head) => heads.push(head) });
    const before = await readHead(db);
    await createCase(db, { id: 'c3', crn: 'X000003', title: 'Third', subject: 'S', synthetic: false, createdAt: '2026-12-01T09:00:00Z', offenceAt: { value: '2026-11-01', precision: 'day' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heads).toEqual([before + 1]);
    db.close();
  });
});
