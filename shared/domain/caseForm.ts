import { localDateTime, parseClock } from '../import/dates.js';
import type { Case } from '../schemas/case.js';
import { Crn } from '../schemas/common.js';
import { formatTime } from '../time/display.js';
import { toLondonIso } from '../time/london.js';
import { hasClockTime, type TimeValue } from '../time/precision.js';

/** A date as the GOV.UK date input asks for it: day, month and year, each in its own field. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** What is wrong with a date, and which of its fields are wrong: the error summary links to the first. */
export interface DateError {
  message: string;
  parts: DatePart[];
}

export type DateCheck = { ok: true; value: string } | { ok: false; error: DateError };

const fail = (message: string, parts: DatePart[]): DateCheck => ({ ok: false, error: { message, parts } });
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Check a date typed in three fields, with the GOV.UK design system's messages. `name` is the question as a sentence
 * starts it ("Date of the further offence"); `today` (YYYY-MM-DD), when given, refuses a later date.
 */
export function checkDateParts(parts: DateParts, name: string, today?: string): DateCheck {
  const typed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = DATE_PARTS.filter((p) => !typed[p]);
  if (missing.length === DATE_PARTS.length) return fail(`Enter the ${name.charAt(0).toLowerCase()}${name.slice(1)}`, [...DATE_PARTS]);
  if (missing.length > 0) return fail(`${name} must include a ${missing.join(' and ')}`, missing);
  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  const isWhole = (p: DatePart) => /^\d+$/.test(typed[p]);
  const wrong = DATE_PARTS.filter((p) => !isWhole(p) || (p === 'day' && (day < 1 || day > 31)) || (p === 'month' && (month < 1 || month > 12)));
  if (wrong.length > 0) return fail(`${name} must be a real date`, wrong);
  if (typed.year.length !== 4) return fail('Year must include 4 numbers', ['year']);
  if (day > daysIn(year, month)) return fail(`${name} must be a real date`, ['day']);
  const value = `${typed.year}-${pad(month)}-${pad(day)}`;
  if (today !== undefined && value > today) return fail(`${name} must be today or in the past`, [...DATE_PARTS]);
  return { ok: true, value };
}

/** What a reviewer types to create a case, or to correct its details. */
export interface CaseFormFields {
  title: string;
  crn: string;
  subject: string;
  offenceDate: DateParts;
  offenceTime: string;
}

export interface CaseFormErrors {
  title?: string;
  crn?: string;
  subject?: string;
  offenceDate?: DateError;
  offenceTime?: string;
}

/** The details of a case a reviewer types, and may correct later. */
export type CaseDetails = Pick<Case, 'title' | 'crn' | 'subject' | 'offenceAt'>;

export type CaseFormResult = { ok: true; value: CaseDetails } | { ok: false; errors: CaseFormErrors };

export const OFFENCE_DATE = 'Date of the further offence';

/** A case's name as typed: trimmed, and what is wrong with it if anything. */
export function checkTitle(typed: string): { title: string; error?: string } {
  const title = typed.trim();
  if (!title) return { title, error: 'Enter a name for the case' };
  if (title.length > 200) return { title, error: 'The case name must be 200 characters or fewer' };
  return { title };
}

function checkNames(fields: CaseFormFields, errors: CaseFormErrors) {
  const { title, error } = checkTitle(fields.title);
  const crn = fields.crn.trim().toUpperCase();
  const subject = fields.subject.trim();
  if (error) errors.title = error;
  if (!Crn.safeParse(crn).success) errors.crn = 'Enter a CRN: one letter then six digits, like X123456';
  if (subject.length > 200) errors.subject = 'The name must be 200 characters or fewer';
  return { title, crn, subject };
}

/**
 * The offence time typed: without a clock time the offence is known to the day, and is treated as happening at the end
 * of that day when deciding what came before it.
 */
export function checkOffence(fields: Pick<CaseFormFields, 'offenceDate' | 'offenceTime'>, errors: Pick<CaseFormErrors, 'offenceDate' | 'offenceTime'>, today: string | undefined): TimeValue | undefined {
  const date = checkDateParts(fields.offenceDate, OFFENCE_DATE, today);
  if (!date.ok) errors.offenceDate = date.error;
  const time = fields.offenceTime.trim() ? parseClock(fields.offenceTime) : null;
  if (time && !time.ok) errors.offenceTime = 'Enter a time on the 24-hour clock, like 02:17';
  if (!date.ok || (time && !time.ok)) return undefined;
  return time ? localDateTime(date.value, time.value) : { value: date.value, precision: 'day' };
}

function result(names: Omit<CaseDetails, 'offenceAt'>, offenceAt: TimeValue | undefined, errors: CaseFormErrors): CaseFormResult {
  if (Object.keys(errors).length > 0 || !offenceAt) return { ok: false, errors };
  return { ok: true, value: { ...names, offenceAt } };
}

/** Check what a reviewer typed to create a case. `today` (London, YYYY-MM-DD) refuses an offence date after it. */
export function validateCaseForm(fields: CaseFormFields, today?: string): CaseFormResult {
  const errors: CaseFormErrors = {};
  const names = checkNames(fields, errors);
  return result(names, checkOffence(fields, errors, today), errors);
}

/** A case's details as the form shows them: the offence's London date in three fields and its clock time, if known. */
export function caseFormFields(c: Case): CaseFormFields {
  const at = c.offenceAt;
  const iso = hasClockTime(at) ? toLondonIso(Date.parse(at.value)) : at.value;
  const [year = '', month = '', day = ''] = iso.slice(0, 10).split('-');
  const trim = (n: string) => (n ? String(Number(n)) : '');
  return {
    title: c.title,
    crn: c.crn,
    subject: c.subject,
    offenceDate: { day: trim(day), month: trim(month), year },
    offenceTime: hasClockTime(at) ? iso.slice(11, 16) : '',
  };
}

/**
 * Check the form correcting a case's details. The offence time is read again only if its fields were changed, so one
 * known to the month or to the second stays exactly as stored when the rest is corrected.
 */
export function validateCaseEdit(found: Case, fields: CaseFormFields, today?: string): CaseFormResult {
  const shown = caseFormFields(found);
  const untouched = DATE_PARTS.every((p) => fields.offenceDate[p].trim() === shown.offenceDate[p]) && fields.offenceTime.trim() === shown.offenceTime;
  const errors: CaseFormErrors = {};
  const names = checkNames(fields, errors);
  return result(names, untouched ? found.offenceAt : checkOffence(fields, errors, today), errors);
}

/** The fields a correction changed, before and after; the same in words, a line a field; and as the trail says it. */
export interface DetailsChange {
  before: Partial<CaseDetails>;
  after: Partial<CaseDetails>;
  lines: { field: string; before: string; after: string }[];
  what: string;
}

const NAMES: Record<keyof CaseDetails, string> = { title: 'case name', crn: 'CRN', subject: 'person on probation', offenceAt: 'further offence' };
const FIELDS = Object.keys(NAMES) as (keyof CaseDetails)[];

function same(a: CaseDetails, b: CaseDetails, k: keyof CaseDetails): boolean {
  return k === 'offenceAt' ? a.offenceAt.value === b.offenceAt.value && a.offenceAt.precision === b.offenceAt.precision : a[k] === b[k];
}

function say(details: CaseDetails, k: keyof CaseDetails): string {
  if (k === 'offenceAt') return formatTime(details.offenceAt);
  if (k === 'crn') return details.crn;
  return details[k] ? `“${details[k]}”` : 'not given';
}

/** What correcting a case's details changes (null for nothing), as "Case details corrected: CRN X900417 → X900418". */
export function caseDetailsChange(found: CaseDetails, next: CaseDetails): DetailsChange | null {
  const keys = FIELDS.filter((k) => !same(found, next, k));
  if (keys.length === 0) return null;
  const lines = keys.map((k) => ({ field: NAMES[k], before: say(found, k), after: say(next, k) }));
  return {
    before: Object.fromEntries(keys.map((k) => [k, found[k]])),
    after: Object.fromEntries(keys.map((k) => [k, next[k]])),
    lines,
    what: `Case details corrected: ${lines.map((l) => `${l.field} ${l.before} → ${l.after}`).join('; ')}`,
  };
}
