import type { CaseIndex } from '../engine/caseIndex.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import { earliestInstant, latestInstant } from '../time/london.js';
import type { TimeValue } from '../time/precision.js';

/**
 * What an officer raised, and what oversight was recorded, before a decision: the evidence of escalation a
 * practitioner may point to in their reply. Only what the records hold: a contact's type code, or words in its notes.
 */
export type EscalationKind = 'oversight' | 'supervision' | 'workloadRaised' | 'raisedWithManager';

export interface EscalationEntry {
  /** When it happened, as exactly as the record knows it (a date alone stays a date). */
  at: TimeValue;
  kind: EscalationKind;
  /** A plain sentence: "Caseload raised in supervision with the manager". */
  text: string;
  /** The sentence of the record's notes that shows it, when words in the notes were what matched. */
  quote: string | null;
  /** The staff code of who recorded it: the officer, or a manager recording oversight of them. */
  by: string;
  /** The record it rests on, as the as-of engine names it. */
  records: string[];
  rule: string;
}

/** nDelius contact types (NDELIUS_CODES.md, management oversight and case review). */
const OVERSIGHT_CODES = new Set(['MO1', 'MO5', 'MO8']);
const SUPERVISION_CODES = new Set(['CSPO', 'CRCO']);

/** Where a contact type puts what was raised, in words: "in management oversight". */
const WHERE: Record<string, string> = {
  MO1: 'in management oversight',
  MO5: 'in management oversight of a recall',
  MO8: 'in management oversight of a home visit risk assessment',
  CRCO: 'in a case review',
};

export const ESCALATION_RULES: Record<EscalationKind, string> = {
  oversight:
    'A management oversight contact (nDelius type MO1, MO5 or MO8) on this case that had happened by the decision, recorded while the officer held the case or naming them in its notes.',
  supervision:
    'A consultation with a manager or a case review (nDelius type CSPO or CRCO) on this case that had happened by the decision, recorded by the officer, or by someone else while the officer held the case or naming them.',
  workloadRaised:
    'A contact that had happened by the decision whose notes speak of workload, caseload or capacity: the officer’s own contact on any case, or oversight or supervision of this case recorded about them.',
  raisedWithManager:
    'A contact of the officer’s on this case that had happened by the decision whose notes say something was raised with someone, or name an SPO or manager (not an offender or case manager).',
};

/** Whole words only: no letter or digit just before or after. */
const words = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
const SPO = String.raw`SPO|senior\s+probation\s+officer`;
/** A manager, but not the offender manager or case manager: that is the officer themselves. */
const MANAGER = String.raw`(?<!(?:offender|case)\s)manager`;
const WORKLOAD_WORDS = words(String.raw`workload|caseload|(?<!mental\s)capacity`);
const MANAGER_WORDS = words(String.raw`raised\s+(?:it\s+|this\s+|concerns?\s+)?with|${SPO}|${MANAGER}`);
const SPO_WORDS = words(SPO);
const ANY_WORD = /workload|caseload|capacity|raised|spo|senior|manager/i;
const MANAGER_ONLY = words(MANAGER);

const codeOf = (c: ContactRecord) => c.typeCode?.trim().toUpperCase() ?? '';
/** The free text a contact's author wrote: its notes, and its description when that is more than the type's name. */
const wordsOf = (c: ContactRecord) => `${c.summary !== c.typeDescription ? c.summary : ''}\n${c.notes ?? ''}`;

/** The sentence of a text around a match, cut to a readable length. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const endAt = text.slice(at).search(/\.(\s|$)|\n/);
  const sentence = text.slice(start, endAt < 0 ? undefined : at + endAt + 1).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

interface Candidate {
  record: ContactRecord;
  /** Whether it is from another case (the officer's other work). */
  otherCase: boolean;
  workload: RegExpExecArray | null;
  manager: RegExpExecArray | null;
  text: string;
}

/** The contacts that could be escalation, found once per case: a single pass over its records and other work. */
const candidatesOf = new WeakMap<CaseIndex, { onCase: Int32Array; matches: Map<number, Candidate>; otherWork: Candidate[] }>();

function candidates(index: CaseIndex) {
  let found = candidatesOf.get(index);
  if (found) return found;
  const positions: number[] = [];
  const matches = new Map<number, Candidate>();
  const look = (record: ContactRecord, otherCase: boolean): Candidate | null => {
    const text = wordsOf(record);
    const code = codeOf(record);
    const typed = !otherCase && (OVERSIGHT_CODES.has(code) || SUPERVISION_CODES.has(code));
    // Most notes hold none of the words: a plain search rules them out before the whole-word patterns run.
    const worded = ANY_WORD.test(text);
    const workload = worded ? WORKLOAD_WORDS.exec(text) : null;
    const manager = worded && !otherCase ? MANAGER_WORDS.exec(text) : null;
    return typed || workload || manager ? { record, otherCase, workload, manager, text } : null;
  };
  index.records.forEach((r, i) => {
    if (r.kind !== 'contact') return;
    const c = look(r, false);
    if (c) {
      positions.push(i);
      matches.set(i, c);
    }
  });
  const otherWork = index.data.otherWork.flatMap((r) => {
    const c = look(r, true);
    return c?.workload ? [c] : [];
  });
  found = { onCase: Int32Array.from(positions), matches, otherWork };
  candidatesOf.set(index, found);
  return found;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

function byWhom(index: CaseIndex, c: ContactRecord): string {
  const name = c.staffName || index.staffMember(c.staffCode).name || c.staffCode;
  const grade = c.staffGrade ?? index.staffMember(c.staffCode).grade;
  return grade && grade !== 'Other' ? `${name} (${grade})` : name;
}

/** Where a contact puts what was raised: its type in words ("in supervision with the SPO"). */
function whereOf(c: ContactRecord, text: string): string {
  if (codeOf(c) === 'CSPO') return `in supervision with ${withWhom(text) ?? 'the manager'}`;
  const where = WHERE[codeOf(c)];
  if (where) return where;
  const type = c.typeDescription ?? c.typeCode;
  return type ? `in a contact (${type})` : 'in a contact';
}

/** Who it was raised with, as the notes say: the SPO when they name one, a manager when they say so; null: neither. */
const withWhom = (text: string) => (SPO_WORDS.test(text) ? 'the SPO' : MANAGER_ONLY.test(text) ? 'the manager' : null);

function entryOf(index: CaseIndex, c: Candidate, officer: string): EscalationEntry | null {
  const r = c.record;
  const own = r.staffCode === officer;
  const code = codeOf(r);
  const base = { at: r.occurred, by: r.staffCode, records: [r.id] };
  const elsewhere = c.otherCase ? ' on another case' : '';
  if (c.workload) {
    const topic = capitalised(c.workload[1] ?? 'workload');
    const who = own && code !== 'CSPO' ? withWhom(c.text) : null;
    const raisedWith = who ? ` with ${who}` : '';
    const text = own ? `${topic} raised ${whereOf(r, c.text)}${raisedWith}${elsewhere}` : `${topic} recorded ${whereOf(r, c.text)} by ${byWhom(index, r)}${elsewhere}`;
    return { ...base, kind: 'workloadRaised', text, quote: sentenceAround(c.text, c.workload.index), rule: ESCALATION_RULES.workloadRaised };
  }
  if (OVERSIGHT_CODES.has(code)) {
    const outcome = r.outcomeDescription ? `: ${r.outcomeDescription.toLowerCase()}` : '';
    return { ...base, kind: 'oversight', text: `${r.typeDescription ?? 'Management oversight'} recorded by ${byWhom(index, r)}${outcome}`, quote: null, rule: ESCALATION_RULES.oversight };
  }
  if (SUPERVISION_CODES.has(code)) {
    return { ...base, kind: 'supervision', text: `${r.typeDescription ?? 'Consultation with manager'} recorded by ${byWhom(index, r)}`, quote: null, rule: ESCALATION_RULES.supervision };
  }
  if (c.manager && own) {
    const who = withWhom(c.text);
    return { ...base, kind: 'raisedWithManager', text: `${who ? `Raised with ${who}` : 'A concern raised'} ${whereOf(r, c.text)}`, quote: sentenceAround(c.text, c.manager.index), rule: ESCALATION_RULES.raisedWithManager };
  }
  return null;
}

/** Whether a record's notes name the officer, by name or staff code. */
function namesOfficer(index: CaseIndex, r: CaseRecord, officer: string): boolean {
  const text = `${r.summary}\n${r.notes ?? ''}`.toLowerCase();
  const name = index.staffMember(officer).name.trim().toLowerCase();
  return text.includes(officer.toLowerCase()) || (name.length > 1 && text.includes(name));
}

/**
 * The concerns an officer raised and the oversight recorded, up to a decision (`until`, epoch ms): each dated, in time
 * order, with its record and its rule. A contact counts only once it had certainly happened (a date alone: the end of
 * that day), so nothing is put before the decision that may have come after it.
 */
export function escalationEvidence(index: CaseIndex, officerStaffCode: string, until: number): EscalationEntry[] {
  const { onCase, matches, otherWork } = candidates(index);
  const found: { start: number; entry: EscalationEntry }[] = [];
  for (let k = 0; k < onCase.length; k++) {
    const i = onCase[k] as number;
    if ((index.starts[i] as number) > until) break;
    const c = matches.get(i) as Candidate;
    const r = c.record;
    if (latestInstant(r.occurred) > until) continue;
    // Someone else's contact is about this officer only while they held the case, or when it names them.
    const typed = OVERSIGHT_CODES.has(codeOf(r)) || SUPERVISION_CODES.has(codeOf(r));
    const about = r.staffCode === officerStaffCode || (typed && (index.holdsCaseAt(officerStaffCode, index.starts[i] as number).length > 0 || namesOfficer(index, r, officerStaffCode)));
    const entry = about ? entryOf(index, c, officerStaffCode) : null;
    if (entry) found.push({ start: index.starts[i] as number, entry });
  }
  for (const c of otherWork) {
    if (latestInstant(c.record.occurred) > until) continue;
    if (c.record.staffCode !== officerStaffCode && !namesOfficer(index, c.record, officerStaffCode)) continue;
    const entry = entryOf(index, c, officerStaffCode);
    if (entry) found.push({ start: earliestInstant(c.record.occurred), entry });
  }
  return found.sort((a, b) => a.start - b.start || ((a.entry.records[0] as string) < (b.entry.records[0] as string) ? -1 : 1)).map((f) => f.entry);
}
