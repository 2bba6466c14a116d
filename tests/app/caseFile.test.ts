import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { readCaseFile } from '../../renderer/src/app/caseFileJobs.js';
import { everythingJson, MAX_CASE_FILE_BYTES } from '../../shared/bundle/caseFile.js';
import { encryptBundle, MAGIC } from '../../shared/bundle/encryption.js';
import { CaseBundle } from '../../shared/schemas/bundle.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';

const PASSPHRASE = 'correct horse battery staple';
const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];

/** The demo case as the command line bundles it, under a given title (each call a new case id). */
async function demoBundle(title: string): Promise<CaseBundle> {
  const m = memoryIo(Object.fromEntries(DEMO.map((n) => [n, demoBytes(n)])), { FORESIGHT_USER: 'A Reviewer' });
  expect(await run(['bundle', ...DEMO, '--crn', demoManifest.crn, '--offence-at', '2023-11-12T02:17', '--title', title, '--out', 'case.json'], m.io)).toBe(0);
  return CaseBundle.parse(JSON.parse(m.written.get('case.json') as string));
}

/** A file the size of `size` that starts as a case file does, and fails the test if it is ever read whole. */
function hugeCaseFile(size: number): Blob {
  const head = new Blob([MAGIC]);
  return { size, slice: (start?: number, end?: number) => head.slice(start, end), arrayBuffer: () => Promise.reject(new Error('read whole')) } as unknown as Blob;
}

const tooLarge = `the file is 300 MB; Foresight opens case files of up to 256 MB`;

describe('a case file over the size cap', () => {
  it('is refused by Open a case file before it is read whole, naming its size and the cap', async () => {
    await expect(readCaseFile(hugeCaseFile(300 * 1048576), PASSPHRASE)).rejects.toMatchObject({ about: 'file', message: `The case file cannot be opened: ${tooLarge}. Nothing has been stored.` });
  });

  it('is refused by cli decrypt before it is read, with exit 1 and nothing written', async () => {
    const m = memoryIo({}, { FORESIGHT_PASSPHRASE: PASSPHRASE });
    m.io.size = async () => 300 * 1048576;
    m.io.readFile = () => Promise.reject(new Error('read whole'));
    expect(await run(['decrypt', '--in', 'big.foresight', '--out', 'case.json'], m.io)).toBe(1);
    expect(m.err).toEqual([`big.foresight: ${tooLarge}; nothing written`]);
    expect(m.written.size).toBe(0);
  });

  it('is set above twice the 115 MB a 100,000-record case measures when the command line writes it', () => {
    expect(MAX_CASE_FILE_BYTES).toBeGreaterThan(2 * 115 * 1048576);
  });
});

describe('"export everything": written by the app, read by the app and the command line', () => {
  it('round trip: every case comes back whole, in the app and from cli decrypt', async () => {
    const cases = [await demoBundle('First review'), await demoBundle('Second review')];
    const file = await encryptBundle(everythingJson(cases, new Date('2026-11-23T12:00:00Z')), PASSPHRASE);

    expect((await readCaseFile(new Blob([file as Uint8Array<ArrayBuffer>]), PASSPHRASE)).map((read) => read.bundle)).toEqual(cases);

    const m = memoryIo({ 'everything.foresight': file }, { FORESIGHT_PASSPHRASE: PASSPHRASE });
    expect(await run(['decrypt', '--in', 'everything.foresight', '--out', 'everything.json'], m.io)).toBe(0);
    expect(m.err).toEqual(['Wrote everything.json: "export everything", 2 cases.']);
    expect(JSON.parse(m.written.get('everything.json') as string)).toEqual({ kind: 'foresight-everything', exportedAt: '2026-11-23T12:00:00.000Z', cases });

    const verified = memoryIo({ 'everything.json': m.written.get('everything.json') as string });
    expect(await run(['verify', '--bundle', 'everything.json', '--json'], verified.io)).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, cases: cases.map((c) => ({ case: { id: c.case.id, title: c.case.title, crn: c.case.crn }, ok: true, entries: 1 })) });
  });

  it('cli verify names the case of an "export everything" file whose record was changed', async () => {
    const cases = [await demoBundle('First review'), await demoBundle('Second review')];
    const changed = structuredClone(cases);
    changed[1]!.records[3]!.notes = 'Rewritten later.';
    const m = memoryIo({ 'everything.json': everythingJson(changed, new Date('2026-11-23T12:00:00Z')) });
    expect(await run(['verify', '--bundle', 'everything.json'], m.io)).toBe(1);
    expect(m.out.join('\n')).toMatch(/^First review \(X900417\):\nIntact: [\s\S]*\n\nSecond review \(X900417\):\nNot intact: /);
  });

  it('a case in it that breaks the schema is named by its place, and nothing is written', async () => {
    const [first] = [await demoBundle('First review')];
    const json = JSON.stringify({ kind: 'foresight-everything', exportedAt: '2026-11-23T12:00:00.000Z', cases: [first, { schemaVersion: 3, case: {} }] });
    const m = memoryIo({ 'everything.foresight': await encryptBundle(json, PASSPHRASE) }, { FORESIGHT_PASSPHRASE: PASSPHRASE });
    expect(await run(['decrypt', '--in', 'everything.foresight', '--out', 'everything.json'], m.io)).toBe(1);
    expect(m.err[0]).toMatch(/^everything\.foresight: decrypted, but case 2 of 2: not a valid case bundle: /);
    expect(m.written.size).toBe(0);
  });
});
