import { BUNDLE_SCHEMA_VERSION, type CaseBundle, type SourceFile } from '../schemas/bundle.js';
import type { Case } from '../schemas/case.js';
import type { ContactRecord, CaseRecord } from '../schemas/record.js';
import { compareByOccurred } from '../engine/chronologyOrder.js';
import { routeRows, type StoredItem } from './plan.js';
import type { ReadFileResult } from './readFile.js';
import { collectStaff } from './staff.js';

export interface ReadFileWithSource {
  result: ReadFileResult;
  sha256: string;
}

/**
 * Assemble a case from validated import files: the case's own contacts and information make its chronology;
 * contacts on other CRNs are its officers' other work. The caller has already refused files with errors.
 */
export function buildCaseBundle(caseInfo: Case, files: readonly ReadFileWithSource[]): CaseBundle {
  const records: CaseRecord[] = [];
  const otherWork: ContactRecord[] = [];
  const bundle: Omit<CaseBundle, 'staff'> = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    case: caseInfo,
    allocations: [],
    records,
    otherWork,
    workload: [],
    teams: [],
    sources: [],
    audit: [],
  };
  for (const { result, sha256 } of files) {
    if (!result.kind) continue;
    const source: SourceFile = { fileName: result.file, sha256, kind: result.kind, rows: result.rows };
    bundle.sources.push(source);
    // The import's own routing (routeRows), so a bundle holds exactly what an import of the same files stores.
    for (const { table, item } of routeRows(caseInfo.crn, result).rows) (bundle[table] as StoredItem[]).push(item);
  }
  records.sort(compareByOccurred);
  otherWork.sort(compareByOccurred);
  return { ...bundle, staff: collectStaff([...bundle.allocations, ...bundle.workload, ...bundle.records, ...bundle.otherWork]) };
}
