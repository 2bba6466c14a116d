import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes } from '../helpers/demoFiles.js';

const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const demoFiles = Object.fromEntries(DEMO.map((n) => [`demo/${n}`, demoBytes(n)]));
const BUILD = ['bundle', ...Object.keys(demoFiles), '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--out', 'case.json'];

const AT = '2026-12-01T10:00:00Z';
/** A review of the demo case: James Whitfield holds it from February 2023; Priya Lal covers it from 10 Jul to 20 Aug. */
const REVIEW = {
  title: 'SFO review: X900417',
  reviewer: 'A. Reviewer',
  factors: [
    { id: 'F1', text: 'Caseload over 50 for two months', level: 'team', seips: 'organisation' },
    { id: 'F2', text: 'Did not read the police log', level: 'practitioner' },
  ],
  episodes: [
    { id: 'E1', title: 'Decision not to recall', decisionAt: '2023-09-22T12:00', records: ['info:HO-01'], appraisal: 'problematic', factors: ['F1'] },
    { id: 'E2', title: 'Home visit during cover', decisionAt: '2023-07-20' },
  ],
  findings: [
    {
      id: 'N1', episode: 'E1', kind: 'problem', text: 'Failed to act on the notice; she should have known.',
      evidence: ['info:P-05', 'info:HO-01', 'info:P-01', 'contact:2600000001'], factors: ['F1'],
      dismissed: [{ kind: 'outcomeLanguage', phrase: 'failed to', reason: 'quoting the officer', by: 'A. Reviewer', at: AT }],
    },
    { id: 'N2', episode: 'E2', kind: 'problem', text: 'The warning signs were there.', evidence: ['info:CS-01', 'offence'], factors: ['F2'] },
    { id: 'N3', kind: 'good', text: 'Clearly a careful plan.', evidence: ['info:H-01'] },
  ],
  judgement: { allReasonableSteps: 'partly', rationale: 'text' },
  actions: [{ id: 'A1', findings: ['N1'], action: 'Share police call-outs with probation within a day', owner: 'PDU head', due: '2027-03-31' }],
};

/** The flags of REVIEW, as `flags --json` gives them. */
const FLAGS = {
  ok: false,
  flags: [
    { finding: 'N1', kind: 'lateEvidence', record: 'info:P-05', state: 'notYetHappened', episode: 'E1', officer: 'N07P214', at: '2023-09-22T12:00:00+01:00', dismissed: null },
    { finding: 'N1', kind: 'lateEvidence', record: 'info:P-01', state: 'heldElsewhere', episode: 'E1', officer: 'N07P214', at: '2023-09-22T12:00:00+01:00', dismissed: null },
    { finding: 'N1', kind: 'outcomeLanguage', phrase: 'failed to', offset: 0, text: 'Failed to', suggestion: 'did not', dismissed: { reason: 'quoting the officer', by: 'A. Reviewer' } },
    { finding: 'N1', kind: 'outcomeLanguage', phrase: 'should have known', offset: 33, text: 'should have known', suggestion: 'say what the officer had been told or could read, and when', dismissed: null },
    { finding: 'N2', kind: 'lateEvidence', record: 'info:CS-01', state: 'heldElsewhere', episode: 'E2', officer: 'N07P377', at: '2023-07-20T23:59:59+01:00', dismissed: null },
    { finding: 'N2', kind: 'lateEvidence', record: 'offence', state: 'notYetHappened', episode: 'E2', officer: 'N07P377', at: '2023-07-20T23:59:59+01:00', dismissed: null },
    { finding: 'N2', kind: 'outcomeLanguage', phrase: 'warning signs', offset: 4, text: 'warning signs', suggestion: 'name the information, and when it was known', dismissed: null },
    { finding: 'N2', kind: 'noSystemFactor', dismissed: null },
    { finding: 'N3', kind: 'outcomeLanguage', phrase: 'clearly', offset: 0, text: 'Clearly', suggestion: 'leave it out and give the evidence', dismissed: null },
  ],
};

/** The demo case bundled with a review file; the io, to run more commands on what was written. */
async function bundledWith(review: string) {
  const m = memoryIo({ ...demoFiles, 'review.json': review });
  const code = await run([...BUILD, '--review', 'review.json'], m.io);
  return { code, m };
}

async function flagsOf(bundle: string, ...more: string[]) {
  const m = memoryIo({ 'case.json': bundle });
  const code = await run(['flags', '--bundle', 'case.json', ...more], m.io);
  return { code, m };
}

describe('cli bundle --review, then flags', () => {
  it('puts the review in the bundle as written, and flags gives the hindsight checks of it (exit 1: flags open)', async () => {
    const { code, m } = await bundledWith(JSON.stringify(REVIEW));
    expect(code, m.err.join('\n')).toBe(0);
    const bundle = JSON.parse(m.written.get('case.json') as string);
    expect(bundle.review).toEqual(REVIEW);
    const flags = await flagsOf(m.written.get('case.json') as string, '--json');
    expect(flags.code).toBe(1);
    expect(flags.m.out).toHaveLength(1);
    expect(flags.m.json()).toEqual(FLAGS);
    // Field for field, in the order of the command line's document.
    expect(flags.m.out[0]).toContain('{\n  "ok": false,\n  "flags": [');
    expect(Object.keys(flags.m.json().flags[0])).toEqual(['finding', 'kind', 'record', 'state', 'episode', 'officer', 'at', 'dismissed']);
  });

  it('records the review in the trail: verify says the bundle is intact', async () => {
    const { m } = await bundledWith(JSON.stringify(REVIEW));
    const v = memoryIo({ 'case.json': m.written.get('case.json') as string });
    expect(await run(['verify', '--bundle', 'case.json', '--json'], v.io)).toBe(0);
    expect(v.json()).toMatchObject({ ok: true, entries: 1 });
  });

  it('fails verify, naming the finding, when a review item is changed after the trail recorded it', async () => {
    const { m } = await bundledWith(JSON.stringify(REVIEW));
    const bundle = JSON.parse(m.written.get('case.json') as string);
    bundle.review.findings[0].text = 'Did not act on the notice.';
    const v = memoryIo({ 'case.json': JSON.stringify(bundle) });
    expect(await run(['verify', '--bundle', 'case.json', '--json'], v.io)).toBe(1);
    expect(v.json()).toMatchObject({ ok: false, row: 'review:finding:N1' });
    const text = memoryIo({ 'case.json': JSON.stringify(bundle) });
    expect(await run(['verify', '--bundle', 'case.json'], text.io)).toBe(1);
    expect(text.out.join('\n')).toContain('review:finding:N1');
  });

  it('exits 0 when every flag is dismissed, still listing them with their dismissals', async () => {
    const dismissed = (kind: string, more: object) => ({ kind, ...more, reason: 'considered', by: 'A. Reviewer', at: AT });
    const review = {
      title: 'T',
      episodes: [{ id: 'E1', title: 'x', decisionAt: '2023-09-22T12:00', officer: 'N07P214' }],
      findings: [{ id: 'N1', episode: 'E1', kind: 'problem', text: 'Clearly.', evidence: ['info:P-01'], dismissed: [dismissed('lateEvidence', { record: 'info:P-01' }), dismissed('outcomeLanguage', { phrase: 'clearly' }), dismissed('noSystemFactor', {})] }],
    };
    const { m } = await bundledWith(JSON.stringify(review));
    const flags = await flagsOf(m.written.get('case.json') as string, '--json');
    expect(flags.code).toBe(0);
    expect(flags.m.json().ok).toBe(true);
    expect(flags.m.json().flags.map((f: { kind: string; dismissed: unknown }) => [f.kind, f.dismissed])).toEqual([
      ['lateEvidence', { reason: 'considered', by: 'A. Reviewer' }],
      ['outcomeLanguage', { reason: 'considered', by: 'A. Reviewer' }],
      ['noSystemFactor', { reason: 'considered', by: 'A. Reviewer' }],
    ]);
  });

  it('exits 0 with no flags for a case with no review, or a review with nothing to flag', async () => {
    const plain = memoryIo(demoFiles);
    expect(await run(BUILD, plain.io)).toBe(0);
    const none = await flagsOf(plain.written.get('case.json') as string, '--json');
    expect([none.code, none.m.json()]).toEqual([0, { ok: true, flags: [] }]);
    const { m } = await bundledWith(JSON.stringify({ title: 'T', findings: [{ id: 'N1', kind: 'good', text: 'A prompt home visit.' }] }));
    const clean = await flagsOf(m.written.get('case.json') as string, '--json');
    expect([clean.code, clean.m.json()]).toEqual([0, { ok: true, flags: [] }]);
  });

  it('prints the flags for a person without --json, saying which are dismissed', async () => {
    const { m } = await bundledWith(JSON.stringify(REVIEW));
    const flags = await flagsOf(m.written.get('case.json') as string);
    expect(flags.code).toBe(1);
    const lines = flags.m.out.join('\n').split('\n');
    expect(lines[0]).toBe('9 flags, 8 open.');
    expect(lines).toContain('N1: "Failed to" at 0: did not (dismissed by A. Reviewer: quoting the officer)');
    expect(lines).toContain('N2: a problem with no factor above the practitioner');
  });
});

describe('cli bundle --review: a review that cannot be used', () => {
  it('refuses a review that breaks the rules, naming the first bad field, and writes nothing (exit 1)', async () => {
    const bad = { ...REVIEW, episodes: [{ ...REVIEW.episodes[0], factors: ['F9'] }, REVIEW.episodes[1]], findings: [{ ...REVIEW.findings[1], kind: 'praise' }] };
    const { code, m } = await bundledWith(JSON.stringify(bad));
    expect(code).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.err.join('\n')).toContain('review.json: episodes[0].factors[0]: "F9" is not a factor in this review. No bundle written.');
  });

  it('refuses a review citing a record the case does not have (exit 1)', async () => {
    const { code, m } = await bundledWith(JSON.stringify({ title: 'T', findings: [{ id: 'N1', kind: 'problem', text: '', evidence: ['contact:1'] }] }));
    expect(code).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.err.join('\n')).toContain('findings[0].evidence[0]: "contact:1" is not a record of this case');
  });

  it('refuses a review whose JSON is broken, and writes nothing (exit 1)', async () => {
    const { code, m } = await bundledWith('{"title": "T", ');
    expect(code).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.err.join('\n')).toMatch(/review\.json: not a review: the JSON cannot be read/);
  });

  it('is a usage error when the review file cannot be read (exit 2, one line, nothing written)', async () => {
    const m = memoryIo(demoFiles);
    expect(await run([...BUILD, '--review', 'missing.json'], m.io)).toBe(2);
    expect(m.err).toHaveLength(1);
    expect(m.err[0]).toContain('missing.json');
    expect(m.written.size).toBe(0);
  });
});

describe('cli flags: usage and bad bundles', () => {
  it('is a usage error without --bundle, with a file argument, or with a bundle that cannot be read (exit 2)', async () => {
    for (const argv of [['flags'], ['flags', '--bundle', 'case.json', 'extra.csv'], ['flags', '--bundle', 'nope.json'], ['flags', '--bundle', 'case.json', '--bogus']]) {
      const m = memoryIo({ 'case.json': '{}' });
      expect(await run(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.err).toHaveLength(1);
    }
  });

  it('exits 1 for a bundle that is not valid, or whose review breaks the rules, naming why', async () => {
    expect((await flagsOf('not json')).code).toBe(1);
    const { m } = await bundledWith(JSON.stringify(REVIEW));
    const bundle = JSON.parse(m.written.get('case.json') as string);
    bundle.review.findings[1].episode = 'E9';
    const bad = await flagsOf(JSON.stringify(bundle), '--json');
    expect(bad.code).toBe(1);
    expect(bad.m.out).toEqual([]);
    expect(bad.m.err.join('\n')).toContain('review.findings[1].episode: "E9" is not an episode in this review');
  });
});
