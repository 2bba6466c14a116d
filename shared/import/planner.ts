import { isTransferContact } from '../domain/allocationProposals.js';
import type { ContactRecord } from '../schemas/record.js';
import { trailKey } from '../audit/rowKeys.js';
import { earliestInstant } from '../time/london.js';
import { contentOf, countInto, type ChangedRow, type PlannedRow, type RowsByTable, type StoredItem, type TableName } from './plan.js';

/** The keys a case holds in a table (a set, or a map from key to where it is stored). */
export interface HeldKeys {
  has(key: string): boolean;
  readonly size: number;
}

/** Per file: how its rows compare with what the case held before the import. */
export interface FileTally {
  added: number;
  /** The new rows by where they go in the case. */
  addedByTable: RowsByTable;
  unchanged: number;
  changed: ChangedRow[];
}

/**
 * Plans an import a chunk at a time against what the case already holds: a row is new, the same as stored
 * (re-importing changes nothing), or different (listed for the user; never overwritten silently). A row repeated
 * in a later file of the same import counts once. Keeps only keys, counts and changed rows, never the rows.
 */
export class ImportPlanner {
  private readonly planned = new Set<string>();
  private filePlanned: string[] = [];
  private tally: FileTally = { added: 0, addedByTable: {}, unchanged: 0, changed: [] };
  /** The transfer contacts and the earliest case contact: what allocation proposals are read from. */
  readonly transfers: ContactRecord[] = [];
  earliestContact: ContactRecord | null = null;
  allocationsInImport = false;

  constructor(private readonly existing: ReadonlyMap<TableName, HeldKeys>) {}

  /** Start the next file: the rows planned so far stay planned, so a later repeat of them counts once. */
  startFile(): void {
    this.filePlanned = [];
    this.tally = { added: 0, addedByTable: {}, unchanged: 0, changed: [] };
  }

  /** Start the current file again (when it must be re-read): its rows so far are forgotten. */
  restartFile(): void {
    for (const id of this.filePlanned) this.planned.delete(id);
    this.startFile();
  }

  /** Take a chunk's rows; returns those the case already holds under the same key, to be compared. */
  plan(rows: readonly PlannedRow[]): Map<TableName, PlannedRow[]> {
    const toCompare = new Map<TableName, PlannedRow[]>();
    for (const row of rows) {
      const id = trailKey(row.table, row.key);
      if (this.planned.has(id)) {
        this.tally.unchanged++;
        continue;
      }
      this.planned.add(id);
      this.filePlanned.push(id);
      this.note(row);
      if (!this.existing.get(row.table)?.has(row.key)) {
        this.tally.added++;
        countInto(this.tally.addedByTable, row.table);
        continue;
      }
      const list = toCompare.get(row.table);
      if (list) list.push(row);
      else toCompare.set(row.table, [row]);
    }
    return toCompare;
  }

  /** Compare rows with what is stored under their keys. */
  compare(table: TableName, candidates: readonly PlannedRow[], stored: ReadonlyMap<string, StoredItem>): void {
    for (const c of candidates) {
      const before = stored.get(c.key);
      if (before && contentOf(before) !== contentOf(c.item)) this.tally.changed.push({ table, key: c.key, before, after: c.item });
      else this.tally.unchanged++;
    }
  }

  fileTally(): FileTally {
    return this.tally;
  }

  /** Whether a row is written at Accept: new to the case, and not already written from an earlier file. */
  static isNew(existing: ReadonlyMap<TableName, HeldKeys>, row: PlannedRow): boolean {
    return !existing.get(row.table)?.has(row.key);
  }

  private note(row: PlannedRow): void {
    if (row.table === 'allocations') this.allocationsInImport = true;
    if (row.table !== 'records' || !('kind' in row.item) || row.item.kind !== 'contact') return;
    if (isTransferContact(row.item)) this.transfers.push(row.item);
    if (!this.earliestContact || earliestInstant(row.item.occurred) < earliestInstant(this.earliestContact.occurred)) this.earliestContact = row.item;
  }
}
