import { plainThenCode, whatHappened } from '../domain/summary.js';
import { byStartThenId } from '../engine/chronologyOrder.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import { RECALL_STEPS, type Episode, type Policy, type RecallStep } from '../schemas/review.js';
import { daysBetweenDates } from '../time/calendar.js';
import { earliestInstant, latestInstant, londonDateOfTime } from '../time/london.js';
import { hasClockTime, type TimeValue } from '../time/precision.js';
import { decisionInstant } from './flags.js';
import { inForceOn } from './policies.js';

/**
 * Recall and enforcement timing: each breach that led, or could have led, to recall, the steps the data holds after
 * it, the time between them, and the targets of the policies in force at the breach. Nothing is guessed: a step the
 * data does not hold is "not in the data", and a time known only to the day gives intervals in days.
 */

/** The steps in plain words, in the order they happen. */
export const RECALL_STEP_LABELS: Record<RecallStep, string> = {
  breach: 'Breach or failure to comply',
  recallConsidered: 'Recall considered or initiated',
  managerSignOff: 'Manager sign-off',
  decisionRecorded: 'Decision recorded',
  policeNotified: 'Police notified',
  arrest: 'Arrest or return to custody',
};

/** Each step as a noun, as "25 hours after …" reads. */
const STEP_NOUNS: Record<RecallStep, string> = {
  breach: 'the breach',
  recallConsidered: 'the recall consideration',
  managerSignOff: 'the manager’s sign-off',
  decisionRecorded: 'the decision',
  policeNotified: 'the police notification',
  arrest: 'the arrest',
};

type Field = 'type' | 'outcome' | 'enforcement' | 'complied' | 'partner';

interface StepMeaning {
  step: RecallStep;
  /** Where the code is: a contact's type, outcome or enforcement action, its complied column, or (`partner`) words in another agency's summary. */
  field: Field;
  code: string;
  meaning: string;
  /** The code is everyday work too (routine oversight, a police call): it is a recall step only once recall has begun. */
  onceRecallBegun?: true;
  /** An enforcement contact is the breach only when it shows nothing further: an ERCL that initiates recall (IBR) is that step, the breach being what came before it. */
  breachAlone?: true;
  decision?: 'recall' | 'noRecall';
}

/**
 * Which nDelius codes mean which step, the one table of them (../shared/NDELIUS_CODES.md: §1 contact types under
 * "Custody, release, recall, licence, enforcement", "Management oversight" and "Police / intelligence"; §2 outcomes and
 * enforcement actions). nDelius has no code for "police told of the recall": a police liaison contact once recall has
 * begun is the nearest the record holds. Information from other agencies has no codes: its summary's words are read.
 */
const RECALL_STEP_CODES: readonly StepMeaning[] = [
  { step: 'breach', field: 'outcome', code: 'AFTA', meaning: 'Failed To Attend' },
  { step: 'breach', field: 'outcome', code: 'UAAB', meaning: 'Unacceptable Absence' },
  { step: 'breach', field: 'outcome', code: 'AFTC', meaning: 'Attended - Failed To Comply' },
  { step: 'breach', field: 'outcome', code: 'ATSH', meaning: 'Attended - Sent Home (behaviour)' },
  { step: 'breach', field: 'complied', code: 'N', meaning: 'Recorded as not complied' },
  { step: 'breach', field: 'enforcement', code: 'ROM', meaning: 'Refer to Offender Manager', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA02', meaning: 'First Warning Letter Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA03', meaning: 'Second Warning Letter Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA05', meaning: 'Other Enforcement Letter Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA08', meaning: 'Breach Letter Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA09', meaning: 'Send Confirmation of Breach', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA10', meaning: 'Breach Confirmation Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'EA12', meaning: 'Decision Pending Response from Person on Probation', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'LCL', meaning: 'Licence Compliance Letter Sent', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'WLS', meaning: 'Enforcement Letter Requested', breachAlone: true },
  { step: 'breach', field: 'enforcement', code: 'C173', meaning: 'Breach Action - Decision Pending Response', breachAlone: true },
  { step: 'breach', field: 'type', code: 'ERCL', meaning: 'Breach / prison recall', breachAlone: true },
  { step: 'breach', field: 'type', code: 'BRED', meaning: 'Other enforcement action', breachAlone: true },
  { step: 'breach', field: 'type', code: 'LCL', meaning: 'Licence compliance letter', breachAlone: true },
  { step: 'breach', field: 'type', code: 'C173', meaning: 'Breach Action - Decision Pending Response', breachAlone: true },
  { step: 'recallConsidered', field: 'enforcement', code: 'IBR', meaning: 'Breach / Recall Initiated' },
  { step: 'recallConsidered', field: 'enforcement', code: 'EA11', meaning: 'Recall Requested' },
  { step: 'recallConsidered', field: 'enforcement', code: 'IMB', meaning: 'Immediate Breach or Recall' },
  { step: 'recallConsidered', field: 'enforcement', code: 'BRE', meaning: 'Breach Requested' },
  { step: 'recallConsidered', field: 'type', code: 'C519', meaning: 'Recall consideration' },
  { step: 'managerSignOff', field: 'type', code: 'MO5', meaning: 'Management Oversight - Recall' },
  { step: 'managerSignOff', field: 'type', code: 'MO1', meaning: 'Management oversight', onceRecallBegun: true },
  { step: 'managerSignOff', field: 'type', code: 'CSPO', meaning: 'Consultation with manager', onceRecallBegun: true },
  { step: 'decisionRecorded', field: 'outcome', code: 'MO10', meaning: 'Decision to recall', decision: 'recall' },
  { step: 'decisionRecorded', field: 'outcome', code: 'MO11', meaning: 'Decision not to recall', decision: 'noRecall' },
  { step: 'decisionRecorded', field: 'type', code: 'CNPS', meaning: 'PS recall decision' },
  { step: 'policeNotified', field: 'type', code: 'C204', meaning: 'Police liaison', onceRecallBegun: true },
  { step: 'arrest', field: 'type', code: 'CARR', meaning: 'Arrest incident', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'arrested', meaning: 'arrested', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'taken into custody', meaning: 'taken into custody', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'returned to custody', meaning: 'returned to custody', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'returned to prison', meaning: 'returned to prison', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'recalled to custody', meaning: 'recalled to custody', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'recalled to prison', meaning: 'recalled to prison', onceRecallBegun: true },
  { step: 'arrest', field: 'partner', code: 'back in custody', meaning: 'back in custody', onceRecallBegun: true },
];

/**
 * Failures within two weeks of each other are one breach (a second missed weekly appointment is the same episode of
 * non-compliance, and "failed to attend twice" is how officers write it).
 */
export const BREACH_EPISODE_DAYS = 14;
/** A recall runs in days: a step more than four weeks after the sequence's last record belongs to no sequence of it. */
export const STEP_WINDOW_DAYS = 28;
/** A sequence that began by an episode's decision and was still running in the twelve weeks before it bears on it. */
export const EPISODE_LOOKBACK_DAYS = 84;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One record that is a step, and what it was. */
export interface StepHit {
  step: RecallStep;
  record: string;
  /** When it happened, as exactly as the data knows it. */
  time: TimeValue;
  /** When a contact was written on the probation record, when that was not when it happened. */
  recorded: TimeValue | null;
  /** What the record is, in plain words before its code: `Failed To Attend (AFTA)`. */
  meaning: string;
  decision?: 'recall' | 'noRecall';
  /** As at a moment: it was written on the record only after it (and `recorded`, a later time, is left out). */
  notYetRecorded?: true;
}

/** A time between two steps: in minutes when both clock times are known, in calendar days when either is known only to the day. */
export type Interval = { unit: 'minutes' | 'days'; value: number; approx: boolean } | { unit: 'unknown' };

/** How long after the step before it (in step order) a step came, or, when the data has them the other way round, before. */
export interface Gap {
  from: RecallStep;
  interval: Interval;
  /** One record is both steps (an MO5 with the decision as its outcome). */
  sameRecord: boolean;
}

export type StepRow =
  | (StepHit & { status: 'found'; sincePrevious: Gap | null })
  | { step: RecallStep; status: 'notInData' | 'notApplicable' | 'notYet'; reason: string };

/** A time limit a policy sets between two steps. */
export interface TargetRule {
  policy: string;
  policyName: string;
  from: RecallStep;
  to: RecallStep;
  withinHours: number;
}

/**
 * `pending` and `overdue` arise only in a view as at a moment: the limit had not run out by then, or it had with no
 * record of the step.
 */
export type TargetStatus = 'met' | 'missed' | 'cannotTell' | 'notApplicable' | 'pending' | 'overdue';

export const TARGET_STATUS_WORDS: Record<TargetStatus, string> = {
  met: 'Met',
  missed: 'Missed',
  cannotTell: 'Cannot tell',
  notApplicable: 'Does not apply',
  pending: 'Not yet due',
  overdue: 'Overdue',
};

export interface TargetCheck extends TargetRule {
  status: TargetStatus;
  reason: string;
  elapsed: Interval | null;
}

export interface RecallSequence {
  /** `recall:` and the id of its first record. */
  id: string;
  /** The London date it began (its breach, or its first step when the data holds no breach): the policies are those in force then. */
  date: string;
  /** The breach's records: the first is the breach step, the rest further failures of the same episode. */
  breaches: StepHit[];
  /** The other steps' records, at most one per step. */
  hits: StepHit[];
  rules: TargetRule[];
  decision: 'recall' | 'noRecall' | null;
  /** Every step in order, found or not. */
  steps: StepRow[];
  targets: TargetCheck[];
  /** The moment the sequence is seen as at (recallSequencesBy); null: everything the data holds. */
  asAt: number | null;
}

const STEP_ORDER = new Map(RECALL_STEPS.map((s, i) => [s, i]));
const BEGUN: ReadonlySet<RecallStep> = new Set(['recallConsidered', 'managerSignOff', 'decisionRecorded']);
const AFTER_DECISION: ReadonlySet<RecallStep> = new Set(['policeNotified', 'arrest']);

const codesBy = new Map<string, StepMeaning[]>();
for (const m of RECALL_STEP_CODES) {
  if (m.field === 'partner') continue;
  const key = `${m.field}:${m.code}`;
  codesBy.set(key, [...(codesBy.get(key) ?? []), m]);
}
const PARTNER_WORDS = RECALL_STEP_CODES.filter((m) => m.field === 'partner');
const phrase = (words: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${words.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
const PARTNER_PATTERNS = PARTNER_WORDS.map((m) => ({ m, pattern: phrase(m.code) }));
/** "not arrested", "wasn't arrested", "without being arrested": words just before the phrase that say the opposite. */
const NEGATED = /(?:(?:^|[^\p{L}])(?:no|not|never|without)|n['’]t)(?:\s+\S+){0,2}\s*$/iu;

interface Match {
  meaning: StepMeaning;
  text: string;
}

const NONE: Match[] = [];

function contactMatches(record: ContactRecord): Match[] {
  // Most contacts are none of these: say so without building anything (a case can hold 100,000 of them).
  const { typeCode, outcomeCode, enforcementCode } = record;
  if (!typeCode && !outcomeCode && !enforcementCode && record.complied !== false) return NONE;
  const found: Match[] = [];
  const add = (field: Field, code: string | undefined, description: string | undefined) => {
    const key = code?.trim().toUpperCase();
    for (const meaning of key ? (codesBy.get(`${field}:${key}`) ?? []) : []) found.push({ meaning, text: plainThenCode(description ?? meaning.meaning, key) });
  };
  add('type', record.typeCode, record.typeDescription);
  add('outcome', record.outcomeCode, record.outcomeDescription);
  add('enforcement', record.enforcementCode, record.enforcementDescription);
  // The complied column speaks only where no outcome code does.
  if (!record.outcomeCode && record.complied === false) add('complied', 'N', undefined);
  return found;
}

function partnerMatches(record: CaseRecord): Match[] {
  for (const { m, pattern } of PARTNER_PATTERNS) {
    const hit = pattern.exec(record.summary);
    if (hit && !NEGATED.test(record.summary.slice(0, hit.index + (hit[1]?.length ?? 0)))) return [{ meaning: m, text: `${whatHappened(record)}: “${m.meaning}”` }];
  }
  return NONE;
}

/** The steps a record is, at most one meaning per step, in step order. */
function stepsOf(record: CaseRecord): Match[] {
  const all = record.kind === 'contact' ? contactMatches(record) : partnerMatches(record);
  if (all.length === 0) return NONE;
  const beyondBreach = all.some((m) => m.meaning.step !== 'breach');
  const kept = all.filter((m) => !(beyondBreach && m.meaning.breachAlone));
  const byStep = new Map<RecallStep, Match>();
  for (const m of kept) if (!byStep.has(m.meaning.step)) byStep.set(m.meaning.step, m);
  return [...byStep.values()].sort((a, b) => (STEP_ORDER.get(a.meaning.step) as number) - (STEP_ORDER.get(b.meaning.step) as number));
}

function hitOf(record: CaseRecord, match: Match): StepHit {
  const recorded = record.kind === 'contact' && record.recorded.value !== record.occurred.value ? record.recorded : null;
  const hit: StepHit = { step: match.meaning.step, record: record.id, time: record.occurred, recorded, meaning: match.text };
  if (match.meaning.decision) hit.decision = match.meaning.decision;
  return hit;
}

interface Open {
  breaches: StepHit[];
  hits: StepHit[];
  /** When its latest record started. */
  last: number;
  closed: boolean;
}

const has = (s: Open, step: RecallStep) => s.hits.some((h) => h.step === step);

/**
 * The case's recall sequences, from its records in chronology order (CaseIndex.records), judged against the targets
 * of the policies in force on the day each began. Records are read in order, and each decision rests only on those
 * before it:
 * - a breach (a failure, or enforcement short of recall) starts a sequence, or joins the one running if it came within
 *   BREACH_EPISODE_DAYS of its last record;
 * - a step joins the running sequence when it came within STEP_WINDOW_DAYS of its last record and the sequence does
 *   not have that step yet; a recall step (considered, sign-off on MO5, decision) that cannot join starts a sequence
 *   whose breach is not in the data; everyday codes (routine oversight, police liaison, an arrest) count only once
 *   recall has begun, and never start one;
 * - a decision not to recall, or an arrest, ends a sequence.
 */
export function recallSequences(records: readonly CaseRecord[], policies: readonly Policy[]): RecallSequence[] {
  const candidates = records.flatMap((r) => {
    const steps = stepsOf(r);
    return steps.length > 0 ? [{ r, steps, id: r.id, start: earliestInstant(r.occurred) }] : [];
  });
  candidates.sort(byStartThenId);
  const all: Open[] = [];
  let current: Open | null = null;
  const start = (first: StepHit, at: number): Open => {
    const s: Open = first.step === 'breach' ? { breaches: [first], hits: [], last: at, closed: false } : { breaches: [], hits: [first], last: at, closed: false };
    all.push(s);
    return s;
  };
  for (const { r, steps, start: at } of candidates) {
    for (const match of steps) {
      const hit = hitOf(r, match);
      const running: Open | null = current && !current.closed ? current : null;
      const within = (days: number) => running !== null && at - running.last <= days * DAY_MS;
      if (hit.step === 'breach') {
        if (running && within(BREACH_EPISODE_DAYS)) {
          running.breaches.push(hit);
          running.last = at;
        } else current = start(hit, at);
        continue;
      }
      const everyday = match.meaning.onceRecallBegun === true;
      const joinable = running !== null && within(STEP_WINDOW_DAYS);
      const repeat = joinable && has(running, hit.step);
      if (joinable && !repeat && (!everyday || running.hits.some((h) => BEGUN.has(h.step)))) {
        running.hits.push(hit);
        running.last = at;
      } else if (!everyday && !repeat) current = start(hit, at);
      else continue;
      if (hit.decision === 'noRecall' || hit.step === 'arrest') (current as Open).closed = true;
    }
  }
  return all.map((s) => {
    const first = s.breaches[0] ?? (s.hits[0] as StepHit);
    const date = londonDateOfTime(first.time);
    const rules = policies
      .filter((p) => inForceOn(p, date))
      .flatMap((p) => (p.targets ?? []).map((t) => ({ policy: p.id, policyName: p.version ? `${p.name} (${p.version})` : p.name, ...t })));
    return assemble({ id: `recall:${first.record}`, date, breaches: s.breaches, hits: s.hits, rules }, null);
  });
}

type SequenceData = Pick<RecallSequence, 'id' | 'date' | 'breaches' | 'hits' | 'rules'>;

/** The rows and target checks of a sequence from its records, as at a moment (null: all of the data). */
function assemble(data: SequenceData, asAt: number | null): RecallSequence {
  const found = new Map<RecallStep, StepHit>(data.hits.map((h) => [h.step, h]));
  if (data.breaches[0]) found.set('breach', data.breaches[0]);
  const decision = found.get('decisionRecorded')?.decision ?? null;
  const lastFound = Math.max(-1, ...[...found.keys()].map((s) => STEP_ORDER.get(s) as number));
  let previous: StepHit | null = null;
  const steps = RECALL_STEPS.map((step, i): StepRow => {
    const hit = found.get(step);
    if (hit) {
      const sincePrevious = previous ? { from: previous.step, interval: intervalBetween(previous.time, hit.time), sameRecord: previous.record === hit.record } : null;
      previous = hit;
      return { ...hit, status: 'found', sincePrevious };
    }
    if (decision === 'noRecall' && AFTER_DECISION.has(step)) return { step, status: 'notApplicable', reason: 'The decision was not to recall.' };
    // As at a moment, a step after the last one seen may simply not have come yet: it is not said to be missing.
    if (asAt !== null && i > lastFound) return { step, status: 'notYet', reason: 'Not on the record by this moment.' };
    return { step, status: 'notInData', reason: asAt === null ? 'Not in the data.' : 'Not in the data as seen at this moment.' };
  });
  return { ...data, decision, steps, targets: data.rules.map((r) => checkTarget(r, steps, asAt)), asAt };
}

const rowOf = (steps: readonly StepRow[], step: RecallStep) => steps[STEP_ORDER.get(step) as number] as StepRow;
const lower = (step: RecallStep) => RECALL_STEP_LABELS[step].toLowerCase();

/** Hours as a limit reads: `24 hours`, `1 hour`. */
const hoursWords = (hours: number) => `${hours} hour${hours === 1 ? '' : 's'}`;

/** A target in words: `Within 24 hours of the recall consideration`. */
export const targetWords = (rule: Pick<TargetRule, 'from' | 'withinHours'>) => `Within ${hoursWords(rule.withinHours)} of ${STEP_NOUNS[rule.from]}`;

function checkTarget(rule: TargetRule, steps: readonly StepRow[], asAt: number | null): TargetCheck {
  const from = rowOf(steps, rule.from);
  const to = rowOf(steps, rule.to);
  const limit = hoursWords(rule.withinHours);
  const result = (status: TargetStatus, reason: string, elapsed: Interval | null = null): TargetCheck => ({ ...rule, status, reason, elapsed });
  const notApplicable = () => result('notApplicable', 'The decision was not to recall.');
  if (from.status !== 'found') {
    if (from.status === 'notApplicable' || to.status === 'notApplicable') return notApplicable();
    return from.status === 'notYet'
      ? result('pending', `Not started: no ${lower(rule.from)} by this moment.`)
      : result('cannotTell', `${RECALL_STEP_LABELS[rule.from]} is not in the data.`);
  }
  if (to.status !== 'found') {
    if (to.status === 'notApplicable') return notApplicable();
    if (to.status === 'notInData') return result('cannotTell', `${RECALL_STEP_LABELS[rule.to]} is not in the data.`);
    // Overdue only when the limit had run out even counting from the latest the first step could have been.
    const overdue = asAt !== null && asAt > latestInstant(from.time) + rule.withinHours * HOUR_MS;
    return overdue
      ? result('overdue', `${limit} had passed since ${STEP_NOUNS[rule.from]}, with no ${lower(rule.to)} on the record.`)
      : result('pending', `Due within ${limit} of ${STEP_NOUNS[rule.from]}.`);
  }
  const elapsed = intervalBetween(from.time, to.time);
  if (from.time.precision === 'approx' || to.time.precision === 'approx') return result('cannotTell', 'A time is known only approximately.', elapsed);
  // The shortest and longest the time between could have been, from how exactly each time is known.
  const shortest = earliestInstant(to.time) - latestInstant(from.time);
  const longest = latestInstant(to.time) - earliestInstant(from.time);
  const ms = rule.withinHours * HOUR_MS;
  if (longest <= ms) return result('met', `Within ${limit}.`, elapsed);
  if (shortest > ms) return result('missed', `More than ${limit}.`, elapsed);
  const vague = hasClockTime(from.time) ? to : from;
  const known = vague.time.precision === 'month' ? 'to the month' : 'to the day';
  return result('cannotTell', `The ${lower(vague.step)} is known only ${known}: it may or may not have been within ${limit}.`, elapsed);
}

/** The time from one step to the next, never more exact than the data: days when either is known only to the day. */
export function intervalBetween(a: TimeValue, b: TimeValue): Interval {
  if (a.precision === 'month' || b.precision === 'month') return { unit: 'unknown' };
  const approx = a.precision === 'approx' || b.precision === 'approx';
  if (hasClockTime(a) && hasClockTime(b)) return { unit: 'minutes', value: Math.round((Date.parse(b.value) - Date.parse(a.value)) / 60_000), approx };
  return { unit: 'days', value: daysBetweenDates(londonDateOfTime(a), londonDateOfTime(b)), approx };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const SHORT: Record<string, string> = { minute: 'min', hour: 'h', day: 'd' };

/**
 * An interval's length in words: `40 minutes`, `25 hours 35 minutes`, `2 days 3 hours`, `3 days`, `same day`; `short`
 * for a label with little room (`25 h 35 min`).
 */
export function intervalWords(interval: Interval, { short = false } = {}): string {
  if (interval.unit === 'unknown') return short ? 'cannot say' : 'cannot say (a time known only to the month)';
  const n = Math.abs(interval.value);
  const about = interval.approx ? 'about ' : '';
  const unit = (k: number, word: string) => (short ? `${k} ${SHORT[word]}` : plural(k, word));
  if (interval.unit === 'days') return n === 0 ? `${about}same day` : about + unit(n, 'day');
  const [days, hours, minutes] = [Math.floor(n / 1440), Math.floor((n % 1440) / 60), n % 60];
  if (n < 60) return about + unit(n, 'minute');
  if (n < 48 * 60) return about + unit(Math.floor(n / 60), 'hour') + (minutes ? ` ${unit(minutes, 'minute')}` : '');
  return about + unit(days, 'day') + (hours ? ` ${unit(hours, 'hour')}` : '');
}

/** A step's time since the step before it, in words: `25 hours 35 minutes after the recall consideration`. */
export function gapWords(gap: Gap): string {
  const noun = STEP_NOUNS[gap.from];
  if (gap.sameRecord) return `Same record as ${noun}`;
  const { interval } = gap;
  if (interval.unit === 'days' && interval.value === 0) return `Same day as ${noun}`;
  const words = intervalWords(interval);
  return `${words[0]?.toUpperCase()}${words.slice(1)} ${interval.unit !== 'unknown' && interval.value < 0 ? 'before' : 'after'} ${noun}`;
}

/**
 * The sequences as they stood at a moment: only the steps that had happened by then (at the latest time each could
 * have been) and that `readable` lets the viewer read (a step the officer could not know then is left out too), with
 * the targets judged as at that moment. Nothing after the moment shows, not even whether a later step exists, or
 * when a step was written on the record if that came later.
 */
export function recallSequencesBy(sequences: readonly RecallSequence[], at: number, readable: (recordId: string) => boolean = () => true): RecallSequence[] {
  const seen = (h: StepHit) => latestInstant(h.time) <= at && readable(h.record);
  const asThen = (h: StepHit): StepHit => (h.recorded && latestInstant(h.recorded) > at ? { ...h, recorded: null, notYetRecorded: true } : h);
  return sequences.flatMap((s) => {
    const breaches = s.breaches.filter(seen).map(asThen);
    const hits = s.hits.filter(seen).map(asThen);
    return breaches.length + hits.length === 0 ? [] : [assemble({ id: s.id, date: s.date, breaches, hits, rules: s.rules }, at)];
  });
}

/**
 * The sequences that bear on an episode's decision: begun by the decision moment (its first record had happened), and
 * running within the EPISODE_LOOKBACK_DAYS before it. A breach a quarter of a year earlier with nothing since is
 * history by then, while recent non-compliance is part of what the officer was weighing. They are given whole, later
 * steps included: recallSequencesBy(…, decision moment) gives them as the officer saw them.
 */
export function recallSequencesForEpisode(sequences: readonly RecallSequence[], episode: Pick<Episode, 'decisionAt'>): RecallSequence[] {
  const at = decisionInstant(episode);
  if (at === null) return [];
  const from = at - EPISODE_LOOKBACK_DAYS * DAY_MS;
  return sequences.filter((s) => {
    const times = [...s.breaches, ...s.hits].map((h) => latestInstant(h.time));
    return Math.min(...times) <= at && Math.max(...times) >= from;
  });
}
