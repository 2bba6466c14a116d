import type { CaseData } from '../../../shared/engine/caseIndex.js';
import type { Allocation, Case, CaseRecord, ContactRecord, SourceFile, Staff, TeamSnapshot, WorkloadSnapshot } from '../../../shared/schemas/index.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { addHash } from '../../../shared/audit/rowSum.js';
import { rowDigest } from '../../../shared/audit/trail.js';
import { reviewFromRows } from '../../../shared/review/reviewRows.js';
import { trainingFromRows } from '../../../shared/training/trainingRows.js';
import type { CaseTrainingInput } from '../../../shared/training/walkthrough.js';
import type { ReviewInput } from '../../../shared/schemas/review.js';
import { lastEntry, readEntries, type StoredEntry } from './audit.js';
import { BLOCK_TABLES, readBlocks, type BlockTable, type RowBlock } from './blocks.js';
import { headEntryOf } from './storeHead.js';
import type { ForesightDb } from './types.js';

/** A stored row without the case id the store files it under. */
export const withoutCase = <T extends { caseId: string }>({ caseId: _, ...rest }: T) => rest;

/**
 * Everything stored under a case but the rows its trail entries recorded: what opening the case and checking its trail
 * on the way read, in one transaction so the parts agree.
 */
export interface HeldCase {
  case: Case;
  blocks: Record<BlockTable, RowBlock[]>;
  staff: Staff[];
  allocations: Allocation[];
  sources: SourceFile[];
  /** The trail's entries, oldest first. */
  entries: StoredEntry[];
  /** The hash of the newest entry the store's head names for this case (storeHead.ts), if it names one. */
  headEntry: string | undefined;
  /** The case's review as written, if it has one. */
  review: ReviewInput | undefined;
  /** The case's walkthrough and sessions as written, if it has any. */
  training: CaseTrainingInput | undefined;
}

export async function readHeld(db: ForesightDb, caseId: string): Promise<HeldCase | null> {
  return db.transaction('r', [db.cases, db.blocks, db.allocations, db.staff, db.sources, db.audit, db.settings, db.reviewItems, db.trainingItems], async () => {
    const found = await db.cases.get(caseId);
    if (!found) return null;
    const [blocks, staff, allocations, sources, entries, headEntry, reviewItems, trainingItems] = await Promise.all([
      Promise.all(BLOCK_TABLES.map((table) => readBlocks(db, caseId, table))),
      db.staff.where('caseId').equals(caseId).toArray(),
      db.allocations.where('caseId').equals(caseId).toArray(),
      db.sources.where('caseId').equals(caseId).toArray(),
      readEntries(db, caseId),
      headEntryOf(db, caseId),
      db.reviewItems.where('caseId').equals(caseId).toArray(),
      db.trainingItems.where('caseId').equals(caseId).toArray(),
    ]);
    return {
      case: found,
      blocks: Object.fromEntries(BLOCK_TABLES.map((table, i) => [table, blocks[i]])) as Record<BlockTable, RowBlock[]>,
      staff: staff.map(withoutCase) as Staff[],
      allocations: allocations.map(withoutCase) as Allocation[],
      sources: sources.map(withoutCase) as SourceFile[],
      entries,
      headEntry,
      review: reviewFromRows(reviewItems),
      training: trainingFromRows(trainingItems),
    };
  });
}

/** The rows of one of a held case's tables, in the order stored. */
export const heldRows = <T>(held: HeldCase, table: BlockTable): T[] => held.blocks[table].flatMap((b) => b.items as T[]);

/** Everything the engine needs of a held case. */
export function caseDataOf(held: HeldCase): CaseData & { case: Case } {
  return {
    case: held.case,
    records: heldRows<CaseRecord>(held, 'records'),
    otherWork: heldRows<ContactRecord>(held, 'otherWork'),
    workload: heldRows<WorkloadSnapshot>(held, 'workload'),
    teams: heldRows<TeamSnapshot>(held, 'teams'),
    staff: held.staff,
    allocations: held.allocations,
  };
}

/** Everything the engine needs of a stored case, without checking its trail. */
export async function loadCaseData(db: ForesightDb, caseId: string): Promise<(CaseData & { case: Case }) | null> {
  const held = await readHeld(db, caseId);
  return held && caseDataOf(held);
}

/** Each store's last case versions, with the sum each was worked out from (caseVersion). */
const versions = new WeakMap<ForesightDb, Map<string, { sum: string; version: string }>>();

/**
 * Changes whenever an import, an edit or a restore changes what the case holds: the signal to read it again. Every
 * such change is recorded in the trail, whose newest entry keeps the sum of the rows the case then holds; a change
 * to the trail alone (an export) leaves it as it was.
 */
export async function caseVersion(db: ForesightDb, caseId: string): Promise<string> {
  return db.transaction('r', [db.audit, db.reviewItems, db.trainingItems], async () => {
    const last = await lastEntry(db, caseId);
    if (!last) return '';
    // The same sum is the same rows, review and all: after a document is written, the answer is the one before, not
    // worked out again by unsealing every item of the review in the window (a fifth of a second for a long review).
    const rowSum = bytesToHex(last.rowSum);
    const known = versions.get(db)?.get(caseId);
    if (known?.sum === rowSum) return known.version;
    // The review's rows, and the walkthrough's, are taken out of the sum: writing them changes nothing the engine reads,
    // and must not have a 100,000-record case read and indexed again at every change saved.
    const sum = last.rowSum.slice();
    for (const item of await db.reviewItems.where('caseId').equals(caseId).toArray()) addHash(sum, hexToBytes(rowDigest(item.value)), -1);
    for (const item of await db.trainingItems.where('caseId').equals(caseId).toArray()) addHash(sum, hexToBytes(rowDigest(item.value)), -1);
    const version = bytesToHex(sum);
    versions.set(db, (versions.get(db) ?? new Map<string, { sum: string; version: string }>()).set(caseId, { sum: rowSum, version }));
    return version;
  });
}
