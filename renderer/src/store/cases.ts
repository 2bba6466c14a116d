import type { Case, CaseBundle } from '../../../shared/schemas/index.js';
import { storeKey } from '../../../shared/import/plan.js';
import { BLOCK_TABLES, BlockWriter, countRows } from './blocks.js';
import { CASE_TABLES, type ForesightDb } from './db.js';

export function listCases(db: ForesightDb): Promise<Case[]> {
  return db.cases.orderBy('crn').toArray();
}

export function countRecords(db: ForesightDb, caseId: string): Promise<number> {
  return countRows(db, caseId, 'records');
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

/**
 * Store a whole case in one transaction: if anything fails, nothing of it is stored.
 * Putting the same bundle again changes nothing: the case's rows are replaced, not added to.
 */
export async function storeCaseBundle(db: ForesightDb, bundle: CaseBundle): Promise<void> {
  const caseId = bundle.case.id;
  const withCase = <T extends object>(items: T[]) => items.map((item) => ({ ...item, caseId }));
  await db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t])], async () => {
    await db.cases.put(bundle.case);
    await db.blocks.where('caseId').equals(caseId).delete();
    await db.blockKeys.where('caseId').equals(caseId).delete();
    const blocks = new BlockWriter(db, caseId);
    for (const table of BLOCK_TABLES) await blocks.append(table, bundle[table].map((item) => ({ key: storeKey(table, item), item })));
    await db.allocations.bulkPut(withCase(bundle.allocations));
    await db.staff.bulkPut(withCase(bundle.staff));
    await db.sources.bulkPut(withCase(bundle.sources));
  });
}
