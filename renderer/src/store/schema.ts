/**
 * Every version of the store's schema, oldest first. A version is never edited once released: a change is a new
 * entry with an upgrade, and tests/store/migrations.test.ts opens a database written at every earlier version.
 */
export interface StoreVersion {
  version: number;
  stores: Record<string, string | null>;
}

export const STORE_VERSIONS: readonly StoreVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, crn',
      // [caseId+occurredAt] serves time-range queries (a chronology page, everything before a moment).
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
];

export const DATABASE_NAME = 'foresight';
