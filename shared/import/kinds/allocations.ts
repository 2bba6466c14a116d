import { allocationId } from '../../audit/rowKeys.js';
import type { Allocation } from '../../schemas/allocation.js';
import type { Provenance } from '../../schemas/common.js';
import { latestInstant, earliestInstant } from '../../time/london.js';
import { assignDefined, type RowReader } from '../rowReader.js';

const CRN = /^[A-Z]\d{6}$/;
const STAFF = /^[A-Z0-9]{7}$/;

/** Who held the case from when to when; `cover: Y` marks caretaking. */
export function readAllocation(r: RowReader, provenance: Provenance): Allocation | undefined {
  const crn = r.pattern('crn', CRN, 'not a CRN (a letter and six digits)', true);
  const staffCode = r.pattern('staff_code', STAFF, 'not a staff code (7 letters or digits)', true);
  const from = r.dateTime('from', true);
  const to = r.dateTime('to', false);
  const cover = r.yesNo('cover');
  if (from && to && latestInstant(to) < earliestInstant(from)) r.error('to', 'ends before it starts');
  if (r.errors.length > 0 || !crn || !staffCode || !from) return undefined;
  const allocation: Allocation = {
    id: allocationId(crn, staffCode, from.value),
    crn,
    staffCode,
    from,
    to: to ?? null,
    cover: cover ?? false,
    provenance,
  };
  return assignDefined(allocation, { staffName: r.text('staff_name'), grade: r.grade('grade'), teamCode: r.text('team_code'), reason: r.text('reason') });
}
