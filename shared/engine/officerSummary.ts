import type { CaseRecord } from '../schemas/record.js';
import { londonDateOf, latestInstant } from '../time/london.js';
import { addDaysToDate } from '../time/calendar.js';
import type { CaseIndex, OfficerView } from './caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from './knowledge.js';
import { attendanceOf, laneOf } from './lanes.js';

/** One line of the officer panel: a figure or fact, the rule that derived it, and the records behind it. */
export interface Derived {
  label: string;
  /** The record it rests on, if one; none: "none on record". */
  record: CaseRecord | null;
  rule: string;
  /** What the value says, when it is not just the record's summary. */
  value?: string;
}

const codeOf = (r: CaseRecord) => (r.kind === 'contact' ? (r.typeCode?.toUpperCase() ?? '') : '');

/** Records available to the officer at the moment: known, or on the record while they held the case. */
export function availableTo(index: CaseIndex, view: OfficerView): number[] {
  const known = KNOWLEDGE_STATES.indexOf('known');
  const onRecord = KNOWLEDGE_STATES.indexOf('onRecord');
  const out: number[] = [];
  view.states.forEach((s, i) => {
    if (s === known || s === onRecord) out.push(i);
  });
  return out;
}

export function recordsIn(index: CaseIndex, view: OfficerView, state: KnowledgeState): CaseRecord[] {
  const code = KNOWLEDGE_STATES.indexOf(state);
  const out: CaseRecord[] = [];
  view.states.forEach((s, i) => {
    if (s === code) out.push(index.records[i] as CaseRecord);
  });
  return out;
}

function latest(index: CaseIndex, available: readonly number[], test: (r: CaseRecord) => boolean): CaseRecord | null {
  for (let k = available.length - 1; k >= 0; k--) {
    const r = index.records[available[k] as number] as CaseRecord;
    if (test(r)) return r;
  }
  return null;
}

const TIER = /Tier:\s*([A-D][0-3]S?)/i;
const ROSH = /ROSH:?\s*([^.]*)/i;

/** What the officer knew at the moment: the facts a supervisor would ask about first, each with its rule. */
export function whatTheyKnew(index: CaseIndex, view: OfficerView): Derived[] {
  const available = availableTo(index, view);
  const assessment = latest(index, available, (r) => ['C004', 'EOAS'].includes(codeOf(r)));
  const tier = latest(index, available, (r) => codeOf(r) === 'ETCH20');
  const contact = latest(index, available, (r) => attendanceOf(r) === 'attended');
  const homeVisit = latest(index, available, (r) => ['CHVS', 'COHV'].includes(codeOf(r)) && attendanceOf(r) !== 'failedToAttend');
  const oversight = latest(index, available, (r) => ['MO1', 'MO5', 'MO8', 'CSPO'].includes(codeOf(r)));
  const notesOf = (r: CaseRecord | null) => (r ? `${r.summary} ${r.notes ?? ''}` : '');
  return [
    { label: 'Latest risk assessment', record: assessment, rule: 'The latest OASys assessment (C004, EOAS) known to the officer or on record while they held the case.', ...(ROSH.exec(notesOf(assessment)) ? { value: `ROSH ${ROSH.exec(notesOf(assessment))?.[1]?.trim()}` } : {}) },
    { label: 'Tier', record: tier, rule: 'The latest tier change (ETCH20) available to the officer.', ...(TIER.exec(notesOf(tier)) ? { value: TIER.exec(notesOf(tier))?.[1] ?? '' } : {}) },
    { label: 'Last attended contact', record: contact, rule: 'The latest contact with an attended outcome (or attended = Y) available to the officer.' },
    { label: 'Last home visit', record: homeVisit, rule: 'The latest home visit (CHVS, COHV) not recorded as failed, available to the officer.' },
    { label: 'Last management oversight', record: oversight, rule: 'The latest management oversight contact (MO1, MO5, MO8, CSPO) available to the officer.' },
  ];
}

export const CONCERN_DAYS = 90;

/**
 * Concerns open at the moment: police, MAPPA, safeguarding and partner information available to the officer
 * from the last 90 days.
 */
export function openConcerns(index: CaseIndex, view: OfficerView): CaseRecord[] {
  const since = latestInstant({ value: addDaysToDate(londonDateOf(view.at), -CONCERN_DAYS), precision: 'day' });
  return availableTo(index, view)
    .map((i) => index.records[i] as CaseRecord)
    .filter((r) => (index.starts[index.positionOf(r.id) as number] as number) > since)
    .filter((r) => laneOf(r) === 'risk' || r.kind === 'information')
    .filter((r) => r.kind === 'information' || /^(C204|C369|C515|CARR|C344|VINC|C078|C159|C157|C160|C161|CCCP|SFGC|SFRR|C150|C151|C005|ERFM|DAD1|DAD2|C280|C200|CCMM|CCMR)$/.test(codeOf(r)));
}

export const CONCERNS_RULE = `Police, MAPPA, safeguarding and partner information from the ${CONCERN_DAYS} days before the moment, known to the officer or on record while they held the case.`;
