import Dexie, { type EntityTable } from 'dexie';
import type { Allocation, Case, CaseRecord, SourceFile, Staff } from '../../../shared/schemas/index.js';
import type { BlockKeys, BlockTable, RowBlock } from './blocks.js';
import { DATABASE_NAME, STORE_VERSIONS } from './schema.js';

/** Every stored row carries its case. */
type OfCase<T> = T & { caseId: string };
/** A record as the chronology holds it: with its earliest occurred instant, for ordering. */
export type StoredRecord = CaseRecord & { occurredAt: number };

export interface Setting {
  key: string;
  value: unknown;
}

type BlockKey = [string, BlockTable, number];

export type ForesightDb = Dexie & {
  cases: EntityTable<Case, 'id'>;
  blocks: Dexie.Table<RowBlock, BlockKey>;
  blockKeys: Dexie.Table<BlockKeys, BlockKey>;
  allocations: Dexie.Table<OfCase<Allocation>, [string, string]>;
  staff: Dexie.Table<OfCase<Staff>, [string, string]>;
  sources: Dexie.Table<OfCase<SourceFile>, [string, string]>;
  settings: EntityTable<Setting, 'key'>;
};

/** Open the store with every schema version declared, so any older database upgrades in order. */
export function openDatabase(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]): ForesightDb {
  const db = new Dexie(name, options) as ForesightDb;
  for (const v of STORE_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

export const CASE_TABLES = ['blocks', 'blockKeys', 'allocations', 'staff', 'sources'] as const;
