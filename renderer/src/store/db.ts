import Dexie, { type EntityTable } from 'dexie';
import type { Allocation, Case, CaseRecord, ContactRecord, SourceFile, Staff, TeamSnapshot, WorkloadSnapshot } from '../../../shared/schemas/index.js';
import { DATABASE_NAME, STORE_VERSIONS } from './schema.js';

/** Every stored row carries its case; records also their earliest occurred instant, for ordering and ranges. */
type OfCase<T> = T & { caseId: string };
export type StoredRecord = OfCase<CaseRecord> & { occurredAt: number };
export type StoredContact = OfCase<ContactRecord> & { occurredAt: number };

export interface Setting {
  key: string;
  value: unknown;
}

export type ForesightDb = Dexie & {
  cases: EntityTable<Case, 'id'>;
  records: Dexie.Table<StoredRecord, [string, string]>;
  allocations: Dexie.Table<OfCase<Allocation>, [string, string]>;
  staff: Dexie.Table<OfCase<Staff>, [string, string]>;
  workload: Dexie.Table<OfCase<WorkloadSnapshot>, [string, string, string]>;
  teams: Dexie.Table<OfCase<TeamSnapshot>, [string, string, string]>;
  otherWork: Dexie.Table<StoredContact, [string, string]>;
  sources: Dexie.Table<OfCase<SourceFile>, [string, string]>;
  settings: EntityTable<Setting, 'key'>;
};

/** Open the store with every schema version declared, so any older database upgrades in order. */
export function openDatabase(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]): ForesightDb {
  const db = new Dexie(name, options) as ForesightDb;
  for (const v of STORE_VERSIONS) db.version(v.version).stores(v.stores);
  return db;
}

export const CASE_TABLES = ['records', 'allocations', 'staff', 'workload', 'teams', 'otherWork', 'sources'] as const;
