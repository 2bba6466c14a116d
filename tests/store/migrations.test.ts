import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, blockOfKey, readRows } from '../../renderer/src/store/blocks.js';
import { countRecords } from '../../renderer/src/store/cases.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { newDataKey, sealEverything } from '../../renderer/src/store/keyring.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';
import { verifyTrail } from '../../shared/audit/trail.js';
import { bundleRows, withWholeCaseEntry } from '../../shared/bundle/bundleRows.js';
import type { CaseBundle } from '../../shared/schemas/index.js';
import { STORE_VERSIONS } from '../../renderer/src/store/schema.js';
import { chronologyOf } from './helpers.js';

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
const blocksOf = (table: string, items: object[], keys: string[]) => ({
  blocks: [{ caseId: 'c1', table, block: 0, items }],
  blockKeys: [{ caseId: 'c1', table, block: 0, keys }],
});

/** What each fixture holds, read back through the current store. */
const EXPECTED = { records: [contact(1), contact(2)], otherWork: [other], workload: [snapshot], teams: [team], allocations: [{ ...allocation, caseId: 'c1' }] };

const inBlocks = () => {
  const parts = [
    blocksOf('records', [contact(1), contact(2)], ['contact:1', 'contact:2']),
    blocksOf('otherWork', [other], ['contact:7']),
    blocksOf('workload', [snapshot], ['N07P012|2022-01-01']),
    blocksOf('teams', [team], ['N07T02|2022-01-01']),
  ];
  return { blocks: parts.flatMap((p) => p.blocks), blockKeys: parts.flatMap((p) => p.blockKeys) };
};

const FIXTURES: Record<number, Record<string, object[]>> = {
  1: {
    cases: [theCase],
    records: [{ caseId: 'c1', occurredAt: 2, ...contact(2) }, { caseId: 'c1', occurredAt: 1, ...contact(1) }],
    otherWork: [{ caseId: 'c1', occurredAt: 7, ...other }],
    workload: [{ caseId: 'c1', ...snapshot }],
    teams: [{ caseId: 'c1', ...team }],
    allocations: [{ caseId: 'c1', ...allocation }],
    settings: [{ key: 'demoInstalled', value: true }],
  },
  2: { cases: [theCase], ...inBlocks(), allocations: [{ caseId: 'c1', ...allocation }], settings: [{ key: 'demoInstalled', value: true }] },
  3: { cases: [theCase], ...inBlocks(), allocations: [{ caseId: 'c1', ...allocation }], settings: [{ key: 'demoInstalled', value: true }] },
  4: {
    cases: [theCase],
    ...inBlocks(),
    allocations: [{ caseId: 'c1', ...allocation }],
    settings: [{ key: 'demoInstalled', value: true }],
    audit: withWholeCaseEntry(
      { schemaVersion: 2, case: theCase, records: EXPECTED.records, otherWork: EXPECTED.otherWork, workload: EXPECTED.workload, teams: EXPECTED.teams, allocations: [allocation], staff: [], sources: [], audit: [] } as unknown as CaseBundle,
      { who: 'Fixture', at: new Date('2026-11-23T09:00:00Z'), kind: 'import', what: 'fixture' },
    ).audit.map((e) => ({ ...e, caseId: 'c1' })),
  },
};

describe('store migrations', () => {
  it('has a fixture for every released schema version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(STORE_VERSIONS.map((v) => v.version));
  });

  for (const version of STORE_VERSIONS) {
    it(`opens a database written at version ${version.version} with every row intact`, async () => {
      const indexedDB = new IDBFactory();
      const old = new Dexie('foresight', { indexedDB, IDBKeyRange });
      for (const v of STORE_VERSIONS.filter((s) => s.version <= version.version)) old.version(v.version).stores(v.stores);
      const fixture = FIXTURES[version.version] ?? {};
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture)) await old.table(table).bulkAdd(rows);
      });
      old.close();

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
      current.close();
    });
  }

  it('upgrades a version 3 store written in the clear straight into an encrypted one, trail and all', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('foresight', { indexedDB, IDBKeyRange });
    for (const v of STORE_VERSIONS.filter((s) => s.version <= 3)) old.version(v.version).stores(v.stores);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(FIXTURES[3] ?? {})) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const key = newDataKey();
    const current = openDatabase('foresight', { indexedDB, IDBKeyRange, sealer: sealerFor(key) });
    await current.open();
    await sealEverything(current);
    const stored = await caseBundleOf(current, 'c1');
    expect(stored?.case).toEqual(theCase);
    expect(verifyTrail(stored?.audit ?? [], bundleRows(stored as CaseBundle))).toMatchObject({ ok: true, entries: 1 });
    current.close();

    const raw = new Dexie('foresight', { indexedDB, IDBKeyRange });
    await raw.open();
    for (const table of raw.tables) for (const row of await table.toArray()) expect(JSON.stringify(row), table.name).not.toContain('"title"');
    raw.close();
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
});
