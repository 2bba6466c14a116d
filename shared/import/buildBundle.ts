import { BUNDLE_SCHEMA_VERSION, type CaseBundle, type SourceFile } from '../schemas/bundle.js';
import type { Case } from '../schemas/case.js';
import type { ContactRecord, CaseRecord } from '../schemas/record.js';
import type { Staff } from '../schemas/staff.js';
import { earliestInstant } from '../time/london.js';
import type { ReadFileResult } from './readFile.js';

export interface ReadFileWithSource {
  result: ReadFileResult;
  sha256: string;
}

/** Order records as a chronology reads: by the earliest they could have occurred, then by id. */
export function compareByOccurred(a: CaseRecord, b: CaseRecord): number {
  return earliestInstant(a.occurred) - earliestInstant(b.occurred) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The staff named anywhere in the files, with the fullest name and grade any source gives. */
function collectStaff(bundle: Omit<CaseBundle, 'staff'>): Staff[] {
  const staff = new Map<string, Staff>();
  const note = (code: string, name?: string, grade?: Staff['grade'], teamCode?: string) => {
    const s = staff.get(code) ?? { code, name: '' };
    if (name && !s.name) s.name = name;
    if (grade && !s.grade) s.grade = grade;
    if (teamCode && !s.teamCode) s.teamCode = teamCode;
    staff.set(code, s);
  };
  for (const a of bundle.allocations) note(a.staffCode, a.staffName, a.grade, a.teamCode);
  for (const w of bundle.workload) note(w.staffCode, w.omName, w.grade, w.teamCode);
  for (const r of [...bundle.records, ...bundle.otherWork]) {
    if (r.kind === 'contact') note(r.staffCode, r.staffName, r.staffGrade, r.teamCode);
  }
  return [...staff.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
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
  };
  for (const { result, sha256 } of files) {
    if (!result.kind) continue;
    const source: SourceFile = { fileName: result.file, sha256, kind: result.kind, rows: result.rows };
    bundle.sources.push(source);
    const ofCase = <T extends { crn: string }>(items: T[]) => items.filter((i) => i.crn === caseInfo.crn);
    switch (result.kind) {
      case 'contacts':
        for (const c of result.items) (c.crn === caseInfo.crn ? records : otherWork).push(c);
        break;
      case 'information':
        records.push(...ofCase(result.items));
        break;
      case 'allocations':
        bundle.allocations.push(...ofCase(result.items));
        break;
      case 'workload':
        bundle.workload.push(...result.items);
        break;
      case 'team':
        bundle.teams.push(...result.items);
        break;
    }
  }
  records.sort(compareByOccurred);
  otherWork.sort(compareByOccurred);
  return { ...bundle, staff: collectStaff(bundle) };
}
