import { defaultOfficer } from '../engine/allocations.js';
import type { CaseIndex, OfficerView } from '../engine/caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../engine/knowledge.js';
import { countStates, openConcerns, recordsIn, whatTheyKnew } from '../engine/officerSummary.js';
import { otherWorkBy } from '../engine/otherWork.js';
import { isRedStatus } from '../engine/team.js';
import { isStale } from '../engine/workload.js';
import { oneLineSummary, whatHappened } from '../domain/summary.js';
import { decisionText } from '../review/episodeEdits.js';
import { decisionInstant, episodeOfficer } from '../review/flags.js';
import { addDaysToDate } from '../time/calendar.js';
import { formatTime } from '../time/display.js';
import { londonDateOf, startOfLondonDay, toLondonIso } from '../time/london.js';
import type { CaseRecord } from '../schemas/record.js';
import type { DecisionPoint, Walkthrough } from './walkthrough.js';

/**
 * What the presenter view shows a room at each step of a walkthrough (issue 17): an opening, one step per decision
 * point, the outcome, then the hindsight view. Foresight means foresight: until the outcome step a frame holds only
 * what the officer knew or could read on the record at the point's moment; what others held and what came to light
 * later wait for the hindsight view, and what the officer actually did waits for the debrief.
 */

export type StepKind = 'opening' | 'point' | 'outcome' | 'hindsight';

/** The states whose records a room may see before the end: what the officer knew, or could read on the record. */
export const SEEN_BY_OFFICER: readonly KnowledgeState[] = ['known', 'onRecord'];

/** A record as the room reads it. */
export interface FrameRecord {
  id: string;
  /** Its place in time: the earliest instant it occurred. */
  start: number;
  when: string;
  what: string;
  summary: string;
  state: KnowledgeState;
}

/** What the officer knew and carried at a moment, in the officer panel's derivations. */
export interface OfficerPicture {
  code: string;
  name: string;
  grade: string | null;
  holdsCase: boolean;
  /** How many records the officer knew, could read, and could read only on a case they did not hold then. */
  counts: { known: number; onRecord: number; notHeld: number };
  /** The facts a supervisor asks about first (the officer panel's "What they knew"). */
  facts: { label: string; value: string | null; record: FrameRecord | null }[];
  /** Police, MAPPA, safeguarding and partner information of the last 90 days, latest first. */
  concerns: FrameRecord[];
  concernCount: number;
  workload: {
    capacityPct: number;
    excessive: boolean;
    over110Since: string | null;
    totalCases: number | null;
    caseloadAtLeast50: boolean | null;
    snapshotDate: string;
    staleDays: number;
    stale: boolean;
  } | null;
  team: { code: string | null; name: string | null; staffingPct: number | null; deliveryStatus: string | null; red: boolean; snapshotDate: string | null };
  otherWork: { sameDay: number; sameWeek: number };
}

/** One bar of the timeline strip: how many records of each state fall in it. */
export interface StripBucket {
  /** The bucket's first London date. */
  date: string;
  /** By KNOWLEDGE_STATES index; only the states the strip draws are counted. */
  counts: number[];
}

export interface Strip {
  from: string;
  to: string;
  bucketDays: number;
  states: readonly KnowledgeState[];
  buckets: StripBucket[];
}

/** At the hindsight view: what each decision's officer could not know then. */
export interface HindsightPoint {
  id: string;
  number: number;
  title: string;
  when: string;
  officer: string;
  heldElsewhere: { count: number; latest: FrameRecord[] };
  notYetRecorded: { count: number; latest: FrameRecord[] };
  cameToLightLater: { count: number; latest: FrameRecord[] };
}

export interface PresenterFrame {
  step: number;
  steps: number;
  kind: StepKind;
  title: string;
  /** The decision put to the room (never what the officer did: that is for the debrief). */
  point: { id: string; number: number; title: string; question: string; options: readonly string[] } | null;
  moment: { at: number; text: string } | null;
  officer: OfficerPicture | null;
  timeline: Strip | null;
  /** The latest records on the strip, latest last. */
  records: FrameRecord[];
  outcome: { text: string; offence: string } | null;
  hindsight: HindsightPoint[] | null;
}

/** How many steps a walkthrough takes: the opening, its points, the outcome and the hindsight view. */
export const stepCount = (walkthrough: Pick<Walkthrough, 'points'>): number => walkthrough.points.length + 3;

export function stepKind(walkthrough: Pick<Walkthrough, 'points'>, step: number): StepKind {
  if (step <= 0) return 'opening';
  if (step <= walkthrough.points.length) return 'point';
  return step === walkthrough.points.length + 1 ? 'outcome' : 'hindsight';
}

/** The decision point a step shows, if it shows one. */
export const pointAt = (walkthrough: Pick<Walkthrough, 'points'>, step: number): DecisionPoint | null => (stepKind(walkthrough, step) === 'point' ? (walkthrough.points[step - 1] ?? null) : null);

/** The weeks before the moment the strip shows, as the timeline opens on the weeks before its cursor. */
const WINDOW_DAYS = 56;
const LATEST = 8;
const RECORDS_ON_STRIP = 12;

const frameRecord = (index: CaseIndex, record: CaseRecord, state: KnowledgeState): FrameRecord => ({
  id: record.id,
  start: index.starts[index.positionOf(record.id) ?? 0] as number,
  when: formatTime(record.occurred),
  what: whatHappened(record),
  summary: oneLineSummary(record, 200),
  state,
});

/**
 * A point's moment and whose it is. A point set at or after the further offence is seen from a minute before it: the
 * room never learns the outcome from a decision point.
 */
export function pointMoment(index: CaseIndex, point: Pick<DecisionPoint, 'at' | 'officer'>): { at: number; text: string; officer: string | null } | null {
  const read = decisionInstant({ decisionAt: point.at });
  if (read === null) return null;
  const before = index.offenceStart - 60_000;
  const at = Math.min(read, before);
  // A date alone reads as that date (never as a clock time); a moment moved before the offence reads as its own time.
  const text = at === read ? decisionText(point.at) : formatTime({ value: toLondonIso(at), precision: 'exact' });
  return { at, text, officer: episodeOfficer(index, point, at) };
}

/** The officer's view at a moment as foresight shows it: their other work stops at the moment, as on the timeline. */
export function foresightView(index: CaseIndex, officer: string, at: number): OfficerView {
  const seen = index.view(officer, at);
  return { ...seen, otherWork: otherWorkBy(seen.otherWork, at) };
}

/** What the officer knew and carried at a moment, from the officer panel's own derivations. */
export function officerPicture(index: CaseIndex, view: OfficerView): OfficerPicture {
  const counts = countStates(view.states);
  const state = (r: CaseRecord) => KNOWLEDGE_STATES[view.states[index.positionOf(r.id) ?? 0] as number] as KnowledgeState;
  const concerns = openConcerns(index, view);
  const w = view.workload;
  const t = view.team;
  return {
    code: view.officer.code,
    name: view.officer.name,
    grade: view.officer.grade ?? null,
    holdsCase: view.holdsCase,
    counts: { known: counts.known, onRecord: counts.onRecord, notHeld: counts.notHeld },
    facts: whatTheyKnew(index, view).map((d) => ({ label: d.label, value: d.value ?? null, record: d.record ? frameRecord(index, d.record, state(d.record)) : null })),
    concerns: [...concerns].reverse().slice(0, LATEST).map((r) => frameRecord(index, r, state(r))),
    concernCount: concerns.length,
    workload: w && {
      capacityPct: w.snapshot.capacityPct,
      excessive: w.excessive,
      over110Since: w.over110Since,
      totalCases: w.snapshot.totalCases ?? null,
      caseloadAtLeast50: w.caseloadAtLeast50,
      snapshotDate: w.snapshot.snapshotDate,
      staleDays: w.staleDays,
      stale: isStale(w),
    },
    team: { code: view.teamCode, name: t?.teamName ?? null, staffingPct: t?.staffingPct ?? null, deliveryStatus: t?.deliveryStatus ?? null, red: isRedStatus(t?.deliveryStatus), snapshotDate: t?.snapshotDate ?? null },
    otherWork: { sameDay: view.otherWork.sameDay.length, sameWeek: view.otherWork.sameWeek.length },
  };
}

/** The first position whose start is after `at` (records are in start order). */
function firstAfter(index: CaseIndex, at: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.starts[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The strip of the timeline from `from` to the moment: each bucket's records counted by state, only the states given.
 * Records are in start order, so one walk back from the moment fills the buckets from the last, with no date worked
 * out per record.
 */
function strip(index: CaseIndex, states: Uint8Array, from: string, at: number, bucketDays: number, drawn: readonly KnowledgeState[]): Strip {
  const to = londonDateOf(at);
  const wanted = new Set(drawn.map((s) => KNOWLEDGE_STATES.indexOf(s)));
  const buckets: (StripBucket & { start: number })[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, bucketDays)) buckets.push({ date: d, start: startOfLondonDay(d), counts: KNOWLEDGE_STATES.map(() => 0) });
  let b = buckets.length - 1;
  for (let i = firstAfter(index, at) - 1; i >= 0 && b >= 0; i--) {
    const start = index.starts[i] as number;
    while (b >= 0 && start < (buckets[b] as { start: number }).start) b--;
    const s = states[i] as number;
    if (b >= 0 && wanted.has(s)) buckets[b]!.counts[s]!++;
  }
  return { from, to, bucketDays, states: drawn, buckets: buckets.map(({ date, counts }) => ({ date, counts })) };
}

/** The latest records in the given states, up to the moment, latest last. */
function latestSeen(index: CaseIndex, states: Uint8Array, at: number, seen: readonly KnowledgeState[], max: number): FrameRecord[] {
  const wanted = new Set(seen.map((s) => KNOWLEDGE_STATES.indexOf(s)));
  const out: FrameRecord[] = [];
  for (let i = firstAfter(index, at) - 1; i >= 0 && out.length < max; i--) {
    const s = states[i] as number;
    if (wanted.has(s)) out.push(frameRecord(index, index.records[i] as CaseRecord, KNOWLEDGE_STATES[s] as KnowledgeState));
  }
  return out.reverse();
}

const inState = (index: CaseIndex, view: OfficerView, state: KnowledgeState) => {
  const { count, latest } = recordsIn(index, view, state, LATEST);
  return { count, latest: latest.map((r) => frameRecord(index, r, state)) };
};

function hindsightPoints(index: CaseIndex, walkthrough: Walkthrough): HindsightPoint[] {
  return walkthrough.points.flatMap((p, i) => {
    const m = pointMoment(index, p);
    if (!m?.officer) return [];
    const view = index.view(m.officer, m.at);
    return [{
      id: p.id,
      number: i + 1,
      title: p.title,
      when: m.text,
      officer: view.officer.name || view.officer.code,
      heldElsewhere: inState(index, view, 'heldElsewhere'),
      notYetRecorded: inState(index, view, 'notYetRecorded'),
      cameToLightLater: inState(index, view, 'hindsightOnly'),
    }];
  });
}

/** The whole case by week up to the further offence, as it stood just before it: what probation had, what others held, what came to light later. */
function wholeCase(index: CaseIndex): { timeline: Strip | null; records: FrameRecord[] } {
  const at = index.offenceStart - 60_000;
  const officer = defaultOfficer(index.data.allocations, index.data.staff, at);
  const states = index.statesAt(officer ?? '', at, officer !== null && index.holdsCaseAt(officer, at).length > 0);
  const first = index.starts[0];
  if (first === undefined) return { timeline: null, records: [] };
  const everything = KNOWLEDGE_STATES.filter((s) => s !== 'notYetHappened');
  return { timeline: strip(index, states, londonDateOf(first), at, 7, everything), records: latestSeen(index, states, at, ['heldElsewhere', 'hindsightOnly', 'notYetRecorded'], RECORDS_ON_STRIP) };
}

/**
 * Finds, once per case, where each kind of record the officer's picture looks for sits (the officer panel's own
 * lookups: about half a second at 100,000 records), so that no step in front of the room waits for it. Called when
 * the presenter view opens.
 */
export function preparePresenter(index: CaseIndex): void {
  const officer = defaultOfficer(index.data.allocations, index.data.staff, index.offenceStart);
  if (officer !== null) officerPicture(index, index.view(officer, index.offenceStart - 60_000));
}

/** Everything the presenter view shows at a step (0: the opening; then each point; then the outcome; then the hindsight view). */
export function presenterFrame(index: CaseIndex, walkthrough: Walkthrough, step: number): PresenterFrame {
  const steps = stepCount(walkthrough);
  const kind = stepKind(walkthrough, step);
  const base: PresenterFrame = { step, steps, kind, title: walkthrough.title, point: null, moment: null, officer: null, timeline: null, records: [], outcome: null, hindsight: null };
  const offence = formatTime(index.data.case.offenceAt);
  if (kind === 'opening') return base;
  if (kind === 'outcome') return { ...base, title: 'What happened', outcome: { text: walkthrough.outcome, offence } };
  if (kind === 'hindsight') return { ...base, title: 'The hindsight view', outcome: { text: walkthrough.outcome, offence }, ...wholeCase(index), hindsight: hindsightPoints(index, walkthrough) };
  const p = walkthrough.points[step - 1] as DecisionPoint;
  const point = { id: p.id, number: step, title: p.title, question: p.question, options: p.options };
  const m = pointMoment(index, p);
  if (!m) return { ...base, title: p.title, point };
  const moment = { at: m.at, text: m.text };
  if (!m.officer) return { ...base, title: p.title, point, moment };
  const view = foresightView(index, m.officer, m.at);
  return {
    ...base,
    title: p.title,
    point,
    moment,
    officer: officerPicture(index, view),
    timeline: strip(index, view.states, addDaysToDate(view.date, 1 - WINDOW_DAYS), m.at, 1, SEEN_BY_OFFICER),
    records: latestSeen(index, view.states, m.at, SEEN_BY_OFFICER, RECORDS_ON_STRIP),
  };
}
