import type { CaseRecord } from '../schemas/record.js';
import { londonDateOf, latestInstant } from '../time/london.js';
import { addDaysToDate } from '../time/calendar.js';
import type { CaseIndex, OfficerView } from './caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from './knowledge.js';
import { attendanceOf } from './lanes.js';

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

const KNOWN = KNOWLEDGE_STATES.indexOf('known');
const ON_RECORD = KNOWLEDGE_STATES.indexOf('onRecord');

/** Records in a state at the moment: how many, and the latest few (latest first). Scans back from the end only as far as it must. */
export function recordsIn(index: CaseIndex, view: OfficerView, state: KnowledgeState, latestCount = 8): { count: number; latest: CaseRecord[] } {
  const code = KNOWLEDGE_STATES.indexOf(state);
  let count = 0;
  const latest: CaseRecord[] = [];
  for (let i = view.states.length - 1; i >= 0; i--) {
    if (view.states[i] !== code) continue;
    count++;
    if (latest.length < latestCount) latest.push(index.records[i] as CaseRecord);
  }
  return { count, latest };
}

/** Where each kind of record the panel looks for sits in the chronology, found once per case. */
const categories = new WeakMap<CaseIndex, Map<string, Int32Array>>();

function positionsOf(index: CaseIndex, name: string, test: (r: CaseRecord) => boolean): Int32Array {
  let byName = categories.get(index);
  if (!byName) categories.set(index, (byName = new Map()));
  let positions = byName.get(name);
  if (!positions) {
    const found: number[] = [];
    index.records.forEach((r, i) => {
      if (test(r)) found.push(i);
    });
    byName.set(name, (positions = Int32Array.from(found)));
  }
  return positions;
}

/** The latest record of a kind available to the officer (known, or on record while they held the case). */
function latest(index: CaseIndex, view: OfficerView, name: string, test: (r: CaseRecord) => boolean): CaseRecord | null {
  const positions = positionsOf(index, name, test);
  for (let k = positions.length - 1; k >= 0; k--) {
    const i = positions[k] as number;
    const s = view.states[i];
    if (s === KNOWN || s === ON_RECORD) return index.records[i] as CaseRecord;
  }
  return null;
}

const TIER = /Tier:\s*([A-D][0-3]S?)/i;
const ROSH = /ROSH:?\s*([^.]*)/i;

/** What the officer knew at the moment: the facts a supervisor would ask about first, each with its rule. */
export function whatTheyKnew(index: CaseIndex, view: OfficerView): Derived[] {
  const assessment = latest(index, view, 'assessment', (r) => ['C004', 'EOAS'].includes(codeOf(r)));
  const tier = latest(index, view, 'tier', (r) => codeOf(r) === 'ETCH20');
  const contact = latest(index, view, 'attended', (r) => attendanceOf(r) === 'attended');
  const homeVisit = latest(index, view, 'homeVisit', (r) => ['CHVS', 'COHV'].includes(codeOf(r)) && attendanceOf(r) !== 'failedToAttend');
  const oversight = latest(index, view, 'oversight', (r) => ['MO1', 'MO5', 'MO8', 'CSPO'].includes(codeOf(r)));
  const notesOf = (r: CaseRecord | null) => (r ? `${r.summary} ${r.notes ?? ''}` : '');
  return [
    { label: 'Latest risk assessment', record: assessment, rule: 'The latest OASys assessment the officer knew of, or could read on the record while they held the case.', ...(ROSH.exec(notesOf(assessment)) ? { value: `ROSH ${ROSH.exec(notesOf(assessment))?.[1]?.trim()}` } : {}) },
    { label: 'Tier', record: tier, rule: 'The latest tier change the officer knew of, or could read on the record.', ...(TIER.exec(notesOf(tier)) ? { value: TIER.exec(notesOf(tier))?.[1] ?? '' } : {}) },
    { label: 'Last attended contact', record: contact, rule: 'The latest contact the person attended, that the officer knew of or could read on the record.' },
    { label: 'Last home visit', record: homeVisit, rule: 'The latest home visit that went ahead, that the officer knew of or could read on the record.' },
    { label: 'Last management oversight', record: oversight, rule: 'The latest recorded discussion of the case with a manager (management oversight), that the officer knew of or could read on the record.' },
  ];
}

const CONCERN_DAYS = 90;

/**
 * Concerns open at the moment: police, MAPPA, safeguarding and partner information available to the officer
 * from the last 90 days.
 */
export function openConcerns(index: CaseIndex, view: OfficerView): CaseRecord[] {
  const since = latestInstant({ value: addDaysToDate(londonDateOf(view.at), -CONCERN_DAYS), precision: 'day' });
  const out: CaseRecord[] = [];
  // The concerns' positions are found once per case, in time order: walk back from the moment (what starts after it
  // cannot have happened) only as far as 90 days.
  const positions = positionsOf(index, 'concern', (r) => r.kind === 'information' || CONCERN_TYPES.has(codeOf(r)));
  for (let k = positions.length - 1; k >= 0; k--) {
    const i = positions[k] as number;
    const start = index.starts[i] as number;
    if (start > view.at) continue;
    if (start <= since) break;
    const s = view.states[i];
    if (s === KNOWN || s === ON_RECORD) out.push(index.records[i] as CaseRecord);
  }
  return out.reverse();
}

const CONCERN_TYPES = new Set('C204 C369 C515 CARR C344 VINC C078 C159 C157 C160 C161 CCCP SFGC SFRR C150 C151 C005 ERFM DAD1 DAD2 C280 C200 CCMM CCMR'.split(' '));

export const CONCERNS_RULE = `Police, MAPPA, safeguarding and partner information from the ${CONCERN_DAYS} days before this moment, that the officer knew of or could read on the record.`;

/** How many records are in each knowledge state at the moment. */
export function countStates(states: Uint8Array): Record<KnowledgeState, number> {
  const counts = new Uint32Array(KNOWLEDGE_STATES.length);
  for (let i = 0; i < states.length; i++) counts[states[i] as number]!++;
  return Object.fromEntries(KNOWLEDGE_STATES.map((s, k) => [s, counts[k] as number])) as Record<KnowledgeState, number>;
}
