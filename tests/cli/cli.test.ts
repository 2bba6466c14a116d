import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import type { CliIo } from '../../cli/commands.js';
import { CaseBundle } from '../../shared/schemas/bundle.js';
import { demoBytes, demoManifest, sha256 } from '../helpers/demoFiles.js';

function memoryIo(files: Record<string, Uint8Array | string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIo = {
    readFile: async (path) => {
      const f = files[path];
      if (f === undefined) throw new Error('ENOENT');
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (path, content) => void written.set(path, content),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
  return { io, out, err, written, json: () => JSON.parse(out.join('\n')) };
}

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
