import { gcm } from '@noble/ciphers/aes.js';
import Dexie, { type TableSchema } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { BLOCK_ROWS, blockOfKey } from '../../renderer/src/store/blocks.js';
import { countRecords } from '../../renderer/src/store/cases.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { newDataKey, sealEverything } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { rowDigest, verifyTrail } from '../../shared/audit/trail.js';
import { bundleRows } from '../../shared/bundle/bundleRows.js';
import type { CaseBundle } from '../../shared/schemas/index.js';
import { STORE_VERSIONS } from '../../renderer/src/store/schema.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { sumOfHex } from '../../shared/audit/rowSum.js';
import { chronologyOf, readRows } from './helpers.js';

/**
 * The migration harness: for every released schema version, write a database exactly as that version did, then
 * open it with the current code and check, through the store's own reading functions, that nothing was lost.
 * A new version adds fixtures here, never edits old ones.
 */
const theCase = { id: 'c1', crn: 'X123456', title: 'Case', subject: 'S', offenceAt: { value: '2023-01-01', precision: 'day' }, synthetic: false, createdAt: '2026-01-01T00:00:00Z' };
const day = (n: number) => ({ value: `2022-01-${String(n).padStart(2, '0')}`, precision: 'day' });
const contact = (n: number) => ({ id: `contact:${n}`, kind: 'contact', crn: 'X123456', occurred: day(n), recorded: day(n), staffCode: 'N07P012' });
const snapshot = { staffCode: 'N07P012', snapshotDate: '2022-01-01', capacityPct: 120 };
const team = { teamCode: 'N07T02', snapshotDate: '2022-01-01', staffingPct: 60 };
const other = { ...contact(7), crn: 'X999999' };
const allocation = { id: 'alloc:1', crn: 'X123456', staffCode: 'N07P012', from: { value: '2022-01-01', precision: 'day' }, to: null };
/** What each fixture holds, read back through the current store. */
const EXPECTED = { records: [contact(1), contact(2)], otherWork: [other], workload: [snapshot], teams: [team], allocations: [{ ...allocation, caseId: 'c1' }] };

/**
 * A database as each version wrote it, as literal data (fixtures/store-vN.json, byte fields as `{"$hex": …}`): frozen
 * when the version was released, never rebuilt by today's code. Each holds the case above.
 */
const fromFixture = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && typeof (value as { $hex?: unknown }).$hex === 'string' ? hexToBytes((value as { $hex: string }).$hex) : value;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'), fromFixture) as Record<string, object[]>;
const FIXTURES: Record<number, Record<string, object[]>> = Object.fromEntries(
  readdirSync(new URL('./fixtures/', import.meta.url))
    .map((file) => /^store-v(\d+)\.json$/.exec(file))
    .filter((m) => m !== null)
    .map((m) => [Number(m[1]), fixture(`store-v${m[1]}`)]),
);

/** Each block's stored sum, and the sum of its rows hashed afresh, which it should equal from version 6 on. */
async function blockSums(db: ReturnType<typeof openDatabase>) {
  const blocks = await db.blocks.toArray();
  return { stored: blocks.map((b) => bytesToHex(b.rowSum)), fresh: blocks.map((b) => bytesToHex(sumOfHex(b.items.map(rowDigest)))) };
}

/** A value as version 4 sealed it: key fields in the clear, the rest as JSON under AES-256-GCM with the data key. */
function sealedAsVersion4(schema: TableSchema, table: string, row: object, key: Uint8Array) {
  const keyFields = [...new Set([schema.primKey, ...schema.indexes].flatMap((i) => (Array.isArray(i.keyPath) ? i.keyPath : i.keyPath ? [i.keyPath] : [])))];
  const clear: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) (keyFields.includes(k) ? clear : hidden)[k] = v;
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const context = new TextEncoder().encode(`${table}\n${JSON.stringify(keyFields.map((f) => clear[f] ?? null))}`);
  const json = new TextEncoder().encode(JSON.stringify(hidden));
  const plain = new Uint8Array(json.length + 1);
  plain[0] = 0x4a;
  plain.set(json, 1);
  const sealed = gcm(key, nonce, context).encrypt(plain);
  const out = new Uint8Array(12 + sealed.length);
  out.set(nonce);
  out.set(sealed, 12);
  return { ...clear, $sealed: out };
}

/** A fresh database holding a version's fixture, written exactly as that version did (each value as `stored` gives it). */
async function writtenAtVersion(version: number, stored: (schema: TableSchema, table: string, row: object) => object = (_s, _t, row) => row): Promise<IDBFactory> {
  const indexedDB = new IDBFactory();
  const old = new Dexie('foresight', { indexedDB, IDBKeyRange });
  for (const v of STORE_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(FIXTURES[version] ?? {})) await old.table(table).bulkAdd(rows.map((row) => stored(old.table(table).schema, table, row)));
  });
  old.close();
  return indexedDB;
}

/** Every value in a database as it lies on disk, with its table's name. */
async function rawValues(indexedDB: IDBFactory): Promise<[string, object][]> {
  const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
  await raw.open();
  const values = (await Promise.all(raw.tables.map(async (t) => (await t.toArray()).map((row): [string, object] => [t.name, row])))).flat();
  raw.close();
  return values;
}

describe('store migrations', () => {
  it('has a fixture for every released schema version', () => {
    expect(Object.keys(FIXTURES).map(Number).sort((a, b) => a - b)).toEqual(STORE_VERSIONS.map((v) => v.version));
  });

  for (const version of STORE_VERSIONS) {
    it(`opens a database written at version ${version.version} with every row intact`, async () => {
      const indexedDB = await writtenAtVersion(version.version);

      const current = openDatabase('foresight', { indexedDB, IDBKeyRange });
      await current.open();
      expect(current.verno).toBe(STORE_VERSIONS[STORE_VERSIONS.length - 1]?.version);
      expect(await current.cases.toArray()).toEqual([theCase]);
      expect(await current.settings.toArray()).toEqual([{ key: 'demoInstalled', value: true }]);
      expect((await chronologyOf(current, 'c1')).map(({ occurredAt: _, ...r }) => r)).toEqual(EXPECTED.records);
      for (const table of ['otherWork', 'workload', 'teams'] as const) expect(await readRows(current, 'c1', table), table).toEqual(EXPECTED[table]);
      expect(await current.allocations.toArray()).toEqual(EXPECTED.allocations);
      expect(await countRecords(current, 'c1')).toBe(2);
      const stored = await caseBundleOf(current, 'c1');
      if (!stored) throw new Error('case missing');
      expect(stored.audit).toHaveLength(1);
      expect(verifyTrail(stored.audit, bundleRows(stored))).toEqual({ ok: true, entries: 1, rows: 7 });
      const sums = await blockSums(current);
      expect(sums.stored).toEqual(sums.fresh);
      expect((await current.blockKeys.toArray()).filter((head) => 'digests' in head)).toEqual([]);
      expect(await checkTrail(current, 'c1', 'quick')).toEqual({ ok: true, entries: 1, rows: 7 });
      expect(await checkTrail(current, 'c1', 'full')).toEqual({ ok: true, entries: 1, rows: 7 });
      current.close();
    });
  }

  it('upgrades a version 3 store written in the clear straight into an encrypted one, trail and all', async () => {
    const indexedDB = await writtenAtVersion(3);

    const key = newDataKey();
    const current = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key), acceptUnsealed: true });
    await current.open();
    await sealEverything(current);
    const stored = await caseBundleOf(current, 'c1');
    expect(stored?.case).toEqual(theCase);
    expect(verifyTrail(stored?.audit ?? [], bundleRows(stored as CaseBundle))).toMatchObject({ ok: true, entries: 1 });
    current.close();

    for (const [table, row] of await rawValues(indexedDB)) expect(JSON.stringify(row), table).not.toContain('"title"');
  });

  it('reads a version 4 store sealed with AES-256-GCM, and seals it afresh in the current form', async () => {
    const key = newDataKey();
    const indexedDB = await writtenAtVersion(4, (schema, table, row) => sealedAsVersion4(schema, table, row, key));

    const current = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    const stored = await caseBundleOf(current, 'c1');
    expect(stored?.records).toEqual(EXPECTED.records);
    expect(verifyTrail(stored?.audit ?? [], bundleRows(stored as CaseBundle))).toEqual({ ok: true, entries: 1, rows: 7 });
    expect(await checkTrail(current, 'c1', 'quick')).toEqual({ ok: true, entries: 1, rows: 7 });
    current.close();
    for (const [table, row] of await rawValues(indexedDB)) expect(Object.keys(row), table).not.toContain('$sealed');
  });

  it('still fails the quick check after the upgrade to version 6 when a row had been changed before it', async () => {
    // The row's hash beside its key, and in the trail, are of the row as it was; the row itself has been changed.
    const changed = { ...contact(1), staffCode: 'N07P999' };
    const indexedDB = await writtenAtVersion(5, (_schema, table, row) => (table === 'blocks' && (row as { table: string }).table === 'records' ? { ...row, items: [changed, contact(2)] } : row));

    const current = openDatabase('foresight', { indexedDB, IDBKeyRange });
    expect(await checkTrail(current, 'c1', 'quick')).toMatchObject({ ok: false });
    expect(await checkTrail(current, 'c1', 'full')).toMatchObject({ ok: false, row: 'records:contact:1' });
    current.close();
  });

  it('moves more rows than fit one block into several, keeping every key with its row', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('foresight', { indexedDB, IDBKeyRange });
    old.version(1).stores(STORE_VERSIONS[0]?.stores ?? {});
    const many = Array.from({ length: BLOCK_ROWS + 5 }, (_, i) => ({ caseId: 'c1', occurredAt: i, ...contact(1), id: `contact:${i}` }));
    await old.table('records').bulkAdd(many);
    old.close();
    const current = openDatabase('foresight', { indexedDB, IDBKeyRange });
    expect(await current.blockKeys.count()).toBe(2);
    const where = await blockOfKey(current, 'c1', 'records');
    expect(where.size).toBe(BLOCK_ROWS + 5);
    expect([...where.values()].filter((b) => b === 1)).toHaveLength(5);
    const rows = await readRows(current, 'c1', 'records');
    expect(new Set(rows.map((r) => (r as { id: string }).id))).toEqual(new Set(where.keys()));
    expect(await countRecords(current, 'c1')).toBe(BLOCK_ROWS + 5);
    current.close();
  });

  it('keeps the signers of a case from version 7 on, and a case’s bundle carries them', async () => {
    const current = openDatabase('foresight', { indexedDB: await writtenAtVersion(7), IDBKeyRange });
    await current.open();
    expect((await caseBundleOf(current, 'c1'))?.signers).toEqual([{ name: 'A. Reviewer', publicKey: 'ab'.repeat(32) }]);
    current.close();
  });

  it('opens a version 9 store at version 10 with its case intact and no walkthrough, and the case’s bundle carries none', async () => {
    const current = openDatabase('foresight', { indexedDB: await writtenAtVersion(9), IDBKeyRange });
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(10);
    expect(await current.cases.toArray()).toEqual([theCase]);
    expect(await current.trainingItems.toArray()).toEqual([]);
    const stored = await caseBundleOf(current, 'c1');
    expect(stored && 'training' in stored).toBe(false);
    expect(await checkTrail(current, 'c1', 'full')).toEqual({ ok: true, entries: 1, rows: 7 });
    current.close();
  });
});
