import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { appendEntry, rowDigest } from '../../shared/audit/trail.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { DEMO_REVIEW } from '../helpers/demoReview.js';

const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const demoFiles = Object.fromEntries(DEMO.map((n) => [`demo/${n}`, demoBytes(n)]));
const PASS = { FORESIGHT_PASSPHRASE: 'correct horse battery staple' };

const as = (key: string, user: string) => ({ ...PASS, FORESIGHT_KEY: key, FORESIGHT_USER: user });

/** Two keys and the reviewer's case, made once (keygen and bundle take seconds); each test works on its own copy. */
async function made(): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = { ...demoFiles, 'review.json': JSON.stringify({ ...DEMO_REVIEW, responses: [] }) };
  for (const [name, file] of [['A. Reviewer', 'reviewer.key'], ['P. Officer', 'officer.key']] as const) {
    const m = memoryIo({}, PASS);
    expect(await run(['keygen', '--name', name, '--out', file], m.io)).toBe(0);
    files[file] = m.written.get(file) as Uint8Array;
  }
  const m = memoryIo(files, as('reviewer.key', 'A. Reviewer'));
  expect(await run(['bundle', ...Object.keys(demoFiles), '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--review', 'review.json', '--out', 'case.json'], m.io)).toBe(0);
  files['case.json'] = m.written.get('case.json') as string;
  return files;
}
let base: Promise<Record<string, string | Uint8Array>> | undefined;

/** Everything the round trip writes, in one in-memory world: two keys, the case, the practitioner's reply. */
async function world() {
  const files = { ...(await (base ??= made())) };
  const cli = async (argv: string[], env: Record<string, string> = {}) => {
    const m = memoryIo(files, env);
    const code = await run(argv, m.io);
    for (const [path, content] of m.written) files[path] = content;
    return { code, ...m };
  };
  return { files, cli, reviewer: as('reviewer.key', 'A. Reviewer'), officer: as('officer.key', 'P. Officer') };
}

const RESPOND = ['respond', '--bundle', 'case.json', '--finding', 'N1', '--status', 'disputed', '--text', 'The notice reached me after the decision.', '--evidence', 'contact:2600000001,info:HO-01', '--out', 'reply.json'];

describe('respond and merge (command line)', () => {
  it('round trip: keygen, bundle, respond, merge, and the merged case verifies with both signers', async () => {
    const { cli, files, reviewer, officer } = await world();
    expect((await cli(RESPOND, officer)).code).toBe(0);
    const reply = JSON.parse(files['reply.json'] as string);
    expect(reply.review.responses).toEqual([{ finding: 'N1', by: 'P. Officer', status: 'disputed', text: 'The notice reached me after the decision.', evidence: ['contact:2600000001', 'info:HO-01'], version: 1, at: '2026-11-23T12:00:00.000Z' }]);
    const merged = await cli(['merge', '--bundle', 'case.json', '--reply', 'reply.json', '--out', 'merged.json', '--json'], reviewer);
    expect(merged.code).toBe(0);
    expect(merged.json()).toEqual({ ok: true, added: { entries: 2, responses: [{ finding: 'N1', version: 1, by: 'P. Officer', status: 'disputed', earlierWording: false }] } });
    const verified = await cli(['verify', '--bundle', 'merged.json', '--json']);
    expect(verified.code).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, entries: 3, unsigned: [], signers: [{ name: 'A. Reviewer', entries: 2 }, { name: 'P. Officer', entries: 1 }] });
  });

  it('merging the same reply again exits 0, says there is nothing new, and writes the case unchanged, byte for byte', async () => {
    const { cli, files, reviewer, officer } = await world();
    await cli(RESPOND, officer);
    await cli(['merge', '--bundle', 'case.json', '--reply', 'reply.json', '--out', 'merged.json'], reviewer);
    const again = await cli(['merge', '--bundle', 'merged.json', '--reply', 'reply.json', '--out', 'again.json', '--json'], reviewer);
    expect(again.code).toBe(0);
    expect(again.json()).toEqual({ ok: true, added: { entries: 0, responses: [] } });
    expect(again.err.join('\n')).toMatch(/nothing new/);
    expect(new TextDecoder().decode(files['again.json'] as Uint8Array)).toBe(files['merged.json']);
  });

  it('a second respond on the same copy is version 2', async () => {
    const { cli, files, officer } = await world();
    await cli(RESPOND, officer);
    expect((await cli(['respond', '--bundle', 'reply.json', '--finding', 'N1', '--status', 'accepted', '--text', 'On reflection.', '--out', 'reply2.json'], officer)).code).toBe(0);
    expect(JSON.parse(files['reply2.json'] as string).review.responses.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  });

  it('respond exits 1 naming an unknown finding or record, and 2 for a status that is not one of the three', async () => {
    const { cli, officer } = await world();
    const finding = await cli(RESPOND.map((a) => (a === 'N1' ? 'N9' : a)), officer);
    expect(finding.code).toBe(1);
    expect(finding.err.join('\n')).toMatch(/no finding N9/);
    const record = await cli(RESPOND.map((a) => (a.startsWith('contact:') ? 'contact:1' : a)), officer);
    expect(record.code).toBe(1);
    expect(record.err.join('\n')).toMatch(/no record contact:1/);
    const status = await cli(RESPOND.map((a) => (a === 'disputed' ? 'agreed' : a)), officer);
    expect(status.code).toBe(2);
    expect(status.err[0]).toBe('foresight: --status agreed is not one of accepted, disputed, context');
    expect(finding.written.size + record.written.size + status.written.size).toBe(0);
  });

  it('merge exits 1 naming the first offending entry, writing nothing, when the reply changes more than responses', async () => {
    const { cli, files, reviewer, officer } = await world();
    await cli(RESPOND, officer);
    // The practitioner also rewords finding N2 in their copy (an edit entry, chained on as the app would write it).
    const reply = JSON.parse(files['reply.json'] as string);
    const finding = { ...reply.review.findings[1], text: 'Softer words.' };
    reply.audit = appendEntry(reply.audit, { at: '2026-12-02T09:30:00Z', who: 'P. Officer', kind: 'edit', what: 'Finding N2 changed', rows: { 'review:finding:N2': rowDigest(finding) } });
    reply.review.findings[1] = finding;
    files['foreign.json'] = JSON.stringify(reply);
    const refused = await cli(['merge', '--bundle', 'case.json', '--reply', 'foreign.json', '--out', 'merged.json', '--json'], reviewer);
    expect(refused.code).toBe(1);
    expect(refused.json()).toEqual({ ok: false, entry: 3, reason: 'entry 3 (by P. Officer, 2 Dec 2026, 09:30: "Finding N2 changed") changes review:finding:N2, not a response' });
    expect(refused.written.size).toBe(0);
    const usage = await cli(['merge', '--bundle', 'case.json', '--out', 'merged.json'], reviewer);
    expect(usage.code).toBe(2);
  });
});
