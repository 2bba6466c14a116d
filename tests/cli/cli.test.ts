import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { CaseBundle } from '../../shared/schemas/bundle.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes, demoManifest, sha256 } from '../helpers/demoFiles.js';

const CONTACTS = 'crn,contact_id,contact_date,type_code,staff_code\n';
const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const demoFiles = Object.fromEntries(DEMO.map((n) => [`demo/${n}`, demoBytes(n)]));

describe('cli check', () => {
  it('prints exactly one JSON document with --json, and exits 0 when the data is clean', async () => {
    const m = memoryIo(demoFiles);
    expect(await run(['check', ...Object.keys(demoFiles), '--json'], m.io)).toBe(0);
    const report = m.json();
    expect(report.ok).toBe(true);
    expect(report.files.map((f: { file: string; kind: string }) => [f.file, f.kind])).toEqual([
      ['contacts.csv', 'contacts'], ['information.csv', 'information'], ['allocations.csv', 'allocations'], ['workload_snapshots.csv', 'workload'], ['team_snapshots.csv', 'team'],
    ]);
    expect(report.files[0]).toMatchObject({ encoding: 'utf-8', rows: demoManifest.caseContacts + demoManifest.otherContacts, accepted: demoManifest.caseContacts + demoManifest.otherContacts, errors: [], warnings: [] });
    expect(Object.keys(report.files[0])).toEqual(['file', 'kind', 'encoding', 'rows', 'accepted', 'errors', 'warnings']);
  });

  it('reports errors by the line the record starts on (header = row 1), with column, value and message; exit 1', async () => {
    const csv = CONTACTS + 'X123456,1,01/02/2022,COAP,N07P012\nX123456,"2\nsplit",01/02/2022,COAP,N07P012\nX123456,3,31/02/2022,COAP,N07P012\n';
    const m = memoryIo({ 'c.csv': csv });
    expect(await run(['check', 'c.csv', '--json'], m.io)).toBe(1);
    expect(m.json()).toEqual({
      ok: false,
      files: [{
        file: 'c.csv', kind: 'contacts', encoding: 'utf-8', rows: 3, accepted: 2,
        errors: [{ row: 5, column: 'contact_date', value: '31/02/2022', message: 'not a real date' }],
        warnings: [],
      }],
    });
  });

  it('recognises Windows-1252 files', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(CONTACTS.replace('\n', ',notes\n') + 'X123456,1,2022-02-01,COAP,N07P012,'), 0x93, 0x68, 0x69, 0x94, 0x0a]);
    const m = memoryIo({ 'w.csv': bytes });
    expect(await run(['check', 'w.csv', '--json'], m.io)).toBe(0);
    expect(m.json().files[0].encoding).toBe('windows-1252');
  });

  it('lets KIND:path force a kind, and then names missing required columns', async () => {
    const m = memoryIo({ 'x.csv': 'snapshot_date,capacity_pct\n2022-01-01,100\n' });
    expect(await run(['check', 'workload:x.csv', '--json'], m.io)).toBe(1);
    expect(m.json().files[0]).toMatchObject({ kind: 'workload', errors: [{ row: 1, column: 'staff_code', message: 'missing required column' }] });
  });

  it('puts warnings in the report without failing it', async () => {
    const m = memoryIo({ 'w.csv': 'snapshot_date,staff_code,capacity_pct,available_points,total_points\n2022-06-01,N07P012,90,2000,2500\n' });
    expect(await run(['check', 'w.csv', '--json'], m.io)).toBe(0);
    expect(m.json().files[0].warnings).toEqual([{ row: 2, column: 'capacity_pct', message: 'disagrees with total_points / available_points' }]);
  });

  it('exits 2 with one line on stderr for a missing file, an unknown option, an unknown command or no files', async () => {
    for (const argv of [['check', 'nope.csv'], ['check', 'a.csv', '--bogus'], ['frobnicate'], ['check'], []]) {
      const m = memoryIo({ 'a.csv': CONTACTS });
      expect(await run(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.err).toHaveLength(1);
      expect(m.out).toEqual([]);
    }
  });
});

describe('cli bundle', () => {
  it('writes a valid case bundle recording every record\'s file, SHA-256 and row', async () => {
    const m = memoryIo(demoFiles);
    expect(await run(['bundle', ...Object.keys(demoFiles), '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--title', 'Demo', '--out', 'case.json'], m.io)).toBe(0);
    const bundle = CaseBundle.parse(JSON.parse(m.written.get('case.json') as string));
    expect(bundle.case).toMatchObject({ crn: 'X900417', title: 'Demo', offenceAt: { value: '2023-11-12T02:17:00+00:00', precision: 'exact' } });
    expect(bundle.records).toHaveLength(demoManifest.caseContacts + demoManifest.information);
    const contact = bundle.records.find((r) => r.id === 'contact:2600000003');
    expect(contact?.provenance).toEqual({ fileName: 'contacts.csv', sha256: sha256(demoBytes('contacts.csv')), row: 4 });
  });

  it('refuses, writing nothing and exiting 1, when any file has errors', async () => {
    const m = memoryIo({ ...demoFiles, 'bad.csv': CONTACTS + 'X900417,9,31/02/2022,COAP,N07P012\n' });
    expect(await run(['bundle', ...Object.keys(demoFiles), 'bad.csv', '--crn', 'X900417', '--offence-at', '2023-11-12', '--out', 'case.json'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
  });

  it('exits 2 when --crn, --offence-at or --out is missing or malformed', async () => {
    const base = ['bundle', 'demo/contacts.csv'];
    for (const extra of [['--offence-at', '2023-01-01', '--out', 'o'], ['--crn', 'X900417', '--out', 'o'], ['--crn', 'X900417', '--offence-at', '2023-01-01'], ['--crn', 'bad', '--offence-at', '2023-01-01', '--out', 'o'], ['--crn', 'X900417', '--offence-at', '31/02/2023', '--out', 'o']]) {
      const m = memoryIo(demoFiles);
      expect(await run([...base, ...extra], m.io), extra.join(' ')).toBe(2);
      expect(m.written.size).toBe(0);
    }
  });
});

describe('cli as-of', () => {
  const demoArgs = [...Object.keys(demoFiles), '--crn', demoManifest.crn, '--offence-at', '2023-11-12T02:17'];
  const query = ['--officer', 'N07P214', '--at', '2023-09-22', '--json'];

  it('gives the same answer from the import files as from the bundle built from them', async () => {
    const fromFiles = memoryIo(demoFiles);
    expect(await run(['as-of', ...demoArgs, ...query], fromFiles.io)).toBe(0);
    const built = memoryIo(demoFiles);
    await run(['bundle', ...demoArgs, '--out', 'case.json'], built.io);
    const fromBundle = memoryIo({ 'case.json': built.written.get('case.json') ?? '' });
    expect(await run(['as-of', '--bundle', 'case.json', ...query], fromBundle.io)).toBe(0);
    expect(fromBundle.json()).toEqual(fromFiles.json());
    expect(Object.keys(fromFiles.json())).toEqual(['crn', 'at', 'officer', 'knowledge', 'workload', 'team', 'otherWork']);
  });

  it("shows the demo officer's excessive workload and the Red team before the decision not to recall", async () => {
    const m = memoryIo(demoFiles);
    await run(['as-of', ...demoArgs, ...query], m.io);
    const r = m.json();
    expect(r.officer).toMatchObject({ staffCode: 'N07P214', holdsCase: true });
    expect(r.workload).toMatchObject({ excessive: true, caseloadAtLeast50: true, over110Since: '2023-08-21' });
    expect(r.team).toMatchObject({ teamCode: 'N07T02', deliveryStatus: 'Red' });
    expect(r.knowledge.notYetHappened).toContain('offence');
  });

  it('exits 2 with one line for a wrong command, and 1 for a bundle it cannot use', async () => {
    const missing = memoryIo(demoFiles);
    expect(await run(['as-of', ...demoArgs, '--at', '2023-09-22'], missing.io)).toBe(2);
    expect(missing.err).toEqual(['foresight: as-of needs --officer']);
    const both = memoryIo(demoFiles);
    expect(await run(['as-of', ...demoArgs, '--bundle', 'b.json', ...query], both.io)).toBe(2);
    const newer = memoryIo({ 'b.json': JSON.stringify({ schemaVersion: 99 }) });
    expect(await run(['as-of', '--bundle', 'b.json', ...query], newer.io)).toBe(1);
    expect(newer.err.join('')).toMatch(/newer version of Foresight/);
    const broken = memoryIo({ 'b.json': '{"schemaVersion": 1, "case": {}}' });
    expect(await run(['as-of', '--bundle', 'b.json', ...query], broken.io)).toBe(1);
    expect(broken.out).toEqual([]);
  });

  it('exits 1, printing the problems, when the import files have errors', async () => {
    const m = memoryIo({ 'c.csv': `${CONTACTS}X123456,1,31/02/2023,COAP,N07P001\n` });
    expect(await run(['as-of', 'c.csv', '--crn', 'X123456', '--offence-at', '2023-11-12', ...query], m.io)).toBe(1);
    expect(m.json().files[0].errors[0]).toMatchObject({ row: 2, column: 'contact_date' });
  });
});

describe('cli verify, encrypt and decrypt', () => {
  const demoArgs = [...Object.keys(demoFiles), '--crn', demoManifest.crn, '--offence-at', '2023-11-12T02:17'];
  async function demoBundle(): Promise<string> {
    const m = memoryIo(demoFiles, { FORESIGHT_USER: 'A Reviewer' });
    expect(await run(['bundle', ...demoArgs, '--out', 'case.json'], m.io)).toBe(0);
    return m.written.get('case.json') as string;
  }
  const verifyJson = async (text: string) => {
    const m = memoryIo({ 'case.json': text });
    const code = await run(['verify', '--bundle', 'case.json', '--json'], m.io);
    return { code, result: m.json() };
  };

  it('verifies a bundle the tool built: its trail names who built it, and every row matches', async () => {
    const text = await demoBundle();
    const bundle = JSON.parse(text);
    expect(bundle.audit).toHaveLength(1);
    expect(bundle.audit[0]).toMatchObject({ seq: 1, who: 'A Reviewer', kind: 'import', prev: '0'.repeat(64) });
    const { code, result } = await verifyJson(text);
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, entries: 1 });
  });

  it('names the record that was changed after the trail recorded it', async () => {
    const bundle = JSON.parse(await demoBundle());
    bundle.records[5].notes = 'Rewritten later.';
    const { code, result } = await verifyJson(JSON.stringify(bundle));
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, row: `records:${bundle.records[5].id}` });
  });

  it('names the first entry that was changed, removed or reordered', async () => {
    const bundle = JSON.parse(await demoBundle());
    bundle.audit[0].who = 'Someone else';
    expect((await verifyJson(JSON.stringify(bundle))).result).toMatchObject({ ok: false, entry: 1, reason: expect.stringMatching(/changed/) });
    const original = JSON.parse(await demoBundle());
    const second = { ...original.audit[0], seq: 2, prev: original.audit[0].hash, what: 'Note added' };
    original.audit = [second];
    expect((await verifyJson(JSON.stringify(original))).result).toMatchObject({ ok: false, entry: 2 });
  });

  it('refuses a bundle that breaks the schema, with exit 1', async () => {
    const { code, result } = await verifyJson('{"schemaVersion": 2, "case": {}}');
    expect(code).toBe(1);
    expect(result.ok).toBe(false);
  });

  it('encrypts and decrypts a bundle with the passphrase from the environment; a wrong one writes nothing', async () => {
    const text = await demoBundle();
    const sealed = memoryIo({ 'case.json': text }, { FORESIGHT_PASSPHRASE: 'correct horse battery staple' });
    expect(await run(['encrypt', '--bundle', 'case.json', '--out', 'case.foresight'], sealed.io)).toBe(0);
    const file = sealed.written.get('case.foresight') as Uint8Array;
    expect(new TextDecoder().decode(file)).not.toContain(demoManifest.crn);

    const wrong = memoryIo({ 'case.foresight': file }, { FORESIGHT_PASSPHRASE: 'wrong' });
    expect(await run(['decrypt', '--in', 'case.foresight', '--out', 'back.json'], wrong.io)).toBe(1);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toMatch(/wrong passphrase, or the file is damaged/);
    expect(wrong.written.size).toBe(0);

    const right = memoryIo({ 'case.foresight': file }, { FORESIGHT_PASSPHRASE: 'correct horse battery staple' });
    expect(await run(['decrypt', '--in', 'case.foresight', '--out', 'back.json'], right.io)).toBe(0);
    expect(JSON.parse(right.written.get('back.json') as string)).toEqual(JSON.parse(text));
  });

  it('says a damaged file is damaged, and never reads the passphrase from an argument', async () => {
    const text = await demoBundle();
    const sealed = memoryIo({ 'case.json': text }, { FORESIGHT_PASSPHRASE: 'p' });
    await run(['encrypt', '--bundle', 'case.json', '--out', 'case.foresight'], sealed.io);
    const file = new Uint8Array(sealed.written.get('case.foresight') as Uint8Array);
    file[file.length - 10] = (file[file.length - 10] as number) ^ 1;
    const damaged = memoryIo({ 'case.foresight': file }, { FORESIGHT_PASSPHRASE: 'p' });
    expect(await run(['decrypt', '--in', 'case.foresight', '--out', 'back.json'], damaged.io)).toBe(1);
    expect(damaged.written.size).toBe(0);
    const noSecret = memoryIo({ 'case.json': text });
    expect(await run(['encrypt', '--bundle', 'case.json', '--out', 'x'], noSecret.io)).toBe(2);
    expect(noSecret.err[0]).toMatch(/FORESIGHT_PASSPHRASE/);
    expect(await run(['encrypt', '--bundle', 'case.json', '--out', 'x', '--passphrase', 'p'], memoryIo({}).io)).toBe(2);
  });
});
