import Dexie, { type EntityTable } from 'dexie';
import type { Signer } from '../../../shared/audit/signatures.js';
import type { Allocation, Case, CaseRecord, SourceFile, Staff } from '../../../shared/schemas/index.js';
import type { EntryRows, StoredEntry } from './audit.js';
import type { Backup } from './backups.js';
import type { BlockKeys, BlockTable, RowBlock } from './blocks.js';
import { CLEAR_ROW_FIELDS } from './clearFields.js';
import { DATABASE_NAME, STORE_VERSIONS } from './schema.js';
import { sealingMiddleware, type Sealer, type SealingLayout } from './sealing.js';

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
  audit: Dexie.Table<StoredEntry, [string, number]>;
  auditRows: Dexie.Table<EntryRows, [string, string, number]>;
  signers: Dexie.Table<OfCase<Signer>, [string, string]>;
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

/**
 * What an encrypted store keeps in the clear besides keys: rows' structured fields (clearFields.ts), and the row ids
 * of each block, which an import reads to find the rows it already has without opening them.
 */
const SEALING_LAYOUT: SealingLayout = {
  rowLists: { blocks: { field: 'items', clear: CLEAR_ROW_FIELDS } },
  clearFields: { blockKeys: ['keys'] },
};

/** Open the store with every schema version declared, so any older database upgrades in order. */
export function openDatabase(name = DATABASE_NAME, { sealer, ...options }: OpenOptions = {}): ForesightDb {
  const db = new Dexie(name, options) as ForesightDb;
  if (sealer) db.use(sealingMiddleware(sealer, SEALING_LAYOUT));
  for (const v of STORE_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

/** Everything stored under a case, its trail included. Its backups are kept apart: they outlive a restore. */
export const CASE_TABLES = ['blocks', 'blockKeys', 'allocations', 'staff', 'sources', 'audit', 'auditRows', 'signers'] as const;
