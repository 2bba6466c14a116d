import type { Transaction } from 'dexie';
import { rowsIntoBlocks } from './migrations/v2RowsIntoBlocks.js';
import { startTrails } from './migrations/v4StartTrails.js';
import { digestsBesideRows } from './migrations/v5DigestsBesideRows.js';
import { rowSumsBesideRows } from './migrations/v6RowSumsBesideRows.js';
import { sealAfresh } from './migrations/v8SealAfresh.js';

/**
 * Every version of the store's schema, oldest first. A version is never edited once released: a change is a new
 * entry with an upgrade, and tests/store/migrations.test.ts opens a database written at every earlier version.
 */
export interface StoreVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Moves data written by the version before into this version's shape, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const STORE_VERSIONS: readonly StoreVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, crn',
      records: '[caseId+id], [caseId+occurredAt], caseId',
      allocations: '[caseId+id], caseId',
      staff: '[caseId+code], caseId',
      workload: '[caseId+staffCode+snapshotDate], [caseId+snapshotDate], caseId',
      teams: '[caseId+teamCode+snapshotDate], caseId',
      otherWork: '[caseId+id], [caseId+staffCode+occurredAt], caseId',
      sources: '[caseId+sha256], caseId',
      settings: 'key',
    },
  },
  {
    // A case's many rows in blocks (see blocks.ts): one value per row made a 100,000-row import take over 20 s.
    version: 2,
    stores: {
      blocks: '[caseId+table+block], caseId',
      blockKeys: '[caseId+table+block], caseId',
    },
    upgrade: rowsIntoBlocks,
  },
  {
    // The per-row tables, emptied into blocks by version 2, are dropped (Dexie reads a table only before the version that deletes it).
    version: 3,
    stores: { records: null, otherWork: null, workload: null, teams: null },
  },
  {
    // The audit trail and backups. The case's CRN is no longer an index: indexes are kept in the clear when the store
    // is encrypted, so they hold only ids, times and kinds.
    version: 4,
    stores: { cases: 'id', audit: '[caseId+seq], caseId', backups: 'id, caseId', backupData: 'id' },
    upgrade: startTrails,
  },
  {
    // Each block's keys gain its rows' content hashes, and every value is sealed afresh in version 5's form.
    version: 5,
    stores: {},
    upgrade: digestsBesideRows,
  },
  {
    // Each block carries the sum of its rows' hashes, and each trail entry the sum of the rows the case holds after
    // it, with the rows it recorded kept apart: opening a case checks its trail by adding up sums (rowSum.ts).
    version: 6,
    stores: { auditRows: '[caseId+table+seq], caseId' },
    upgrade: rowSumsBesideRows,
  },
  {
    // The name and public key of everyone who signed an entry of a case's trail, kept with the case so that a case
    // received signed goes out again with its signers (a case file carries them).
    version: 7,
    stores: { signers: '[caseId+publicKey], caseId' },
  },
  {
    // Every value sealed afresh: the fields kept in the clear are authenticated with the sealed part, and who knew
    // what and when is sealed (sealing.ts, clearFields.ts).
    version: 8,
    stores: {},
    upgrade: sealAfresh,
  },
  {
    // A case's review: its own fields and each item of its lists (episodes, findings, factors...), one row each, as
    // the trail names them (shared/review/reviewRows.ts).
    version: 9,
    stores: { reviewItems: '[caseId+key], caseId' },
  },
  {
    // A case's walkthrough and its training sessions, one row each, as the trail names them
    // (shared/training/trainingRows.ts). A new table: nothing to move.
    version: 10,
    stores: { trainingItems: '[caseId+key], caseId' },
  },
];

export const DATABASE_NAME = 'foresight';
