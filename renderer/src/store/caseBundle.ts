import { BUNDLE_SCHEMA_VERSION, type CaseBundle, type SourceFile } from '../../../shared/schemas/index.js';
import { readTrail } from './audit.js';
import { loadCaseData, withoutCase } from './caseData.js';
import type { ForesightDb } from './db.js';

/** A stored case as a bundle: everything it holds and its audit trail, read in one transaction so they agree. */
export async function caseBundleOf(db: ForesightDb, caseId: string): Promise<CaseBundle | null> {
  return db.transaction('r', [db.cases, db.blocks, db.allocations, db.staff, db.sources, db.audit], async () => {
    const [data, sources, audit] = await Promise.all([loadCaseData(db, caseId), db.sources.where('caseId').equals(caseId).toArray(), readTrail(db, caseId)]);
    if (!data) return null;
    const { case: found, records, otherWork, workload, teams, staff, allocations } = data;
    return {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      case: found,
      records: [...records],
      otherWork: [...otherWork],
      workload: [...workload],
      teams: [...teams],
      staff: [...staff],
      allocations: [...allocations],
      sources: sources.map(withoutCase) as SourceFile[],
      audit,
    };
  });
}
