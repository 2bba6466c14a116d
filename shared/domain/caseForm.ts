import { localDateTime, parseClock, parseDate } from '../import/dates.js';
import { Crn } from '../schemas/common.js';
import type { TimeValue } from '../time/precision.js';

export interface CaseFormFields {
  title: string;
  crn: string;
  subject: string;
  offenceDate: string;
  offenceTime: string;
}

export type CaseFormErrors = Partial<Record<keyof CaseFormFields, string>>;

export type CaseFormResult =
  | { ok: true; value: { title: string; crn: string; subject: string; offenceAt: TimeValue } }
  | { ok: false; errors: CaseFormErrors };

/**
 * Check what a reviewer typed to create a case. The offence time is optional: without it the offence is known to
 * the day, and is treated as happening at the end of that day when deciding what came before it.
 */
export function validateCaseForm(fields: CaseFormFields): CaseFormResult {
  const errors: CaseFormErrors = {};
  const title = fields.title.trim();
  const crn = fields.crn.trim().toUpperCase();
  const subject = fields.subject.trim();
  if (!title) errors.title = 'Enter a name for the case';
  else if (title.length > 200) errors.title = 'The case name must be 200 characters or fewer';
  if (!Crn.safeParse(crn).success) errors.crn = 'Enter a CRN: one letter then six digits, like X123456';
  if (subject.length > 200) errors.subject = 'The name must be 200 characters or fewer';
  const date = parseDate(fields.offenceDate);
  if (!fields.offenceDate.trim()) errors.offenceDate = 'Enter the date of the further offence';
  else if (!date.ok) errors.offenceDate = 'Enter a real date, like 26/06/2022';
  const time = fields.offenceTime.trim() ? parseClock(fields.offenceTime) : null;
  if (time && !time.ok) errors.offenceTime = 'Enter a time on the 24-hour clock, like 02:17';
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, errors };
  const offenceAt: TimeValue = time?.ok ? localDateTime(date.value, time.value) : { value: date.value, precision: 'day' };
  return { ok: true, value: { title, crn, subject, offenceAt } };
}
