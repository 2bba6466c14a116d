import { trailKey, rowKeyOf } from '../audit/rowKeys.js';
import type { CaseIndex, OfficerView } from '../engine/caseIndex.js';
import { isProbation, knowledgeState, type KnowledgeState } from '../engine/knowledge.js';
import { TEAM_RULE } from '../engine/team.js';
import { EXCESSIVE_CAPACITY_PCT, isStale, STALE_AFTER_DAYS, WORKLOAD_RULES, type WorkloadAt } from '../engine/workload.js';
import { count } from '../domain/words.js';
import type { CaseRecord, InformationRecord } from '../schemas/record.js';
import type { Review } from '../schemas/review.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../schemas/snapshots.js';
import { daysBetweenDates } from '../time/calendar.js';
import { formatTime, formatUkDate } from '../time/display.js';
import { latestInstant, londonDateOf, londonDateOfTime } from '../time/london.js';
import { hasClockTime, type TimeValue } from '../time/precision.js';
import { escalationEvidence } from './escalation.js';
import { decisionInstant, episodeOfficer } from './flags.js';

export type StatementKind = 'workload' | 'team' | 'information' | 'otherWork' | 'escalation';

/**
 * A sentence a practitioner may put into their reply to a finding: derived from the data at the finding's decision,
 * never invented, with the rule that derived it and the records it rests on.
 */
export interface Statement {
  /** Stable within a finding: `workload:run`, `evidence:info:P-05:reached`, … */
  id: string;
  kind: StatementKind;
  text: string;
  /** How it was worked out, in plain words. */
  rule: string;
  /** As-of refs (`contact:…`, `info:…`) or the trail's snapshot keys (`workload:N07P214|2023-09-18`, `teams:N07T02|2023-09-18`). */
  records: string[];
  /** The figures the sentence states, for a UI or a report to show beside it. */
  figures?: Record<string, number | string | boolean>;
}

const workloadRef = (s: WorkloadSnapshot) => trailKey('workload', rowKeyOf('workload', s));
const teamRef = (s: TeamSnapshot) => trailKey('teams', rowKeyOf('teams', s));

/** Whole weeks from two weeks on; days before that (a run of 9 days is not "1 week"). */
const WEEKS_FROM_DAYS = 14;

export const STATEMENT_RULES = {
  run: `${WORKLOAD_RULES.excessive} The run is counted in calendar days from its first snapshot to the latest on or before the decision's date, both days included, as whole weeks from ${WEEKS_FROM_DAYS} days on. Nothing is assumed between the latest snapshot and the decision.`,
  capacity: `${WORKLOAD_RULES.snapshot} Capacity is the snapshot's WMT figure: total points as a percentage of available points.`,
  caseload: `${WORKLOAD_RULES.snapshot} ${WORKLOAD_RULES.caseload}`,
  stale: `A snapshot more than ${STALE_AFTER_DAYS} days before the decision is stale: the figure may have changed by then.`,
  team: `${TEAM_RULE} The delivery status is as the snapshot recorded it.`,
  otherWork:
    "The officer's contacts on their other cases in the imported files: on the decision's date (the whole day), and in the seven days ending on it. Given only when the files hold some that week.",
  escalation: 'The contacts before the decision in which the officer raised workload, caseload or capacity (escalation evidence: words in the notes of their contacts on any case).',
  reached:
    'The number of London calendar days from the decision’s date to the date the information reached probation (shared_with_probation). A date without a time counts as the end of that day: on the decision’s own day it is not counted as there by the decision.',
  heldElsewhere: 'The knowledge rules at the decision: another agency held it, and it had not reached probation by then (shared_with_probation blank or later).',
  cameToLight: 'The number of London calendar days from the decision’s date to the date the information came to light (came_to_light).',
  recorded:
    'The number of London calendar days from the decision’s date to when it was written on the probation record (a contact’s created time; for probation’s own information, when it was shared).',
  happened: 'The number of London calendar days from the decision’s date to when it happened (its occurred time).',
  notHeld: 'The knowledge rules at the decision: it was on the probation record, but no allocation of the officer (cover included) spanned the decision.',
} as const;

/** "the same day", "1 day", "11 days": how far after the decision a later time fell, in London calendar days. */
function afterDecision(t: TimeValue, decision: number): string {
  if (t.precision === 'month') return `in ${formatTime(t)} (the data gives only the month), after the decision`;
  const days = daysBetweenDates(londonDateOf(decision), londonDateOfTime(t));
  const about = t.precision === 'approx' ? 'about ' : '';
  // "on 3 Jul 2022", but "around 3 Jul 2022" for an approximate time.
  const on = `${about ? '' : 'on '}${formatTime(t)}`;
  if (days === 0) {
    return hasClockTime(t)
      ? `${on}, later the same day as the decision`
      : `${on}, the day of the decision (the data gives no time of day, so it is counted as after the decision)`;
  }
  return `${on}, ${about}${count(days, 'day')} after the decision`;
}

/** An agency in plain words, from the record: "police information", "held by the police". */
function agencyWords(agency: string): { information: string; holder: string } {
  const name = agency.trim();
  const plain = name === name.toUpperCase() ? name : name.toLowerCase();
  const the = ['police', 'prison', 'court', 'victim'].includes(plain) ? 'the ' : '';
  return { information: `${plain} information`, holder: `${the}${plain}` };
}

/** What a record is, for "This … reached probation". */
const whatItIs = (r: CaseRecord) => (r.kind === 'contact' ? 'contact' : isProbation(r.sourceAgency) ? 'probation information' : agencyWords(r.sourceAgency).information);

interface Decision {
  at: number;
  officer: string | null;
  officerName: string;
  holds: boolean;
  view: OfficerView | null;
}

/** How long before the decision a snapshot was taken, and, when that is over the limit, that its figure is stale. */
function snapshotAge(staleDays: number): string {
  const when = staleDays === 0 ? 'the day of this decision' : staleDays === 1 ? 'the day before this decision' : `${count(staleDays, 'day')} before this decision`;
  return isStale({ staleDays }) ? `${when}: a stale figure, which may have changed by the decision` : when;
}

const snapshotWhen = (date: string, staleDays: number) => `the snapshot of ${formatUkDate(date)}, ${snapshotAge(staleDays)}`;

function workloadStatements(w: WorkloadAt): Statement[] {
  const s = w.snapshot;
  const when = snapshotWhen(s.snapshotDate, w.staleDays);
  const staleRule = isStale(w) ? ` ${STATEMENT_RULES.stale}` : '';
  const base = { kind: 'workload' as const, records: [workloadRef(s)] };
  const out: Statement[] = [];
  const first = w.run[0];
  if (first && w.run.length > 1) {
    const days = daysBetweenDates(first.snapshotDate, s.snapshotDate) + 1;
    const span = days < WEEKS_FROM_DAYS ? count(days, 'day') : `${Math.floor(days / 7)} consecutive weeks`;
    const excessive = w.excessive ? ', which HMPPS counts as excessive workload' : '';
    out.push({
      id: 'workload:run',
      kind: 'workload',
      text: `Workload was over ${EXCESSIVE_CAPACITY_PCT}% of WMT capacity for ${span} before this decision${excessive}: at every snapshot from ${formatUkDate(first.snapshotDate)} to ${formatUkDate(s.snapshotDate)} (${snapshotAge(w.staleDays)}).`,
      rule: STATEMENT_RULES.run + staleRule,
      records: w.run.map(workloadRef),
      figures: { over110Since: first.snapshotDate, latestSnapshot: s.snapshotDate, days, excessive: w.excessive, staleDays: w.staleDays },
    });
  }
  out.push({ ...base, id: 'workload:capacity', text: `WMT capacity was ${s.capacityPct}% at ${when}.`, rule: STATEMENT_RULES.capacity + staleRule, figures: { capacityPct: s.capacityPct, snapshotDate: s.snapshotDate, staleDays: w.staleDays } });
  if (s.totalCases !== undefined) {
    const concern = w.caseloadAtLeast50 ? ', 50 or more: the level at which the inspectorate found the quality of work falls' : '';
    out.push({ ...base, id: 'workload:caseload', text: `The caseload was ${count(s.totalCases, 'case')} at ${when}${concern}.`, rule: STATEMENT_RULES.caseload + staleRule, figures: { totalCases: s.totalCases, snapshotDate: s.snapshotDate } });
  }
  return out;
}

function teamStatement(view: OfficerView): Statement[] {
  const t = view.team;
  if (!t) return [];
  const staleDays = daysBetweenDates(t.snapshotDate, view.date);
  const status = t.deliveryStatus ? `, recorded as ${t.deliveryStatus}` : '';
  return [
    {
      id: 'team:staffing',
      kind: 'team',
      text: `The team (${t.teamName ?? t.teamCode}) was at ${t.staffingPct}% of its staff${status}, at ${snapshotWhen(t.snapshotDate, staleDays)}.`,
      rule: STATEMENT_RULES.team + (isStale({ staleDays }) ? ` ${STATEMENT_RULES.stale}` : ''),
      records: [teamRef(t)],
      figures: { staffingPct: t.staffingPct, ...(t.deliveryStatus ? { deliveryStatus: t.deliveryStatus } : {}), snapshotDate: t.snapshotDate, staleDays },
    },
  ];
}

function otherWorkStatement(view: OfficerView): Statement[] {
  const { sameDay, sameWeek } = view.otherWork;
  if (sameWeek.length === 0) return [];
  const day = sameDay.length === 0 ? 'No contacts on other cases on the day of this decision' : `${count(sameDay.length, 'contact')} on other cases on the day of this decision`;
  return [
    {
      id: 'otherWork',
      kind: 'otherWork',
      text: `${day}, and ${sameWeek.length} in the seven days ending on it.`,
      rule: STATEMENT_RULES.otherWork,
      records: sameWeek.map((c) => c.id),
      figures: { sameDay: sameDay.length, sameWeek: sameWeek.length },
    },
  ];
}

function escalationStatement(index: CaseIndex, d: Decision): Statement[] {
  if (!d.officer) return [];
  const raised = escalationEvidence(index, d.officer, d.at).filter((e) => e.kind === 'workloadRaised' && e.by === d.officer);
  const latest = raised[raised.length - 1];
  if (!latest) return [];
  const times = raised.length === 1 ? 'once before this decision' : `${raised.length} times before this decision, most recently`;
  return [
    {
      id: 'escalation:workload',
      kind: 'escalation',
      text: `Workload was raised ${times}: ${latest.text.charAt(0).toLowerCase()}${latest.text.slice(1)}, on ${formatTime(latest.at)}.`,
      rule: `${STATEMENT_RULES.escalation} ${latest.rule}`,
      records: raised.flatMap((e) => e.records),
      figures: { times: raised.length },
    },
  ];
}

/** The sentences about one record cited as evidence, by its knowledge state at the decision. */
function evidenceStatements(r: CaseRecord, state: KnowledgeState, d: Decision): Statement[] {
  const id = (what: string) => `evidence:${r.id}:${what}`;
  const base = { kind: 'information' as const, records: [r.id] };
  const info = r.kind === 'information' ? r : null;
  switch (state) {
    case 'notYetHappened':
    case 'hindsightOnly': {
      const happened = state === 'notYetHappened' ? [{ ...base, id: id('happened'), text: `This ${whatItIs(r)} is of something that happened ${afterDecision(r.occurred, d.at)}.`, rule: STATEMENT_RULES.happened }] : [];
      const cameToLight = info?.cameToLight && latestInstant(info.cameToLight) > d.at ? [{ ...base, id: id('cameToLight'), text: `This ${whatItIs(r)} came to light ${afterDecision(info.cameToLight, d.at)}.`, rule: STATEMENT_RULES.cameToLight }] : [];
      return [...happened, ...cameToLight];
    }
    case 'heldElsewhere':
      return info ? heldElsewhere(info, d, id) : [];
    case 'notYetRecorded': {
      const recorded = r.kind === 'contact' ? r.recorded : r.reachedProbation;
      return recorded ? [{ ...base, id: id('recorded'), text: `This ${whatItIs(r)} was written on the probation record ${afterDecision(recorded, d.at)}.`, rule: STATEMENT_RULES.recorded }] : [];
    }
    case 'notHeld':
      return [{ ...base, id: id('notHeld'), text: `This was on the probation record, but ${d.officerName} did not hold the case at the decision.`, rule: STATEMENT_RULES.notHeld }];
    default:
      // Known, or there to be read on the record: nothing the data says in the officer's favour.
      return [];
  }
}

/** Cited information another agency held at the decision: that it had not reached probation, and when (if ever) it did. */
function heldElsewhere(r: InformationRecord, d: Decision, id: (what: string) => string): Statement[] {
  const { information, holder } = agencyWords(r.sourceAgency);
  const never = r.reachedProbation ? '' : ', and never reached probation before the further offence';
  const held = { id: id('heldElsewhere'), kind: 'information' as const, text: `This ${information} was held by ${holder} and had not reached probation at the decision${never}.`, rule: STATEMENT_RULES.heldElsewhere, records: [r.id] };
  if (!r.reachedProbation) return [held];
  return [held, { ...held, id: id('reached'), text: `This ${information} reached probation ${afterDecision(r.reachedProbation, d.at)}.`, rule: STATEMENT_RULES.reached }];
}

/** Information the finding does not cite, held by another agency at the decision, that reached probation later. */
function reachedLater(r: InformationRecord, reached: TimeValue, d: Decision): Statement {
  const { information, holder } = agencyWords(r.sourceAgency);
  return {
    id: `elsewhere:${r.id}`,
    kind: 'information',
    text: `${information.charAt(0).toUpperCase()}${information.slice(1)} of ${formatTime(r.occurred)} was held by ${holder} at the decision, and reached probation ${afterDecision(reached, d.at)}.`,
    rule: `${STATEMENT_RULES.heldElsewhere} ${STATEMENT_RULES.reached}`,
    records: [r.id],
  };
}

/** Information positions in the chronology, found once per case: the records the "held elsewhere" sentences look at. */
const informationAt = new WeakMap<CaseIndex, Int32Array>();

function informationPositions(index: CaseIndex): Int32Array {
  let positions = informationAt.get(index);
  if (!positions) {
    const found: number[] = [];
    index.records.forEach((r, i) => {
      if (r.kind === 'information') found.push(i);
    });
    informationAt.set(index, (positions = Int32Array.from(found)));
  }
  return positions;
}

/** The finding's decision: its episode's moment and officer (as the hindsight checks resolve them). */
function decisionOf(index: CaseIndex, review: Pick<Review, 'episodes' | 'findings'>, findingId: string): Decision | null {
  const finding = review.findings.find((f) => f.id === findingId);
  const episode = finding?.episode === undefined ? undefined : review.episodes.find((e) => e.id === finding.episode);
  const at = episode ? decisionInstant(episode) : null;
  if (!episode || at === null) return null;
  const officer = episodeOfficer(index, episode, at);
  const view = officer ? index.view(officer, at) : null;
  const officerName = officer ? index.staffMember(officer).name || officer : 'the officer';
  return { at, officer, officerName, holds: view?.holdsCase ?? false, view };
}

/**
 * The sentences a practitioner may put into their reply to a finding, at its episode's decision and for that officer:
 * what they carried (workload, team, other work, workload they had raised) and, for each record cited as evidence and
 * each piece of information another agency still held, what they could not have known then. None where the data has
 * nothing: no snapshot, no sentence. Empty for a finding with no episode, or none of that id.
 */
export function responseStatements(index: CaseIndex, review: Pick<Review, 'episodes' | 'findings'>, findingId: string): Statement[] {
  const d = decisionOf(index, review, findingId);
  if (!d) return [];
  const finding = review.findings.find((f) => f.id === findingId);
  const out: Statement[] = [];
  if (d.view) {
    if (d.view.workload) out.push(...workloadStatements(d.view.workload));
    out.push(...teamStatement(d.view), ...otherWorkStatement(d.view), ...escalationStatement(index, d));
  }
  const cited = new Set(finding?.evidence ?? []);
  for (const ref of cited) {
    const i = index.positionOf(ref);
    if (i === undefined) continue;
    const state = knowledgeState(index.times[i]!, d.officer ?? '', d.at, d.holds);
    out.push(...evidenceStatements(index.records[i] as CaseRecord, state, d));
  }
  // Information other agencies held at the decision that reached probation later, beyond what the finding cites.
  for (const i of informationPositions(index)) {
    const r = index.records[i] as InformationRecord;
    if (cited.has(r.id) || !r.reachedProbation) continue;
    if (knowledgeState(index.times[i]!, d.officer ?? '', d.at, d.holds) !== 'heldElsewhere') continue;
    out.push(reachedLater(r, r.reachedProbation, d));
  }
  return out;
}
