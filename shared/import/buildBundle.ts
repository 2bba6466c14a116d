import { BUNDLE_SCHEMA_VERSION, type CaseBundle, type SourceFile } from '../schemas/bundle.js';
import type { Case } from '../schemas/case.js';
import type { ContactRecord, CaseRecord } from '../schemas/record.js';
import { earliestInstant } from '../time/london.js';
import { contactTable } from './plan.js';
import type { ReadFileResult } from './readFile.js';
import { collectStaff } from './staff.js';

export interface ReadFileWithSource {
  result: ReadFileResult;
  sha256: string;
}

/** Order records as a chronology reads: by the earliest they could have occurred, then by id. */
export function compareByOccurred(a: CaseRecord, b: CaseRecord): number {
  return earliestInstant(a.occurred) - earliestInstant(b.occurred) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
    const ofCase = <T extends { crn: string }>(items: T[]) => items.filter((i) => i.crn === caseInfo.crn);
    // A loop, not push(...items): spreading 100,000 arguments overflows the stack.
    const append = <T>(target: T[], items: readonly T[]) => {
      for (const item of items) target.push(item);
    };
    switch (result.kind) {
      case 'contacts':
        for (const c of result.items) (contactTable(caseInfo.crn, c) === 'records' ? records : otherWork).push(c);
        break;
      case 'information':
        append(records, ofCase(result.items));
        break;
      case 'allocations':
        append(bundle.allocations, ofCase(result.items));
        break;
      case 'workload':
        append(bundle.workload, result.items);
        break;
      case 'team':
        append(bundle.teams, result.items);
        break;
    }
  }
  records.sort(compareByOccurred);
  otherWork.sort(compareByOccurred);
  return { ...bundle, staff: collectStaff([...bundle.allocations, ...bundle.workload, ...bundle.records, ...bundle.otherWork]) };
}
