import type { Provenance } from '../../schemas/common.js';
import { PROBATION, type ContactRecord } from '../../schemas/record.js';
import type { TimeValue } from '../../time/precision.js';
import { GAP_WARNING, localDateTime, skippedByClockChange } from '../dates.js';
import { assignDefined, type RowReader } from '../rowReader.js';

const CRN = /^[A-Z]\d{6}$/;
const STAFF = /^[A-Z0-9]{7}$/;

/**
 * One nDelius contact. Occurred: `start_datetime`, else date + start time, else the date (day precision).
 * Recorded: `created_datetime`, else the occurred time.
 */
export function readContact(r: RowReader, provenance: Provenance): ContactRecord | undefined {
  const crn = r.pattern('crn', CRN, 'not a CRN (a letter and six digits)', true);
  const contactId = r.required('contact_id');
  const date = r.date('contact_date', true);
  const startClock = r.clock('contact_start_time');
  const endClock = r.clock('contact_end_time');
  const start = r.dateTime('start_datetime', false);
  const staffCode = r.pattern('staff_code', STAFF, 'not a staff code (7 letters or digits)', true);
  const recordedAt = r.dateTime('created_datetime', false);
  if (!r.has('type_code') && !r.has('type_description')) {
    r.error('type_code', 'a contact needs type_code or type_description', '');
  }
  const attended = r.yesNo('attended');
  const complied = r.yesNo('complied');
  const sensitive = r.yesNo('sensitive');
  if (r.errors.length > 0 || !crn || !contactId || !date || !staffCode) return undefined;

  const occurred: TimeValue = start ?? (startClock ? localDateTime(date, startClock) : { value: date, precision: 'day' });
  if (!start && startClock && skippedByClockChange(startClock, occurred)) r.warn('contact_start_time', GAP_WARNING);
  const typeDescription = r.text('type_description');
  const description = r.text('description');
  const contact: ContactRecord = {
    kind: 'contact',
    id: `contact:${contactId}`,
    contactId,
    crn,
    occurred,
    recorded: recordedAt ?? occurred,
    sourceAgency: PROBATION,
    summary: description ?? typeDescription ?? r.text('type_code') ?? '',
    staffCode,
    provenance,
  };
  const optional: Partial<ContactRecord> = {
    notes: r.text('notes'),
    endTime: endClock ? `${String(endClock.hour).padStart(2, '0')}:${String(endClock.minute).padStart(2, '0')}` : undefined,
    typeCode: r.text('type_code'),
    typeDescription,
    outcomeCode: r.text('outcome_code'),
    outcomeDescription: r.text('outcome_description'),
    enforcementCode: r.text('enforcement_action_code'),
    enforcementDescription: r.text('enforcement_action_description'),
    attended,
    complied,
    staffName: r.text('staff_name'),
    staffGrade: r.grade('staff_grade'),
    teamCode: r.text('team_code'),
    sensitive,
    createdBy: r.text('created_by'),
  };
  return assignDefined(contact, optional);
}
