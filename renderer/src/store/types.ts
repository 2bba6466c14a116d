import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { Signer } from '../../../shared/audit/signatures.js';
import type { AuditEntry } from '../../../shared/audit/trail.js';
import type { RowSum } from '../../../shared/audit/rowSum.js';
import type { StoredItem } from '../../../shared/import/plan.js';
import type { Allocation, Case, SourceFile, Staff } from '../../../shared/schemas/index.js';

/**
 * The store's tables and the shape of what each holds: a leaf module, so that every part of the store can name them
 * without importing another part (and no part imports back into db.ts).
 */

/** Every stored row carries its case. */
export type OfCase<T> = T & { caseId: string };

export interface Setting {
  key: string;
  value: unknown;
}

/** A case's many rows are stored in blocks (blocks.ts): these are the tables they hold. */
export const BLOCK_TABLES = ['records', 'otherWork', 'workload', 'teams'] as const;
export type BlockTable = (typeof BLOCK_TABLES)[number];

export interface RowBlock {
  caseId: string;
  table: BlockTable;
  block: number;
  items: StoredItem[];
  /** The sum of the content hashes of its rows. */
  rowSum: RowSum;
}

export interface BlockKeys {
  caseId: string;
  table: BlockTable;
  block: number;
  /** The rows' keys, in the same order as the block's items. */
  keys: string[];
}

/**
 * A trail entry as the store keeps it: without the rows it recorded, which are kept apart (EntryRows), since an
 * import's entry records 100,000 of them and the entries are read whenever a case opens. With it:
 * - `recorded`: which tables its rows are kept under and how many there are (absent when it recorded none);
 * - `rowSum`: the sum of the hashes of every row the case holds once this entry is made (shared/audit/rowSum.ts).
 */
export type StoredEntry = Omit<AuditEntry, 'rows'> & { caseId: string; rowSum: RowSum; recorded?: { tables: string[]; rows: number; removed?: number } };

/** The rows an entry recorded in one table: their keys, and their hashes packed 32 bytes each. */
export interface EntryRows {
  caseId: string;
  table: string;
  seq: number;
  keys: string[];
  digests: Uint8Array;
}

export type BackupReason = 'import' | 'daily' | 'beforeRestore';

/** A copy of a whole case, its trail included, kept in the (encrypted) store. Its bytes are kept apart, in backupData. */
export interface Backup {
  id: string;
  caseId: string;
  /** When, as an ISO instant. */
  at: string;
  reason: BackupReason;
  title: string;
  crn: string;
  records: number;
  entries: number;
  /** Size of the compressed copy, in bytes. */
  size: number;
}

/**
 * One row of a case's review (its own fields, or one item of a list), under the key the trail names it by
 * (shared/review/reviewRows.ts), with its place in its list.
 */
export interface ReviewItemRow {
  caseId: string;
  key: string;
  position: number;
  value: unknown;
}

/** One row of a case's walkthrough or sessions, under the key the trail names it by (shared/training/trainingRows.ts). */
export interface TrainingItemRow {
  caseId: string;
  key: string;
  value: unknown;
}

/** The store's head as the keyring keeps it beside the key, with its MAC (storeHead.ts). */
export interface HeadGuard {
  id: 'store';
  head: number;
  mac: Uint8Array;
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
  reviewItems: Dexie.Table<ReviewItemRow, [string, string]>;
  trainingItems: Dexie.Table<TrainingItemRow, [string, string]>;
  backups: EntityTable<Backup, 'id'>;
  backupData: EntityTable<{ id: string; bytes: Uint8Array }, 'id'>;
  settings: EntityTable<Setting, 'key'>;
};

/** Everything stored under a case, its trail included. Its backups are kept apart: they outlive a restore. */
export const CASE_TABLES = ['blocks', 'blockKeys', 'allocations', 'staff', 'sources', 'audit', 'auditRows', 'signers', 'reviewItems', 'trainingItems'] as const;
