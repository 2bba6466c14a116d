import type { Allocation } from '../schemas/allocation.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../schemas/snapshots.js';
import { rowKeyOf } from '../audit/rowKeys.js';
import { londonDateOfTime } from '../time/london.js';
import type { ReadFileItems, ReadFileResult } from './readFile.js';

/** Where each imported row goes in a case. */
export type TableName = 'records' | 'otherWork' | 'allocations' | 'workload' | 'teams';

/** Rows by where they go in a case. */
export type RowsByTable = Partial<Record<TableName, number>>;

const TABLE_WORDS: Record<TableName, [string, string]> = {
  records: ['case record', 'case records'],
  otherWork: ['other-work contact', 'other-work contacts'],
  workload: ['workload snapshot', 'workload snapshots'],
  teams: ['team snapshot', 'team snapshots'],
  allocations: ['allocation', 'allocations'],
};

/** Rows by table in words, in the order a reviewer reads them: `212 case records, 1,904 other-work contacts, …`. */
export function describeRows(rows: RowsByTable): string {
  const parts = (Object.keys(TABLE_WORDS) as TableName[])
    .filter((t) => (rows[t] ?? 0) > 0)
    .map((t) => `${(rows[t] as number).toLocaleString('en-GB')} ${TABLE_WORDS[t][rows[t] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : 'no rows';
}

/** Add rows to a tally by table. */
export function countInto(tally: RowsByTable, table: TableName, n = 1): void {
  tally[table] = (tally[table] ?? 0) + n;
}

export type StoredItem = CaseRecord | ContactRecord | Allocation | WorkloadSnapshot | TeamSnapshot;

/** A row of an import, with the key it is stored under in its case. */
export interface PlannedRow {
  table: TableName;
  key: string;
  item: StoredItem;
}

/** Where a contact belongs in a case: its CRN's contacts are the case's records, others its officers' other work. */
export const contactTable = (crn: string, contact: ContactRecord): 'records' | 'otherWork' => (contact.crn === crn ? 'records' : 'otherWork');

/** Route a file's rows into the case: its CRN's contacts and information, other CRNs' contacts as other work. */
export function routeRows(crn: string, result: ReadFileItems): { rows: PlannedRow[]; otherCaseRows: number } {
  const rows: PlannedRow[] = [];
  let otherCaseRows = 0;
  const add = (table: TableName, item: StoredItem) => rows.push({ table, key: rowKeyOf(table, item), item });
  switch (result.kind) {
    case 'contacts':
      for (const c of result.items) add(contactTable(crn, c), c);
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

export interface FileSummary {
  kind: ReadFileResult['kind'];
  /** Earliest and latest date the file's rows carry (London dates). */
  from: string | null;
  to: string | null;
  officers: string[];
}

/** What a file holds, for the preview, gathered a chunk at a time: its date range and the officers it names. */
export class FileSummariser {
  private from: string | null = null;
  private to: string | null = null;
  private readonly officers = new Set<string>();

  add(items: readonly StoredItem[]): void {
    for (const item of items) {
      const date = 'occurred' in item ? londonDateOfTime(item.occurred) : 'snapshotDate' in item ? item.snapshotDate : 'from' in item ? londonDateOfTime(item.from) : null;
      if (date && (this.from === null || date < this.from)) this.from = date;
      if (date && (this.to === null || date > this.to)) this.to = date;
      if ('staffCode' in item) this.officers.add(item.staffCode);
    }
  }

  summary(kind: ReadFileResult['kind']): FileSummary {
    return { kind, from: this.from, to: this.to, officers: [...this.officers].sort() };
  }
}
