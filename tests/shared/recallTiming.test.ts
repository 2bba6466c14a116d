import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../shared/import/dates.js';
import { inForceOn } from '../../shared/review/policies.js';
import {
  gapWords,
  intervalBetween,
  intervalWords,
  recallSequences,
  recallSequencesBy,
  recallSequencesForEpisode,
  targetWords,
  type RecallSequence,
  type StepRow,
} from '../../shared/review/recallTiming.js';
import type { CaseRecord, ContactRecord, InformationRecord } from '../../shared/schemas/record.js';
import type { Policy, RecallStep } from '../../shared/schemas/review.js';
import { latestInstant } from '../../shared/time/london.js';
import type { TimeValue } from '../../shared/time/precision.js';
import { recallGapLabel, recallMarks } from '../../renderer/src/features/timeline/draw.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const provenance = { fileName: 'contacts.csv', sha256: '0'.repeat(64), row: 2 };

/** A time as a reviewer writes it: `2023-03-01 10:00` (London wall clock), or `2023-03-01` for a day alone. */
function t(text: string): TimeValue {
  const parsed = parseDateTime(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
const at = (text: string) => latestInstant(t(text));

let serial = 0;
function contact(when: string, fields: Partial<ContactRecord> = {}): ContactRecord {
  const id = String(++serial);
  return { kind: 'contact', id: `contact:${id}`, contactId: id, crn: 'X900001', occurred: t(when), recorded: t(when), sourceAgency: 'Probation', summary: '', staffCode: 'N07P101', provenance, ...fields };
}
function info(when: string | TimeValue, summary: string, sourceAgency = 'Police'): InformationRecord {
  const id = `P-${++serial}`;
  return { kind: 'information', id: `info:${id}`, infoId: id, crn: 'X900001', occurred: typeof when === 'string' ? t(when) : when, sourceAgency, summary, reachedProbation: null, provenance };
}

const failed = (when: string) => contact(when, { typeCode: 'COAP', outcomeCode: 'AFTA' });
const recallConsidered = (when: string) => contact(when, { typeCode: 'C519' });

const POLICY: Policy = {
  id: 'P1',
  name: 'Recall policy framework',
  version: '2021',
  from: '2021-06-26',
  to: null,
  targets: [
    { from: 'recallConsidered', to: 'managerSignOff', withinHours: 24 },
    { from: 'decisionRecorded', to: 'policeNotified', withinHours: 24 },
  ],
};

const row = (s: RecallSequence, step: RecallStep) => s.steps.find((r) => r.step === step) as StepRow;
const found = (s: RecallSequence) => s.steps.flatMap((r) => (r.status === 'found' ? [[r.step, r.record] as const] : []));
const statuses = (s: RecallSequence) => Object.fromEntries(s.steps.map((r) => [r.step, r.status]));
const only = (records: CaseRecord[], policies: Policy[] = []) => {
  const sequences = recallSequences(records, policies);
  expect(sequences).toHaveLength(1);
  return sequences[0] as RecallSequence;
};

describe('recall timing: which records are which step', () => {
  it('finds every step of a breach that led to recall, each with its record and time, in order', () => {
    const records = [
      failed('2023-03-01 10:00'),
      recallConsidered('2023-03-01 16:00'),
      contact('2023-03-02 09:00', { typeCode: 'CSPO' }),
      contact('2023-03-02 12:00', { typeCode: 'CNPS' }),
      contact('2023-03-02 15:00', { typeCode: 'C204' }),
      info('2023-03-03 06:00', 'Arrested at his mother’s address on the recall warrant.'),
    ];
    const s = only(records);
    expect(found(s)).toEqual([
      ['breach', records[0]!.id],
      ['recallConsidered', records[1]!.id],
      ['managerSignOff', records[2]!.id],
      ['decisionRecorded', records[3]!.id],
      ['policeNotified', records[4]!.id],
      ['arrest', records[5]!.id],
    ]);
    expect(row(s, 'managerSignOff')).toMatchObject({ time: t('2023-03-02 09:00'), meaning: 'Consultation with manager (CSPO)' });
    expect(row(s, 'arrest')).toMatchObject({ meaning: 'Information held by Police: “arrested”' });
    expect(s.breaches.map((b) => b.record)).toEqual([records[0]!.id]);
    expect(s.id).toBe(`recall:${records[0]!.id}`);
  });

  it('reads each nDelius code for its step, in plain words before the code', () => {
    const starts: [Partial<ContactRecord>, RecallStep, string][] = [
      [{ outcomeCode: 'AFTA', outcomeDescription: 'Failed To Attend' }, 'breach', 'Failed To Attend (AFTA)'],
      [{ outcomeCode: 'UAAB' }, 'breach', 'Unacceptable Absence (UAAB)'],
      [{ outcomeCode: 'AFTC' }, 'breach', 'Attended - Failed To Comply (AFTC)'],
      [{ outcomeCode: 'ATSH' }, 'breach', 'Attended - Sent Home (behaviour) (ATSH)'],
      [{ complied: false }, 'breach', 'Recorded as not complied (N)'],
      [{ enforcementCode: 'EA02' }, 'breach', 'First Warning Letter Sent (EA02)'],
      [{ typeCode: 'LCL' }, 'breach', 'Licence compliance letter (LCL)'],
      [{ typeCode: 'ERCL' }, 'breach', 'Breach / prison recall (ERCL)'],
      [{ enforcementCode: 'ibr' }, 'recallConsidered', 'Breach / Recall Initiated (IBR)'],
      [{ enforcementCode: 'EA11' }, 'recallConsidered', 'Recall Requested (EA11)'],
      [{ enforcementCode: 'IMB' }, 'recallConsidered', 'Immediate Breach or Recall (IMB)'],
      [{ enforcementCode: 'BRE' }, 'recallConsidered', 'Breach Requested (BRE)'],
      [{ typeCode: 'C519' }, 'recallConsidered', 'Recall consideration (C519)'],
      [{ typeCode: 'MO5' }, 'managerSignOff', 'Management Oversight - Recall (MO5)'],
      [{ outcomeCode: 'MO10' }, 'decisionRecorded', 'Decision to recall (MO10)'],
      [{ outcomeCode: 'MO11' }, 'decisionRecorded', 'Decision not to recall (MO11)'],
      [{ typeCode: 'CNPS' }, 'decisionRecorded', 'PS recall decision (CNPS)'],
    ];
    // An outcome code says how it went: the complied column speaks only without one.
    expect(recallSequences([contact('2023-03-01 10:00', { outcomeCode: 'AAME', complied: false }), contact('2023-03-01 11:00', { typeCode: 'COAP' })], [])).toEqual([]);
    for (const [fields, step, meaning] of starts) {
      const s = only([contact('2023-03-01 10:00', fields)]);
      expect(found(s).map(([st]) => st), JSON.stringify(fields)).toEqual([step]);
      expect(row(s, step)).toMatchObject({ meaning });
    }
  });

  it('counts everyday codes (oversight, police liaison, an arrest) only once recall has begun, and never starts a sequence with one', () => {
    const everyday = [contact('2023-03-02 09:00', { typeCode: 'MO1' }), contact('2023-03-02 15:00', { typeCode: 'C204' }), contact('2023-03-03 06:00', { typeCode: 'CARR' })];
    expect(recallSequences(everyday, [])).toEqual([]);
    const afterFailure = only([failed('2023-03-01 10:00'), ...everyday]);
    expect(statuses(afterFailure)).toEqual({ breach: 'found', recallConsidered: 'notInData', managerSignOff: 'notInData', decisionRecorded: 'notInData', policeNotified: 'notInData', arrest: 'notInData' });
    const afterRecall = only([failed('2023-03-01 10:00'), recallConsidered('2023-03-01 12:00'), ...everyday]);
    expect(found(afterRecall).map(([s]) => s)).toEqual(['breach', 'recallConsidered', 'managerSignOff', 'policeNotified', 'arrest']);
  });

  it('an enforcement contact that initiates recall is that step, not a second breach; a failed appointment that does is both', () => {
    const miss = failed('2023-11-06 11:45');
    const ercl = contact('2023-11-08 15:30', { typeCode: 'ERCL', enforcementCode: 'IBR' });
    const s = only([miss, ercl]);
    expect(s.breaches.map((b) => b.record)).toEqual([miss.id]);
    expect(row(s, 'recallConsidered')).toMatchObject({ record: ercl.id });
    const both = contact('2023-11-06 11:45', { outcomeCode: 'AFTA', enforcementCode: 'IMB' });
    expect(found(only([both]))).toEqual([['breach', both.id], ['recallConsidered', both.id]]);
  });

  it('reads another agency’s words for an arrest, but not words that say there was none', () => {
    const begun = () => [failed('2023-03-01 10:00'), recallConsidered('2023-03-01 12:00')];
    for (const summary of ['Police called; no arrest made.', 'He was not arrested.', 'Officers attended but he wasn’t arrested.', 'Left without being arrested', 'Arrestedness unknown']) {
      expect(row(only([...begun(), info('2023-03-02 10:00', summary)]), 'arrest').status, summary).toBe('notInData');
    }
    for (const summary of ['Arrested on the recall.', 'He was returned to custody at HMP Northtown', 'Recalled to\nprison after arrest', 'Taken into custody overnight']) {
      expect(row(only([...begun(), info('2023-03-02 10:00', summary, 'Prison')]), 'arrest').status, summary).toBe('found');
    }
  });
});

describe('recall timing: sequences and their order', () => {
  it('takes failures within two weeks as one breach, and a later one as a new breach', () => {
    const [a, b, c] = [failed('2023-03-01 10:00'), failed('2023-03-07 10:00'), failed('2023-03-30 10:00')];
    const sequences = recallSequences([a, b, c], []);
    expect(sequences.map((s) => s.breaches.map((x) => x.record))).toEqual([[a.id, b.id], [c.id]]);
    expect(row(sequences[0]!, 'breach')).toMatchObject({ record: a.id });
  });

  it('reads records in chronology order whatever order they come in', () => {
    const records = [failed('2023-03-01 10:00'), recallConsidered('2023-03-02 10:00'), contact('2023-03-02 11:00', { typeCode: 'MO5', outcomeCode: 'MO10' })];
    expect(recallSequences([...records].reverse(), [])).toEqual(recallSequences(records, []));
  });

  it('lists the steps in their order, each timed from the step found before it, and says when the data has them the other way round', () => {
    const s = only([
      failed('2023-03-01 10:00'),
      recallConsidered('2023-03-01 16:00'),
      contact('2023-03-02 09:00', { typeCode: 'C204' }),
      contact('2023-03-02 14:00', { typeCode: 'MO5' }),
    ]);
    expect(s.steps.map((r) => r.step)).toEqual(['breach', 'recallConsidered', 'managerSignOff', 'decisionRecorded', 'policeNotified', 'arrest']);
    const words = s.steps.map((r) => (r.status === 'found' && r.sincePrevious ? gapWords(r.sincePrevious) : r.status));
    expect(words).toEqual(['found', '6 hours after the breach', '22 hours after the recall consideration', 'notInData', '5 hours before the manager’s sign-off', 'notInData']);
  });

  it('a step more than four weeks after the last record starts its own sequence, with its breach not in the data', () => {
    const miss = failed('2023-03-01 10:00');
    const later = recallConsidered('2023-04-05 10:00');
    const sequences = recallSequences([miss, later], []);
    expect(sequences.map((s) => s.id)).toEqual([`recall:${miss.id}`, `recall:${later.id}`]);
    expect(row(sequences[1]!, 'breach')).toEqual({ step: 'breach', status: 'notInData', reason: 'Not in the data.' });
  });

  it('ends at a decision not to recall: the police and an arrest do not apply, and later police contact is not the recall’s', () => {
    const sequences = recallSequences([failed('2023-03-01 10:00'), contact('2023-03-02 10:00', { typeCode: 'MO5', outcomeCode: 'MO11' }), contact('2023-03-03 10:00', { typeCode: 'C204' })], [POLICY]);
    expect(sequences).toHaveLength(1);
    const s = sequences[0]!;
    expect(s.decision).toBe('noRecall');
    expect(row(s, 'policeNotified')).toMatchObject({ status: 'notApplicable', reason: 'The decision was not to recall.' });
    expect(row(s, 'arrest').status).toBe('notApplicable');
    expect(s.targets.map((x) => x.status)).toEqual(['cannotTell', 'notApplicable']);
  });

  it('ends at the arrest: a failure after it is a new breach', () => {
    const s = recallSequences([failed('2023-03-01 10:00'), recallConsidered('2023-03-01 12:00'), contact('2023-03-02 10:00', { typeCode: 'CARR' }), failed('2023-03-04 10:00')], []);
    expect(s.map((x) => found(x).map(([step]) => step))).toEqual([['breach', 'recallConsidered', 'arrest'], ['breach']]);
  });
});

describe('recall timing: never more exact than the data', () => {
  it('gives the time between day-precision steps in days, never hours', () => {
    const s = only([contact('2023-03-01', { outcomeCode: 'AFTA' }), recallConsidered('2023-03-02 16:00'), contact('2023-03-02', { typeCode: 'MO5' })]);
    expect(row(s, 'breach')).toMatchObject({ time: { value: '2023-03-01', precision: 'day' } });
    const gaps = s.steps.flatMap((r) => (r.status === 'found' && r.sincePrevious ? [r.sincePrevious.interval] : []));
    expect(gaps).toEqual([{ unit: 'days', value: 1, approx: false }, { unit: 'days', value: 0, approx: false }]);
    expect(gapWords({ from: 'breach', interval: gaps[0]!, sameRecord: false })).toBe('1 day after the breach');
    expect(gapWords({ from: 'recallConsidered', interval: gaps[1]!, sameRecord: false })).toBe('Same day as the recall consideration');
  });

  it('gives minutes between clock times, in words people use', () => {
    expect(intervalBetween(t('2023-03-01 10:00'), t('2023-03-01 15:00'))).toEqual({ unit: 'minutes', value: 300, approx: false });
    const words = (minutes: number) => intervalWords({ unit: 'minutes', value: minutes, approx: false });
    expect([words(1), words(40), words(60), words(300), words(1535), words(2880), words(3105), words(4380)]).toEqual(['1 minute', '40 minutes', '1 hour', '5 hours', '25 hours 35 minutes', '2 days', '2 days 3 hours', '3 days 1 hour']);
    expect(intervalWords({ unit: 'days', value: 2, approx: true })).toBe('about 2 days');
    expect([1535, 3105, 40].map((m) => intervalWords({ unit: 'minutes', value: m, approx: false }, { short: true }))).toEqual(['25 h 35 min', '2 d 3 h', '40 min']);
  });

  it('counts real elapsed time across the clocks going forward', () => {
    expect(intervalBetween(t('2023-03-25 12:00'), t('2023-03-26 12:00'))).toEqual({ unit: 'minutes', value: 23 * 60, approx: false });
  });

  it('cannot say how long when a time is known only to the month', () => {
    const month = info({ value: '2023-03', precision: 'month' }, 'Returned to custody');
    const s = only([failed('2023-02-27 10:00'), recallConsidered('2023-02-27 12:00'), month]);
    const gap = (row(s, 'arrest') as Extract<StepRow, { status: 'found' }>).sincePrevious!;
    expect(gap.interval).toEqual({ unit: 'unknown' });
    expect(gapWords(gap)).toBe('Cannot say (a time known only to the month) after the recall consideration');
  });
});

describe('recall timing: the targets of the policies in force', () => {
  const withSignOff = (recall: string, signOff: string, policies = [POLICY]) => only([failed('2023-03-01 09:00'), recallConsidered(recall), contact(signOff, { typeCode: 'MO5' })], policies);
  const signOffTarget = (s: RecallSequence) => s.targets.find((x) => x.to === 'managerSignOff');

  it('is met within the limit and missed beyond it', () => {
    expect(signOffTarget(withSignOff('2023-03-01 10:00', '2023-03-02 10:00'))).toMatchObject({ status: 'met', policy: 'P1', policyName: 'Recall policy framework (2021)', withinHours: 24, elapsed: { unit: 'minutes', value: 1440 } });
    expect(signOffTarget(withSignOff('2023-03-01 10:00', '2023-03-02 10:01'))).toMatchObject({ status: 'missed', reason: 'More than 24 hours.' });
    expect(targetWords(POLICY.targets![0]!)).toBe('Within 24 hours of the recall consideration');
  });

  it('cannot tell when a time known only to the day leaves it either way, and can when the day settles it', () => {
    expect(signOffTarget(withSignOff('2023-03-01 10:00', '2023-03-02'))).toMatchObject({ status: 'cannotTell', reason: 'The manager sign-off is known only to the day: it may or may not have been within 24 hours.' });
    expect(signOffTarget(withSignOff('2023-03-01', '2023-03-01'))).toMatchObject({ status: 'met' });
    expect(signOffTarget(withSignOff('2023-03-01', '2023-03-04'))).toMatchObject({ status: 'missed' });
  });

  it('cannot tell when a step is not in the data', () => {
    const s = only([failed('2023-03-01 09:00'), recallConsidered('2023-03-01 10:00')], [POLICY]);
    expect(s.targets.map((x) => [x.status, x.reason])).toEqual([
      ['cannotTell', 'Manager sign-off is not in the data.'],
      ['cannotTell', 'Decision recorded is not in the data.'],
    ]);
  });

  it('applies only the policies whose dates span the breach, both days included', () => {
    const dated = (from: string | null, to: string | null): Policy => ({ ...POLICY, id: `${from}-${to}`, from, to });
    const policies = [dated('2023-03-02', null), dated(null, '2023-02-28'), dated('2023-03-01', '2023-03-01'), dated(null, null), { ...POLICY, id: 'none', targets: undefined }];
    const s = withSignOff('2023-03-01 10:00', '2023-03-02 10:00', policies);
    expect(s.date).toBe('2023-03-01');
    expect([...new Set(s.rules.map((r) => r.policy))]).toEqual(['2023-03-01-2023-03-01', 'null-null']);
    expect(inForceOn({ from: '2023-03-02', to: null }, '2023-03-01')).toBe(false);
  });
});

describe('recall timing: as at a moment (foresight)', () => {
  const records = [
    failed('2023-03-01 09:00'),
    recallConsidered('2023-03-01 10:00'),
    contact('2023-03-02 12:00', { typeCode: 'MO5', outcomeCode: 'MO10' }),
    contact('2023-03-02 15:00', { typeCode: 'C204' }),
  ];
  const sequences = recallSequences(records, [POLICY]);

  it('shows only the steps that had happened by the moment, and says nothing of later ones', () => {
    const [s] = recallSequencesBy(sequences, at('2023-03-02 11:00'));
    expect(found(s!).map(([step]) => step)).toEqual(['breach', 'recallConsidered']);
    expect(statuses(s!)).toMatchObject({ managerSignOff: 'notYet', decisionRecorded: 'notYet', policeNotified: 'notYet', arrest: 'notYet' });
    expect(s!.asAt).toBe(at('2023-03-02 11:00'));
    expect(JSON.stringify(s)).not.toContain(records[2]!.id);
    expect(JSON.stringify(s)).not.toContain(records[3]!.id);
    expect(recallSequencesBy(sequences, at('2023-03-01 08:59'))).toEqual([]);
  });

  it('judges a target as it stood: not yet due, then overdue, then missed once the step came', () => {
    const signOff = (moment: string) => recallSequencesBy(sequences, at(moment))[0]!.targets[0]!;
    expect(signOff('2023-03-02 09:00')).toMatchObject({ status: 'pending', reason: 'Due within 24 hours of the recall consideration.' });
    expect(signOff('2023-03-02 10:01')).toMatchObject({ status: 'overdue', reason: '24 hours had passed since the recall consideration, with no manager sign-off on the record.' });
    expect(signOff('2023-03-02 12:00')).toMatchObject({ status: 'missed' });
    expect(sequences[0]!.targets[0]!.status).toBe('missed');
  });

  it('says a step was not yet on the record, without saying when it was written, until it was', () => {
    const late = recallSequences([failed('2023-03-01 09:00'), contact('2023-03-01 10:00', { enforcementCode: 'IBR', recorded: t('2023-03-02 16:55') })], []);
    const step = (moment: string) => row(recallSequencesBy(late, at(moment))[0]!, 'recallConsidered');
    expect(step('2023-03-02 12:00')).toMatchObject({ status: 'found', recorded: null, notYetRecorded: true });
    expect(JSON.stringify(step('2023-03-02 12:00'))).not.toContain('16:55');
    expect(step('2023-03-02 17:00')).toMatchObject({ recorded: t('2023-03-02 16:55') });
    expect(step('2023-03-02 17:00')).not.toHaveProperty('notYetRecorded');
  });

  it('leaves out a step the viewer could not read then', () => {
    const [s] = recallSequencesBy(sequences, at('2023-03-02 16:00'), (id) => id !== records[2]!.id);
    expect(found(s!).map(([step]) => step)).toEqual(['breach', 'recallConsidered', 'policeNotified']);
    expect(statuses(s!)).toMatchObject({ managerSignOff: 'notInData', decisionRecorded: 'notInData', arrest: 'notYet' });
    expect(row(s!, 'managerSignOff')).toMatchObject({ reason: 'Not in the data as seen at this moment.' });
  });

  it('counts a step known only to the day as happened only when its day is over', () => {
    const day = recallSequences([failed('2023-03-01 09:00'), contact('2023-03-01', { typeCode: 'C519' })], []);
    expect(statuses(recallSequencesBy(day, at('2023-03-01 23:00'))[0]!).recallConsidered).toBe('notYet');
    expect(statuses(recallSequencesBy(day, at('2023-03-01'))[0]!).recallConsidered).toBe('found');
  });
});

describe('recall timing: the demo case', () => {
  const index = demoCaseIndex();
  const sequences = recallSequences(index.records, [POLICY]);

  it('finds the breach-to-recall sequence of November 2023, with the sign-off late and the police told in time', () => {
    const recall = sequences.find((s) => s.decision === 'recall')!;
    expect(found(recall)).toEqual([
      ['breach', 'contact:2600000148'],
      ['recallConsidered', 'contact:2600000337'],
      ['managerSignOff', 'contact:2600000338'],
      ['decisionRecorded', 'contact:2600000338'],
      ['policeNotified', 'contact:2600000339'],
      ['arrest', 'contact:2600000340'],
    ]);
    expect(recall.steps.map((r) => (r.status === 'found' && r.sincePrevious ? gapWords(r.sincePrevious) : null))).toEqual([
      null,
      '2 days 3 hours after the breach',
      '25 hours 35 minutes after the recall consideration',
      'Same record as the manager’s sign-off',
      '23 hours 35 minutes after the decision',
      '42 hours 40 minutes after the police notification',
    ]);
    expect(row(recall, 'recallConsidered')).toMatchObject({ recorded: { value: '2023-11-09T16:55:00+00:00' } });
    expect(recall.targets.map((x) => x.status)).toEqual(['missed', 'met']);
  });

  it('finds the September decision not to recall, with no breach before it in the data, and the failures that went no further', () => {
    expect(sequences.map((s) => [s.id, s.decision, found(s).length])).toEqual([
      ['recall:contact:2600000153', null, 1],
      ['recall:contact:2600000085', null, 1],
      ['recall:contact:2600000170', null, 1],
      ['recall:contact:2600000182', null, 1],
      ['recall:contact:2600000187', null, 1],
      ['recall:contact:2600000334', 'noRecall', 2],
      ['recall:contact:2600000335', null, 1],
      ['recall:contact:2600000148', 'recall', 6],
    ]);
    expect(sequences[0]!.breaches.map((b) => b.record)).toEqual(['contact:2600000153', 'contact:2600000069']);
    expect(statuses(sequences[5]!)).toEqual({ breach: 'notInData', recallConsidered: 'notInData', managerSignOff: 'found', decisionRecorded: 'found', policeNotified: 'notApplicable', arrest: 'notApplicable' });
  });

  it('as at any moment, shows exactly what the records up to that moment alone would show', () => {
    const moments = sequences.flatMap((s) => [...s.breaches, ...s.hits]).flatMap((h) => [latestInstant(h.time) - 60_000, latestInstant(h.time)]);
    for (const moment of moments) {
      const upToThen = recallSequences(index.records.filter((_, i) => (index.times[i]!.happened as number) <= moment), [POLICY]);
      expect(recallSequencesBy(sequences, moment), new Date(moment).toISOString()).toEqual(recallSequencesBy(upToThen, moment));
    }
  });

  it('marks on the timeline only the steps seen by the cursor, each bracket with the time since the step before and its target', () => {
    const marks = recallMarks({ index, recall: recallSequencesBy(sequences, at('2023-11-10 17:00')) });
    expect(marks.map((m) => m.map((x) => x.step.step))).toEqual([
      ['managerSignOff', 'decisionRecorded'],
      ['breach', 'recallConsidered', 'managerSignOff', 'decisionRecorded', 'policeNotified'],
    ]);
    expect(marks[1]!.map(recallGapLabel)).toEqual(['', '2 d 3 h', '25 h 35 min · 24 h target: missed', '', '23 h 35 min · 24 h target: met']);
    expect(marks[1]!.map((x) => x.t)).toEqual(['contact:2600000148', 'contact:2600000337', 'contact:2600000338', 'contact:2600000338', 'contact:2600000339'].map((id) => index.starts[index.positionOf(id)!]));
  });

  it('gives an episode the sequences begun by its decision and running in the twelve weeks before', () => {
    const ids = (decisionAt: string) => recallSequencesForEpisode(sequences, { decisionAt }).map((s) => s.id);
    expect(ids('2023-09-22T16:00')).toEqual(['recall:contact:2600000187', 'recall:contact:2600000334']);
    expect(ids('2023-09-22T15:00')).toEqual(['recall:contact:2600000187']);
    expect(ids('2023-11-09')).toEqual(['recall:contact:2600000187', 'recall:contact:2600000334', 'recall:contact:2600000335', 'recall:contact:2600000148']);
    expect(ids('not a date')).toEqual([]);
  });
});
