import type { Allocation } from '../schemas/allocation.js';
import type { SourceFile } from '../schemas/bundle.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../schemas/snapshots.js';
import { londonDateOfTime } from '../time/london.js';
import type { ReadFileResult } from './readFile.js';

/** Where each imported row goes in a case. */
export type TableName = 'records' | 'otherWork' | 'allocations' | 'workload' | 'teams';

export type StoredItem = CaseRecord | ContactRecord | Allocation | WorkloadSnapshot | TeamSnapshot;

/** A row of an import, with the key it is stored under in its case. */
export interface PlannedRow {
  table: TableName;
  key: string;
  item: StoredItem;
}

export function storeKey(table: TableName, item: StoredItem): string {
  if (table === 'workload') return `${(item as WorkloadSnapshot).staffCode}|${(item as WorkloadSnapshot).snapshotDate}`;
  if (table === 'teams') return `${(item as TeamSnapshot).teamCode}|${(item as TeamSnapshot).snapshotDate}`;
  return (item as { id: string }).id;
}

/** Route a file's rows into the case: its CRN's contacts and information, other CRNs' contacts as other work. */
export function routeRows(crn: string, result: ReadFileResult): { rows: PlannedRow[]; otherCaseRows: number } {
  const rows: PlannedRow[] = [];
  let otherCaseRows = 0;
  const add = (table: TableName, item: StoredItem) => rows.push({ table, key: storeKey(table, item), item });
  switch (result.kind) {
    case 'contacts':
      for (const c of result.items) add(c.crn === crn ? 'records' : 'otherWork', c);
      break;
    case 'information':
      for (const i of result.items) {
        if (i.crn === crn) add('records', i);
        else otherCaseRows++;
      }
      break;
    case 'allocations':
      for (const a of result.items) {
        if (a.crn === crn) add('allocations', a);
        else otherCaseRows++;
      }
      break;
    case 'workload':
      for (const w of result.items) add('workload', w);
      break;
    case 'team':
      for (const t of result.items) add('teams', t);
      break;
  }
  return { rows, otherCaseRows };
}

/** A row's content without where it came from: the same fact from another file is the same fact. */
export function contentOf(item: StoredItem): string {
  const { provenance: _, ...content } = item as StoredItem & { provenance?: unknown };
  return JSON.stringify(content, Object.keys(content).sort());
}

export interface ChangedRow {
  table: TableName;
  key: string;
  before: StoredItem;
  after: StoredItem;
}

export interface ImportPlan {
  added: PlannedRow[];
  unchanged: number;
  changed: ChangedRow[];
}

/**
 * Compare an import with what the case already holds: new rows are added, identical rows change nothing (so
 * re-importing a file is idempotent), and rows whose content differs are listed for the user to accept or reject.
 */
export function planImport(rows: readonly PlannedRow[], stored: ReadonlyMap<string, StoredItem>): ImportPlan {
  const plan: ImportPlan = { added: [], unchanged: 0, changed: [] };
  for (const row of rows) {
    const before = stored.get(`${row.table}:${row.key}`);
    if (!before) plan.added.push(row);
    else if (contentOf(before) === contentOf(row.item)) plan.unchanged++;
    else plan.changed.push({ table: row.table, key: row.key, before, after: row.item });
  }
  return plan;
}

export interface FileSummary {
  kind: ReadFileResult['kind'];
  /** Earliest and latest date the file's rows carry (London dates). */
  from: string | null;
  to: string | null;
  officers: string[];
}

/** What a file holds, for the preview: its date range and the officers it names. */
export function summariseFile(result: ReadFileResult): FileSummary {
  const dates: string[] = [];
  const officers = new Set<string>();
  for (const item of result.items as StoredItem[]) {
    if ('occurred' in item) dates.push(londonDateOfTime(item.occurred));
    else if ('snapshotDate' in item) dates.push(item.snapshotDate);
    else if ('from' in item) dates.push(londonDateOfTime(item.from));
    if ('staffCode' in item) officers.add(item.staffCode);
  }
  dates.sort();
  return { kind: result.kind, from: dates[0] ?? null, to: dates[dates.length - 1] ?? null, officers: [...officers].sort() };
}

export function sourceFileOf(result: ReadFileResult, sha256: string): SourceFile | null {
  return result.kind ? { fileName: result.file, sha256, kind: result.kind, rows: result.rows } : null;
}
