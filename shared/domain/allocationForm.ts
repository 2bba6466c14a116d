import { allocationId } from '../audit/rowKeys.js';
import { parseDate } from '../import/dates.js';
import type { Allocation } from '../schemas/allocation.js';
import { StaffCode } from '../schemas/common.js';

/** One allocation as a reviewer edits it: dates as typed. */
export interface AllocationFields {
  staffCode: string;
  staffName: string;
  from: string;
  to: string;
  cover: boolean;
  reason: string;
}

export type AllocationFieldErrors = Partial<Record<'staffCode' | 'from' | 'to', string>>;

/** Check allocations a reviewer confirmed or edited; every problem is named against its row and field. */
export function validateAllocations(
  crn: string,
  rows: readonly AllocationFields[],
): { ok: true; allocations: Allocation[] } | { ok: false; errors: AllocationFieldErrors[] } {
  const errors: AllocationFieldErrors[] = rows.map(() => ({}));
  const allocations: Allocation[] = [];
  rows.forEach((row, i) => {
    const e = errors[i] as AllocationFieldErrors;
    const code = row.staffCode.trim().toUpperCase();
    if (!StaffCode.safeParse(code).success) e.staffCode = 'Enter a staff code of 7 letters or digits';
    const from = parseDate(row.from);
    if (!from.ok) e.from = 'Enter the date the allocation started, like 01/02/2023';
    const to = row.to.trim() ? parseDate(row.to) : null;
    if (to && !to.ok) e.to = 'Enter a real date, or leave blank if still held';
    if (from.ok && to?.ok && to.value < from.value) e.to = 'The end date must be on or after the start date';
    if (Object.keys(e).length > 0 || !from.ok) return;
    allocations.push({
      id: allocationId(crn, code, from.value),
      crn,
      staffCode: code,
      ...(row.staffName.trim() ? { staffName: row.staffName.trim() } : {}),
      from: { value: from.value, precision: 'day' },
      to: to?.ok ? { value: to.value, precision: 'day' } : null,
      cover: row.cover,
      ...(row.reason.trim() ? { reason: row.reason.trim() } : {}),
    });
  });
  return errors.some((e) => Object.keys(e).length > 0) ? { ok: false, errors } : { ok: true, allocations };
}
