import type { CaseData } from '../../../shared/engine/caseIndex.js';
import type { Allocation, Case, CaseRecord, ContactRecord, Staff, TeamSnapshot, WorkloadSnapshot } from '../../../shared/schemas/index.js';
import { readRows } from './blocks.js';
import type { ForesightDb } from './db.js';

/** A stored row without the case id the store files it under. */
export const withoutCase = <T extends { caseId: string }>({ caseId: _, ...rest }: T) => rest;

/** Everything the engine needs of a stored case, read in one transaction so the parts agree. */
export async function loadCaseData(db: ForesightDb, caseId: string): Promise<(CaseData & { case: Case }) | null> {
  return db.transaction('r', [db.cases, db.blocks, db.allocations, db.staff], async () => {
    const found = await db.cases.get(caseId);
    if (!found) return null;
    const [records, otherWork, workload, teams, staff, allocations] = await Promise.all([
      readRows<CaseRecord>(db, caseId, 'records'),
      readRows<ContactRecord>(db, caseId, 'otherWork'),
      readRows<WorkloadSnapshot>(db, caseId, 'workload'),
      readRows<TeamSnapshot>(db, caseId, 'teams'),
      db.staff.where('caseId').equals(caseId).toArray(),
      db.allocations.where('caseId').equals(caseId).toArray(),
    ]);
    return { case: found, records, otherWork, workload, teams, staff: staff.map(withoutCase) as Staff[], allocations: allocations.map(withoutCase) as Allocation[] };
  });
}

/** Changes whenever an import or an edit changes what the case holds: the signal to read it again. */
export async function caseVersion(db: ForesightDb, caseId: string): Promise<string> {
  const counts = await Promise.all([db.blockKeys, db.allocations, db.sources, db.staff].map((t) => t.where('caseId').equals(caseId).count()));
  return counts.join(':');
}
