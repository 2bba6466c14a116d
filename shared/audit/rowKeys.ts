import type { Allocation } from '../schemas/allocation.js';
import type { SourceFile } from '../schemas/bundle.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../schemas/snapshots.js';
import type { Staff } from '../schemas/staff.js';

/**
 * Row keys, defined once. A row is stored under its key within its table, and named in the audit trail by
 * `table:key` (`records:contact:123`, `workload:N07P012|2022-01-01`; the case's own row is `case`). These strings are
 * hashed into trails already written (docs/trail-format.md): they must never change, byte for byte.
 */
interface RowsOf {
  records: CaseRecord;
  otherWork: ContactRecord;
  allocations: Allocation;
  workload: WorkloadSnapshot;
  teams: TeamSnapshot;
  staff: Staff;
  sources: SourceFile;
}

/** A table whose rows carry a key; the case's own row is the one row that has none. */
export type KeyedTable = keyof RowsOf;

/** The trail's key of the case's own row. */
export const CASE_ROW = 'case';

/** The key a row is stored under in its table: a record's or allocation's id, a snapshot's holder and date. */
export function rowKeyOf(table: KeyedTable, row: RowsOf[KeyedTable]): string {
  switch (table) {
    case 'workload': {
      const w = row as WorkloadSnapshot;
      return `${w.staffCode}|${w.snapshotDate}`;
    }
    case 'teams': {
      const t = row as TeamSnapshot;
      return `${t.teamCode}|${t.snapshotDate}`;
    }
    case 'staff':
      return (row as Staff).code;
    case 'sources':
      return (row as SourceFile).sha256;
    default:
      return (row as CaseRecord | Allocation).id;
  }
}

/** The key the audit trail names a row by: its table, a colon, its key in that table. */
export const trailKey = (table: KeyedTable, key: string): string => `${table}:${key}`;

/** The table of a trail key (`records` of `records:contact:123`; the case's own row, `case`, is its own). */
export function tableOfTrailKey(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

/** An allocation's id: one officer holding one case from one date, however it was made (imported, entered, proposed). */
export const allocationId = (crn: string, staffCode: string, from: string): string => `allocation:${crn}:${staffCode}:${from}`;
