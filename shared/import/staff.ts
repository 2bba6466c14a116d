import type { Allocation } from '../schemas/allocation.js';
import type { CaseRecord } from '../schemas/record.js';
import type { WorkloadSnapshot } from '../schemas/snapshots.js';
import type { Staff } from '../schemas/staff.js';

/** The staff named anywhere in imported rows, with the fullest name, grade and team any row gives. */
export function collectStaff(items: Iterable<Allocation | WorkloadSnapshot | CaseRecord | object>): Staff[] {
  const staff = new Map<string, Staff>();
  const note = (code: string, name?: string, grade?: Staff['grade'], teamCode?: string) => {
    const s = staff.get(code) ?? { code, name: '' };
    if (name && !s.name) s.name = name;
    if (grade && !s.grade) s.grade = grade;
    if (teamCode && !s.teamCode) s.teamCode = teamCode;
    staff.set(code, s);
  };
  for (const item of items) {
    if ('cover' in item) note(item.staffCode, item.staffName, item.grade, item.teamCode);
    else if ('capacityPct' in item) note(item.staffCode, item.omName, item.grade, item.teamCode);
    else if ('kind' in item && item.kind === 'contact') note(item.staffCode, item.staffName, item.staffGrade, item.teamCode);
  }
  return [...staff.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
