import { checkDateParts, type DatePart, type DateParts } from '../domain/caseForm.js';
import { RECALL_STEPS, type AcciMapLevel, type Action, type Factor, type Policy, type RecallStep, type SeipsElement } from '../schemas/review.js';
import type { ReviewEdit } from './edits.js';

/**
 * The review's registers as their forms ask for them (the policies in force, contributory factors, the action plan),
 * checked with GOV.UK's messages before they are saved. Each check gives the item to save, or what is wrong with each
 * field, keyed by the field's name (`from`, `targets.0.withinHours`); a date's error marks which of its parts are wrong.
 */

export interface FieldError {
  message: string;
  /** For a date: its wrong parts, the first of which the error summary links to. */
  parts?: DatePart[];
}
export type FieldErrors = Record<string, FieldError>;
export type FormCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** A date held as `YYYY-MM-DD` (or none), as the date input's three fields show it. */
export function dateParts(date: string | null | undefined): DateParts {
  if (!date) return NO_DATE;
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const isBlank = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim();

/** An optional date: blank is none; anything typed must be a real date. */
function optionalDate(parts: DateParts, name: string, key: string, errors: FieldErrors): string | null {
  if (isBlank(parts)) return null;
  const checked = checkDateParts(parts, name);
  if (checked.ok) return checked.value;
  errors[key] = checked.error;
  return null;
}

const result = <T>(errors: FieldErrors, value: () => T): FormCheck<T> => (Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() });

/** The start of a text on one line, for naming an item by its words ("Caseload over 50 for two…"). */
export function startOf(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  // Cut at a word's end where there is one in the second half, so no word is left broken.
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface TargetFields {
  from: RecallStep | '';
  to: RecallStep | '';
  withinHours: string;
}

export interface PolicyFields {
  name: string;
  version: string;
  from: DateParts;
  to: DateParts;
  requires: string;
  targets: TargetFields[];
}

export function policyFields(policy?: Policy): PolicyFields {
  return {
    name: policy?.name ?? '',
    version: policy?.version ?? '',
    from: dateParts(policy?.from),
    to: dateParts(policy?.to),
    requires: policy?.requires ?? '',
    targets: (policy?.targets ?? []).map((t) => ({ from: t.from, to: t.to, withinHours: String(t.withinHours) })),
  };
}

const stepOrder = (step: RecallStep) => RECALL_STEPS.indexOf(step);

/**
 * A policy as typed. Both dates are optional (none before it: as far back as the case runs; none after it: still in
 * force), and the last may not come before the first. A target runs from one recall step to a later one, within a
 * number of hours; a row left wholly blank is no target.
 */
export function checkPolicy(id: string, fields: PolicyFields): FormCheck<Policy> {
  const errors: FieldErrors = {};
  const name = fields.name.trim();
  if (!name) errors.name = { message: 'Enter the name of the policy or guidance' };
  const from = optionalDate(fields.from, 'The date it applied from', 'from', errors);
  const to = optionalDate(fields.to, 'The date it applied until', 'to', errors);
  if (from && to && to < from) errors.to = { message: 'The date it applied until must be the same as or after the date it applied from', parts: ['day', 'month', 'year'] };
  const targets: NonNullable<Policy['targets']> = [];
  fields.targets.forEach((t, i) => {
    const hours = t.withinHours.trim();
    if (!t.from && !t.to && !hours) return;
    const key = `targets.${i}`;
    if (!t.from) errors[`${key}.from`] = { message: `Target ${i + 1}: choose the step the time runs from` };
    if (!t.to) errors[`${key}.to`] = { message: `Target ${i + 1}: choose the step the time runs to` };
    else if (t.from && stepOrder(t.to) <= stepOrder(t.from)) errors[`${key}.to`] = { message: `Target ${i + 1}: the step the time runs to must come after the step it runs from` };
    const within = Number(hours);
    if (!hours) errors[`${key}.withinHours`] = { message: `Target ${i + 1}: enter the number of hours, like 24` };
    else if (!/^\d+(\.\d+)?$/.test(hours) || !(within > 0)) errors[`${key}.withinHours`] = { message: `Target ${i + 1}: the hours must be a number more than 0, like 24` };
    if (t.from && t.to) targets.push({ from: t.from, to: t.to, withinHours: within });
  });
  return result(errors, () => ({
    id,
    name,
    ...(fields.version.trim() ? { version: fields.version.trim() } : {}),
    from,
    to,
    ...(fields.requires.trim() ? { requires: fields.requires.trim() } : {}),
    ...(targets.length > 0 ? { targets } : {}),
  }));
}

export interface FactorFields {
  text: string;
  level: AcciMapLevel | '';
  seips: SeipsElement | '';
  pattern: string;
}

export function factorFields(factor?: Factor): FactorFields {
  return { text: factor?.text ?? '', level: factor?.level ?? '', seips: factor?.seips ?? '', pattern: factor?.pattern ?? '' };
}

/** A contributory factor as typed: its words and the level of the system it sits at are needed; the rest may follow. */
export function checkFactor(id: string, fields: FactorFields): FormCheck<Factor> {
  const errors: FieldErrors = {};
  const text = fields.text.trim();
  if (!text) errors.text = { message: 'Enter the contributory factor' };
  if (!fields.level) errors.level = { message: 'Choose the level of the system the factor sits at' };
  const pattern = fields.pattern.trim();
  return result(errors, () => ({
    id,
    text,
    level: fields.level as AcciMapLevel,
    ...(fields.seips ? { seips: fields.seips } : {}),
    ...(pattern ? { pattern } : {}),
  }));
}

export interface ActionFields {
  action: string;
  owner: string;
  due: DateParts;
  measure: string;
  findings: string[];
}

export function actionFields(action?: Action): ActionFields {
  return { action: action?.action ?? '', owner: action?.owner ?? '', due: dateParts(action?.due), measure: action?.measure ?? '', findings: action?.findings ?? [] };
}

/** An action as typed: what is to be done is needed; its owner, date and measure may follow; its findings in the review's order. */
export function checkAction(id: string, fields: ActionFields, findingOrder: readonly string[]): FormCheck<Action> {
  const errors: FieldErrors = {};
  const action = fields.action.trim();
  if (!action) errors.action = { message: 'Enter the action' };
  const due = optionalDate(fields.due, 'The date it is due', 'due', errors);
  const ticked = new Set(fields.findings);
  return result(errors, () => ({ id, findings: findingOrder.filter((f) => ticked.has(f)), action, owner: fields.owner.trim(), due, measure: fields.measure.trim() }));
}

/** A register's edit, its trail entry naming the item by its words too: "Contributory factor F2 added: Caseload over 50". */
export const naming = (edit: ReviewEdit, words: string): ReviewEdit => ({ ...edit, what: `${edit.what}: ${startOf(words)}` });
