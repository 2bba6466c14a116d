import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfReport } from '../../shared/engine/asOf.js';
import { CaseIndex, OFFENCE_ID, type CaseData } from '../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES } from '../../shared/engine/knowledge.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { anyOpen, FLAG_RULES, HindsightChecks, LATE_STATES, type HindsightFlag } from '../../shared/review/flags.js';
import { Finding, Review, type ReviewInput } from '../../shared/schemas/review.js';
import type { Allocation, CaseRecord } from '../../shared/schemas/index.js';
import { latestInstant } from '../../shared/time/london.js';
import type { TimeValue } from '../../shared/time/precision.js';

/** A time as the importer reads one: London wall clock, or a date alone (day precision). */
function time(text: string): TimeValue {
  const read = parseDateTime(text);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

const provenance = { fileName: 'x.csv', sha256: '0'.repeat(64), row: 2 };
const contact = (n: number, occurred: string, staffCode: string, recorded = occurred): CaseRecord => ({
  kind: 'contact', id: `contact:${n}`, contactId: String(n), crn: 'X123456', occurred: time(occurred), recorded: time(recorded), sourceAgency: 'Probation', summary: '', provenance, staffCode,
});
const info = (id: string, occurred: string, agency: string, more: { shared?: string; knownTo?: string; knownFrom?: string; cameToLight?: string } = {}): CaseRecord => ({
  kind: 'information', id: `info:${id}`, infoId: id, crn: 'X123456', occurred: time(occurred), sourceAgency: agency, summary: '', provenance,
  reachedProbation: more.shared ? time(more.shared) : null,
  ...(more.knownTo && more.knownFrom ? { knownToStaffCode: more.knownTo, knownFrom: time(more.knownFrom) } : {}),
  ...(more.cameToLight ? { cameToLight: time(more.cameToLight) } : {}),
});
const allocation = (id: string, staffCode: string, from: string, to: string | null, cover = false): Allocation => ({ id, crn: 'X123456', staffCode, from: time(from), to: to ? time(to) : null, cover });

/**
 * A small case. Ann (N07P001) holds it from 2023; Cal (N07P003) covers it from 10 Jul to 20 Aug 2023; Sam (N07P009),
 * an SPO, never holds it. The further offence is on 12 Nov 2023.
 */
const RECORDS: CaseRecord[] = [
  contact(1, '2023-06-01T10:00', 'N07P001'), // Ann's own contact: known to Ann
  contact(2, '2023-06-01T11:00', 'N07P009'), // Sam's, on the record at once: onRecord for Ann
  contact(3, '2023-06-22T15:00', 'N07P009'), // the afternoon of the decision
  contact(4, '2023-06-10T10:00', 'N07P009', '2023-06-30T09:00'), // written up after the decision
  contact(5, '2023-07-15T10:00', 'N07P003', '2023-07-25T09:00'), // Cal's, written up late
  info('H', '2023-05-01', 'Probation', { cameToLight: '2023-11-20' }),
  info('E', '2023-05-02T20:00', 'Police'),
  info('K', '2023-05-03T20:00', 'Police', { knownTo: 'N07P001', knownFrom: '2023-05-04' }),
  info('S', '2023-05-05T20:00', 'Police', { shared: '2023-05-08' }),
];
const CASE: CaseData = {
  case: { crn: 'X123456', offenceAt: time('2023-11-12T02:17') },
  records: RECORDS,
  otherWork: [],
  workload: [],
  teams: [],
  staff: [{ code: 'N07P001', name: 'Ann Okafor' }, { code: 'N07P003', name: 'Cal Hart' }, { code: 'N07P009', name: 'Sam Lee' }],
  allocations: [allocation('a1', 'N07P001', '2023-01-01', null), allocation('a2', 'N07P003', '2023-07-10', '2023-08-20', true)],
};
const ALL_EVIDENCE = ['offence', 'info:E', 'contact:1', 'contact:4', 'info:H', 'contact:2', 'contact:3', 'info:K', 'info:S', 'contact:5'];

/** A review of the small case: read as the app reads one, its defaults filled in. */
function reviewOf(input: Partial<ReviewInput>): Review {
  return Review.parse({ title: 'T', ...input });
}

function flagsOf(input: Partial<ReviewInput>, data: CaseData = CASE): HindsightFlag[] {
  const review = reviewOf(input);
  return new HindsightChecks(new CaseIndex(data), review).all(review.findings);
}

const episode = (id: string, decisionAt: string, officer?: string) => ({ id, title: id, decisionAt, ...(officer ? { officer } : {}) });
const finding = (id: string, more: Record<string, unknown> = {}) => ({ id, kind: 'condition' as const, text: '', ...more });
/** The late-evidence flags as [record, state]. */
const late = (flags: HindsightFlag[]) => flags.flatMap((f) => (f.kind === 'lateEvidence' ? [[f.record, f.state]] : []));

describe('hindsight checks: late evidence', () => {
  it('flags evidence the officer could not have read at the decision, with its state, in the order of the evidence', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ALL_EVIDENCE })] });
    expect(late(flags)).toEqual([
      ['offence', 'notYetHappened'],
      ['info:E', 'heldElsewhere'],
      ['contact:4', 'notYetRecorded'],
      ['info:H', 'hindsightOnly'],
      ['contact:3', 'notYetHappened'],
      ['contact:5', 'notYetHappened'],
    ]);
    expect(flags[0]).toEqual({ finding: 'N1', kind: 'lateEvidence', record: 'offence', state: 'notYetHappened', episode: 'E1', officer: 'N07P001', at: '2023-06-22T12:00:00+01:00', dismissed: null });
  });

  it('gives no flag for what the officer knew or could read on the record', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ['contact:1', 'info:K', 'contact:2', 'info:S'] })] });
    expect(flags).toEqual([]);
  });

  it('flags what was on the record of a case the officer did not hold (notHeld)', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P009')], findings: [finding('N1', { episode: 'E1', evidence: ['contact:1', 'contact:2', 'info:S'] })] });
    // Sam wrote contact:2 (known); Ann's contact and the shared police report were on a record Sam did not hold.
    expect(late(flags)).toEqual([['contact:1', 'notHeld'], ['info:S', 'notHeld']]);
    expect(flags[0]).toMatchObject({ officer: 'N07P009' });
  });

  it('agrees with as-of for every record, for every officer and moment: the as-of rules decide the state', () => {
    const index = new CaseIndex(CASE);
    for (const officer of ['N07P001', 'N07P003', 'N07P009']) {
      for (const at of ['2023-05-02T12:00', '2023-06-22T12:00', '2023-06-22', '2023-07-20T12:00', '2023-11-12T02:17', '2023-12-01']) {
        const flags = flagsOf({ episodes: [episode('E1', at, officer)], findings: [finding('N1', { episode: 'E1', evidence: ALL_EVIDENCE })] });
        const asOf = asOfReport(index, index.view(officer, latestInstant(time(at))));
        const expected = ALL_EVIDENCE.flatMap((record) => {
          const state = Object.entries(asOf.knowledge).find(([, ids]) => ids.includes(record))?.[0];
          return state && LATE_STATES.has(state as never) ? [[record, state]] : [];
        });
        expect(late(flags), `${officer} at ${at}`).toEqual(expected);
      }
    }
  });

  it('reads a decisionAt given as a date alone as the end of that day', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22', 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ['contact:3', 'contact:4'] })] });
    // The afternoon's contact had happened by the end of the day; the late write-up had still not been made.
    expect(late(flags)).toEqual([['contact:4', 'notYetRecorded']]);
    expect(flags[0]).toMatchObject({ at: '2023-06-22T23:59:59+01:00' });
  });

  it('reads a decisionAt with an offset as given, and one without as London time (GMT in winter)', () => {
    const summer = flagsOf({ episodes: [episode('E1', '2023-06-22T11:00:00Z', 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ['offence'] })] });
    expect(summer[0]).toMatchObject({ at: '2023-06-22T12:00:00+01:00' });
    const winter = flagsOf({ episodes: [episode('E1', '2023-01-10T09:00', 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ['offence'] })] });
    expect(winter[0]).toMatchObject({ at: '2023-01-10T09:00:00+00:00' });
  });

  it('takes the officer left out as whoever held the case at the decision, cover first', () => {
    const review = { episodes: [episode('E1', '2023-07-20T12:00')], findings: [finding('N1', { episode: 'E1', evidence: ['contact:5'] })] };
    // Cal covers on 20 Jul: Cal wrote contact:5, so knew it. Named, Ann could not yet read it.
    expect(flagsOf(review)).toEqual([]);
    expect(late(flagsOf({ ...review, episodes: [episode('E1', '2023-07-20T12:00', 'N07P001')] }))).toEqual([['contact:5', 'notYetRecorded']]);
    // After the cover, Ann holds it alone: the defaulted officer is Ann.
    const after = flagsOf({ episodes: [episode('E1', '2023-08-21T12:00')], findings: [finding('N1', { episode: 'E1', evidence: ['offence'] })] });
    expect(after[0]).toMatchObject({ officer: 'N07P001' });
  });

  it('takes the officer left out, before anyone held the case, as the first to hold it, who did not hold it then', () => {
    const data = { ...CASE, allocations: [allocation('a1', 'N07P001', '2023-06-01', null)] };
    const flags = flagsOf({ episodes: [episode('E1', '2023-05-10T12:00')], findings: [finding('N1', { episode: 'E1', evidence: ['info:S'] })] }, data);
    expect(flags).toEqual([expect.objectContaining({ record: 'info:S', state: 'notHeld', officer: 'N07P001' })]);
  });

  it('flags the further offence only while it has not happened', () => {
    const at = (decisionAt: string) => late(flagsOf({ episodes: [episode('E1', decisionAt, 'N07P001')], findings: [finding('N1', { episode: 'E1', evidence: ['offence'] })] }));
    expect(at('2023-11-12T02:16')).toEqual([['offence', 'notYetHappened']]);
    expect(at('2023-11-12T02:17')).toEqual([]);
    expect(at('2023-11-13')).toEqual([]);
  });

  it('gives a finding with no episode no late-evidence flag (there is no decision to measure it by)', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')], findings: [{ id: 'N1', kind: 'problem', text: 'She failed to act.', evidence: ['offence', 'info:E'] }] });
    expect(flags.map((f) => f.kind)).toEqual(['outcomeLanguage', 'noSystemFactor']);
  });

  it('checks each finding against its own episode', () => {
    const flags = flagsOf({
      episodes: [episode('E1', '2023-06-22T12:00', 'N07P001'), episode('E2', '2023-07-01T12:00', 'N07P001')],
      findings: [finding('N1', { episode: 'E1', evidence: ['contact:4'] }), finding('N2', { episode: 'E2', evidence: ['contact:4'] })],
    });
    expect(flags.map((f) => [f.finding, f.kind === 'lateEvidence' && f.episode])).toEqual([['N1', 'E1']]);
  });
});

describe('hindsight checks: outcome language', () => {
  it('flags listed phrases in the text of any kind of finding, by position, with the suggestion', () => {
    const flags = flagsOf({ findings: [finding('N1', { kind: 'good', text: 'Clearly good work; nothing failed to\nhappen.' })] });
    expect(flags).toEqual([
      { finding: 'N1', kind: 'outcomeLanguage', phrase: 'clearly', offset: 0, text: 'Clearly', suggestion: 'leave it out and give the evidence', dismissed: null },
      { finding: 'N1', kind: 'outcomeLanguage', phrase: 'failed to', offset: 27, text: 'failed to', suggestion: 'did not', dismissed: null },
    ]);
  });
});

describe('hindsight checks: no system factor', () => {
  const factors = [
    { id: 'F1', text: 'Did not read the log', level: 'practitioner' as const },
    { id: 'F2', text: 'Caseload over 50', level: 'team' as const },
    { id: 'F3', text: 'Second practitioner factor', level: 'practitioner' as const },
  ];
  const systemFlags = (f: Record<string, unknown>, more: Partial<ReviewInput> = {}) => flagsOf({ factors, ...more, findings: [{ id: 'N1', text: '', ...f } as never] }).filter((x) => x.kind === 'noSystemFactor');

  it('flags a problem with no factors, or with practitioner factors only', () => {
    expect(systemFlags({ kind: 'problem' })).toEqual([{ finding: 'N1', kind: 'noSystemFactor', dismissed: null }]);
    expect(systemFlags({ kind: 'problem', factors: ['F1'] })).toHaveLength(1);
    expect(systemFlags({ kind: 'problem', factors: ['F1', 'F3'] })).toHaveLength(1);
  });

  it('is cleared by one factor above the practitioner, at any level', () => {
    expect(systemFlags({ kind: 'problem', factors: ['F1', 'F2'] })).toEqual([]);
    for (const level of ['government', 'inspectorate', 'national', 'region', 'team', 'environment'] as const) {
      expect(systemFlags({ kind: 'problem', factors: ['FX'] }, { factors: [{ id: 'FX', text: 'x', level }] }), level).toEqual([]);
    }
  });

  it('never flags good practice or a condition', () => {
    expect(systemFlags({ kind: 'good' })).toEqual([]);
    expect(systemFlags({ kind: 'condition', factors: ['F1'] })).toEqual([]);
  });
});

describe('hindsight checks: dismissals', () => {
  const by = { reason: 'quoting the officer', by: 'A. Reviewer', at: '2026-12-01T10:00:00Z' };
  const E1 = episode('E1', '2023-06-22T12:00', 'N07P001');

  it('dismisses a late-evidence flag for the same record only, keeping its reason and who gave it', () => {
    const flags = flagsOf({ episodes: [E1], findings: [finding('N1', { episode: 'E1', evidence: ['info:E', 'info:H'], dismissed: [{ kind: 'lateEvidence', record: 'info:H', ...by }] })] });
    expect(flags.map((f) => [f.kind === 'lateEvidence' && f.record, f.dismissed])).toEqual([['info:E', null], ['info:H', { reason: 'quoting the officer', by: 'A. Reviewer' }]]);
  });

  it('dismisses an outcome-language flag for the same phrase as listed: each spelling is its own phrase', () => {
    const text = 'She should have realised, and should have realized, that it failed to land.';
    const flags = flagsOf({ findings: [finding('N1', { text, dismissed: [{ kind: 'outcomeLanguage', phrase: 'should have realized', ...by }, { kind: 'outcomeLanguage', phrase: 'Failed to', ...by }] })] });
    expect(flags.map((f) => [f.kind === 'outcomeLanguage' && f.phrase, f.dismissed !== null])).toEqual([
      ['should have realised', false],
      ['should have realized', true],
      // "Failed to" is not the phrase as listed ("failed to"): it dismisses nothing.
      ['failed to', false],
    ]);
  });

  it('dismisses every match of a phrase, wherever it comes', () => {
    const flags = flagsOf({ findings: [finding('N1', { text: 'Clearly. Clearly.', dismissed: [{ kind: 'outcomeLanguage', phrase: 'clearly', ...by }] })] });
    expect(flags.map((f) => f.dismissed)).toEqual([{ reason: by.reason, by: by.by }, { reason: by.reason, by: by.by }]);
  });

  it('dismisses only a flag of the same kind', () => {
    const wrongKind = { kind: 'outcomeLanguage' as const, record: 'info:E', phrase: 'clearly', ...by };
    const flags = flagsOf({ episodes: [E1], findings: [{ id: 'N1', episode: 'E1', kind: 'problem', text: '', evidence: ['info:E'], dismissed: [wrongKind] }] });
    expect(flags.map((f) => [f.kind, f.dismissed])).toEqual([['lateEvidence', null], ['noSystemFactor', null]]);
  });

  it('dismisses the system-factor flag by its kind, and takes the first dismissal that fits', () => {
    const flags = flagsOf({ findings: [{ id: 'N1', kind: 'problem', text: '', dismissed: [{ kind: 'noSystemFactor', ...by, reason: 'first' }, { kind: 'noSystemFactor', ...by, reason: 'second' }] }] });
    expect(flags).toEqual([{ finding: 'N1', kind: 'noSystemFactor', dismissed: { reason: 'first', by: 'A. Reviewer' } }]);
  });

  it('says a review is clean when every flag is dismissed or there are none', () => {
    expect(anyOpen([])).toBe(false);
    const dismissedAll = flagsOf({ findings: [{ id: 'N1', kind: 'problem', text: 'clearly', dismissed: [{ kind: 'noSystemFactor', ...by }, { kind: 'outcomeLanguage', phrase: 'clearly', ...by }] }] });
    expect(dismissedAll).toHaveLength(2);
    expect(anyOpen(dismissedAll)).toBe(false);
    expect(anyOpen(flagsOf({ findings: [{ id: 'N1', kind: 'problem', text: 'clearly', dismissed: [{ kind: 'noSystemFactor', ...by }] }] }))).toBe(true);
  });
});

describe('hindsight checks: order and shape', () => {
  it('lists a finding’s flags as evidence (in its order), then language (by position), then the system factor; findings in the review’s order', () => {
    const flags = flagsOf({
      episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')],
      findings: [
        { id: 'N2', episode: 'E1', kind: 'problem', text: 'Obviously she failed to see the red flags.', evidence: ['info:H', 'info:E'] },
        { id: 'N1', kind: 'problem', text: 'no excuse' },
      ],
    });
    expect(flags.map((f) => [f.finding, f.kind, f.kind === 'lateEvidence' ? f.record : f.kind === 'outcomeLanguage' ? f.offset : null])).toEqual([
      ['N2', 'lateEvidence', 'info:H'],
      ['N2', 'lateEvidence', 'info:E'],
      ['N2', 'outcomeLanguage', 0],
      ['N2', 'outcomeLanguage', 14],
      ['N2', 'outcomeLanguage', 32],
      ['N2', 'noSystemFactor', null],
      ['N1', 'outcomeLanguage', 0],
      ['N1', 'noSystemFactor', null],
    ]);
  });

  it('writes each flag’s fields in the order of the command line’s document', () => {
    const flags = flagsOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')], findings: [{ id: 'N1', episode: 'E1', kind: 'problem', text: 'failed to', evidence: ['info:E'] }] });
    expect(flags.map((f) => Object.keys(f))).toEqual([
      ['finding', 'kind', 'record', 'state', 'episode', 'officer', 'at', 'dismissed'],
      ['finding', 'kind', 'phrase', 'offset', 'text', 'suggestion', 'dismissed'],
      ['finding', 'kind', 'dismissed'],
    ]);
  });

  it('explains each kind of flag in words that stand on their own, sending the user to no document the app does not have', () => {
    for (const [kind, rule] of Object.entries(FLAG_RULES)) expect(rule, kind).not.toMatch(/\.md\b|§/);
  });

  it('checks one finding as it is typed, against the episode worked out once', () => {
    const review = reviewOf({ episodes: [episode('E1', '2023-06-22T12:00', 'N07P001')] });
    const checks = new HindsightChecks(new CaseIndex(CASE), review);
    const typed = (text: string) => checks.of(Finding.parse({ id: 'N1', episode: 'E1', kind: 'good', text, evidence: ['info:E'] }));
    expect(typed('It was').map((f) => f.kind)).toEqual(['lateEvidence']);
    expect(typed('It was clear that').map((f) => f.kind)).toEqual(['lateEvidence', 'outcomeLanguage']);
  });
});

/** Any small case: contacts and information at any time of 2023, by any of three officers, held in turn. */
const OFFICERS = ['N07P001', 'N07P003', 'N07P009'];
const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10));
const clock = fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
/** A time as written: a date alone, or a London date and time. */
const written = fc.tuple(day, fc.option(clock)).map(([d, c]) => (c ? `${d}T${c}` : d));
const anyContact = fc.record({ n: fc.integer({ min: 1, max: 1e6 }), occurred: written, recorded: fc.option(written), staff: fc.constantFrom(...OFFICERS) }).map(
  ({ n, occurred, recorded, staff }) => contact(n, occurred, staff, recorded && recorded > occurred ? recorded : occurred),
);
const anyInfo = fc.record({
  n: fc.integer({ min: 1, max: 1e6 }), occurred: written, agency: fc.constantFrom('Police', 'Probation', 'Health'),
  shared: fc.option(written), knownTo: fc.option(fc.constantFrom(...OFFICERS)), knownFrom: written, cameToLight: fc.option(written),
}).map(({ n, occurred, agency, shared, knownTo, knownFrom, cameToLight }) =>
  info(String(n), occurred, agency, { ...(shared ? { shared } : {}), ...(knownTo ? { knownTo, knownFrom } : {}), ...(cameToLight ? { cameToLight } : {}) }),
);
const anyCase = fc.record({ records: fc.array(fc.oneof(anyContact, anyInfo), { maxLength: 30 }), handover: day, cover: fc.tuple(day, day) }).map(({ records, handover, cover: [a, b] }): CaseData => ({
  ...CASE,
  records: [...new Map(records.map((r) => [r.id, r])).values()],
  allocations: [allocation('a1', 'N07P001', '2022-06-01', handover), allocation('a2', 'N07P003', handover, null), allocation('a3', 'N07P009', a < b ? a : b, a < b ? b : a, true)],
}));

describe('hindsight checks (property tests)', () => {
  it('never flags as late a record the episode’s officer knew or could read on the record at the decision', () => {
    fc.assert(
      fc.property(anyCase, written, fc.option(fc.constantFrom(...OFFICERS, 'N07P777')), fc.infiniteStream(fc.boolean()), (data, decisionAt, officer, pick) => {
        const index = new CaseIndex(data);
        const E1 = episode('E1', decisionAt, officer ?? undefined);
        const checks = new HindsightChecks(index, reviewOf({ episodes: [E1] }));
        const states = index.records.map((r) => [r.id, checks.stateAt('E1', r.id)] as const);
        const readable = states.filter(([, s]) => s === 'known' || s === 'onRecord').map(([id]) => id).filter(() => pick.next().value as boolean);
        const flags = checks.of(Finding.parse({ id: 'N1', episode: 'E1', kind: 'problem', text: '', evidence: readable }));
        expect(flags.filter((f) => f.kind === 'lateEvidence')).toEqual([]);
        // And the others, cited, are flagged one by one with their state.
        const unreadable = [...states.filter(([, s]) => s !== 'known' && s !== 'onRecord'), [OFFENCE_ID, checks.stateAt('E1', OFFENCE_ID)] as const].filter(([, s]) => s !== null);
        const cited = checks.of(Finding.parse({ id: 'N2', episode: 'E1', kind: 'good', text: '', evidence: unreadable.map(([id]) => id) }));
        expect(late(cited)).toEqual(unreadable);
      }),
      { numRuns: 300 },
    );
  });

  it('gives each record the state as-of gives it, for the officer the episode names or defaults to', () => {
    fc.assert(
      fc.property(anyCase, written, fc.option(fc.constantFrom(...OFFICERS)), (data, decisionAt, officer) => {
        const index = new CaseIndex(data);
        const checks = new HindsightChecks(index, reviewOf({ episodes: [episode('E1', decisionAt, officer ?? undefined)] }));
        const evidence = index.records.map((r) => r.id);
        const flags = checks.of(Finding.parse({ id: 'N1', episode: 'E1', kind: 'good', text: '', evidence }));
        const who = flags[0]?.kind === 'lateEvidence' ? flags[0].officer : null;
        if (who === null) return;
        const view = index.view(who, latestInstant(time(decisionAt)));
        const expected = index.records.flatMap((r, i) => {
          const state = KNOWLEDGE_STATES[view.states[i] as number] as string;
          return LATE_STATES.has(state as never) ? [[r.id, state]] : [];
        });
        expect(late(flags)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
