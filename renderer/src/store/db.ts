import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../../../shared/audit/trail.js';
import type { Allocation, Case, CaseRecord, SourceFile, Staff } from '../../../shared/schemas/index.js';
import type { Backup } from './backups.js';
import type { BlockKeys, BlockTable, RowBlock } from './blocks.js';
import { DATABASE_NAME, STORE_VERSIONS } from './schema.js';
import { sealingMiddleware, type Sealer } from './sealing.js';

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
  audit: Dexie.Table<OfCase<AuditEntry>, [string, number]>;
  backups: EntityTable<Backup, 'id'>;
  backupData: EntityTable<{ id: string; bytes: Uint8Array }, 'id'>;
  settings: EntityTable<Setting, 'key'>;
};

export interface OpenOptions {
  /** Seals every value with the store's data key (encryption at rest). Only tests of the store itself leave it out. */
  sealer?: Sealer;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Open the store with every schema version declared, so any older database upgrades in order. */
export function openDatabase(name = DATABASE_NAME, { sealer, ...options }: OpenOptions = {}): ForesightDb {
  const db = new Dexie(name, options) as ForesightDb;
  if (sealer) db.use(sealingMiddleware(sealer));
  for (const v of STORE_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

/** Everything stored under a case, its trail included. Its backups are kept apart: they outlive a restore. */
export const CASE_TABLES = ['blocks', 'blockKeys', 'allocations', 'staff', 'sources', 'audit'] as const;
