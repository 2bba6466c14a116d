import type { Case, CaseBundle, CaseRecord } from '../../../shared/schemas/index.js';
import { earliestInstant } from '../../../shared/time/london.js';
import { CASE_TABLES, type ForesightDb, type StoredRecord } from './db.js';

const WRITE_CHUNK = 5000;

export function listCases(db: ForesightDb): Promise<Case[]> {
  return db.cases.orderBy('crn').toArray();
}

export async function countRecords(db: ForesightDb, caseId: string): Promise<number> {
  return db.records.where('caseId').equals(caseId).count();
}

function chronologyRange(db: ForesightDb, caseId: string) {
  return db.records.where('[caseId+occurredAt]').between([caseId, -Infinity], [caseId, Infinity]);
}

/** The case's chronology in time order, from the [caseId+occurredAt] index. */
export function chronology(db: ForesightDb, caseId: string): Promise<StoredRecord[]> {
  return chronologyRange(db, caseId).toArray();
}

/** One slice of the chronology in time order: `count` records starting at position `from`. */
export function chronologySlice(db: ForesightDb, caseId: string, from: number, count: number): Promise<StoredRecord[]> {
  return chronologyRange(db, caseId).offset(from).limit(count).toArray();
}

export async function createCase(db: ForesightDb, c: Case): Promise<void> {
  await db.cases.add(c);
}

export async function renameCase(db: ForesightDb, caseId: string, title: string): Promise<void> {
  const updated = await db.cases.update(caseId, { title });
  if (updated === 0) throw new Error('That case no longer exists.');
}

/** Delete a case and everything stored with it, in one transaction: either all of it goes or none of it. */
export async function deleteCase(db: ForesightDb, caseId: string): Promise<void> {
  await db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t])], async () => {
    for (const t of CASE_TABLES) await db[t].where('caseId').equals(caseId).delete();
    await db.cases.delete(caseId);
  });
}

async function putInChunks<T>(table: { bulkPut(items: T[]): Promise<unknown> }, items: T[]): Promise<void> {
  for (let i = 0; i < items.length; i += WRITE_CHUNK) await table.bulkPut(items.slice(i, i + WRITE_CHUNK));
}

/**
 * Store a whole case in one transaction, written in chunks: if anything fails, nothing of it is stored.
 * Putting the same bundle again changes nothing (rows are keyed by case and id).
 */
export async function storeCaseBundle(db: ForesightDb, bundle: CaseBundle): Promise<void> {
  const caseId = bundle.case.id;
  const withCase = <T extends object>(items: T[]) => items.map((item) => ({ ...item, caseId }));
  const withTime = <T extends { occurred: CaseRecord['occurred'] }>(items: T[]) =>
    items.map((item) => ({ ...item, caseId, occurredAt: earliestInstant(item.occurred) }));
  await db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t])], async () => {
    await db.cases.put(bundle.case);
    await putInChunks(db.records, withTime(bundle.records));
    await putInChunks(db.otherWork, withTime(bundle.otherWork));
    await putInChunks(db.allocations, withCase(bundle.allocations));
    await putInChunks(db.staff, withCase(bundle.staff));
    await putInChunks(db.workload, withCase(bundle.workload));
    await putInChunks(db.teams, withCase(bundle.teams));
    await putInChunks(db.sources, withCase(bundle.sources));
  });
}
