import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/src/store/db.js';
import { STORE_VERSIONS } from '../../renderer/src/store/schema.js';

/**
 * The migration harness: for every released schema version, write a database exactly as that version did, then
 * open it with the current code and check nothing was lost. A new version adds fixtures here, never edits old ones.
 */
const FIXTURES: Record<number, Record<string, object[]>> = {
  1: {
    cases: [{ id: 'c1', crn: 'X123456', title: 'Case', subject: 'S', offenceAt: { value: '2023-01-01', precision: 'day' }, synthetic: false, createdAt: '2026-01-01T00:00:00Z' }],
    records: [{ caseId: 'c1', id: 'contact:1', kind: 'contact', crn: 'X123456', occurredAt: 1, occurred: { value: '2022-01-01', precision: 'day' } }],
    workload: [{ caseId: 'c1', staffCode: 'N07P012', snapshotDate: '2022-01-01', capacityPct: 120 }],
    settings: [{ key: 'demoInstalled', value: true }],
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
      for (const [table, rows] of Object.entries(fixture)) expect(await current.table(table).toArray(), table).toEqual(rows);
      current.close();
    });
  }

  it('serves time-range queries from the [caseId+occurredAt] index', async () => {
    const current = openDatabase('foresight', { indexedDB: new IDBFactory(), IDBKeyRange });
    await current.records.bulkAdd([
      { caseId: 'a', id: 'contact:2', occurredAt: 20 } as never,
      { caseId: 'a', id: 'contact:1', occurredAt: 10 } as never,
      { caseId: 'b', id: 'contact:3', occurredAt: 15 } as never,
    ]);
    const ids = (await current.records.where('[caseId+occurredAt]').between(['a', 0], ['a', 15]).toArray()).map((r) => r.id);
    expect(ids).toEqual(['contact:1']);
    current.close();
  });
});
