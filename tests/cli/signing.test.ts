import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { entryHash, rowDigest, type AuditEntry } from '../../shared/audit/trail.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';

const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const demoFiles = Object.fromEntries(DEMO.map((n) => [`demo/${n}`, demoBytes(n)]));
const demoArgs = [...Object.keys(demoFiles), '--crn', demoManifest.crn, '--offence-at', '2023-11-12T02:17'];
const PASS = { FORESIGHT_PASSPHRASE: 'correct horse battery staple' };

async function keygen(name: string) {
  const m = memoryIo({}, PASS);
  expect(await run(['keygen', '--name', name, '--out', 'me.key'], m.io)).toBe(0);
  return { file: m.written.get('me.key') as Uint8Array, fingerprint: m.out[m.out.length - 1] as string };
}

async function signedBundle(key: { file: Uint8Array }) {
  const m = memoryIo({ ...demoFiles, 'me.key': key.file }, { ...PASS, FORESIGHT_KEY: 'me.key' });
  expect(await run(['bundle', ...demoArgs, '--out', 'case.json'], m.io)).toBe(0);
  return JSON.parse(m.written.get('case.json') as string);
}

async function verify(bundle: unknown, ...extra: string[]) {
  const m = memoryIo({ 'case.json': JSON.stringify(bundle) });
  const code = await run(['verify', '--bundle', 'case.json', '--json', ...extra], m.io);
  return { code, report: m.json() };
}

/** What a 40-line script can do to a case file: change a note, then recompute the row hash, the entry hash and the chain. */
function rewriteNote(bundle: { records: { id: string; notes?: string }[]; audit: AuditEntry[] }) {
  const record = bundle.records[5]!;
  record.notes = 'Rewritten after the event.';
  const entry = bundle.audit[0]!;
  entry.rows = { ...entry.rows, [`records:${record.id}`]: rowDigest(record) };
  const { hash: _, ...unhashed } = entry;
  entry.hash = entryHash(unhashed);
  return bundle;
}

describe('signing keys and signed trails (command line)', () => {
  it('keygen seals a new key with the passphrase and prints its fingerprint, in groups of four, last', async () => {
    const { file, fingerprint } = await keygen('A. Reviewer');
    expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(new TextDecoder().decode(file)).not.toContain('A. Reviewer');
    const none = memoryIo({});
    expect(await run(['keygen', '--name', 'A. Reviewer', '--out', 'me.key'], none.io)).toBe(2);
    expect(none.err[0]).toMatch(/FORESIGHT_PASSPHRASE/);
    expect(none.written.size).toBe(0);
  });

  it('bundle signs its entry with the key in FORESIGHT_KEY, and the case carries the signer’s name and public key', async () => {
    const key = await keygen('A. Reviewer');
    const bundle = await signedBundle(key);
    expect(bundle.schemaVersion).toBe(3);
    expect(bundle.signers).toEqual([{ name: 'A. Reviewer', publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(bundle.audit[0]).toMatchObject({ who: 'A. Reviewer', signer: key.fingerprint.replace(/ /g, ''), signature: expect.stringMatching(/^[0-9a-f]{128}$/) });
    const { code, report } = await verify(bundle, '--signer', key.fingerprint);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, entries: 1, signers: [{ name: 'A. Reviewer', fingerprint: key.fingerprint.replace(/ /g, ''), entries: 1 }], unsigned: [] });
  });

  it('a note rewritten with every hash recomputed no longer passes: the signature does not match', async () => {
    const key = await keygen('A. Reviewer');
    const { code, report } = await verify(rewriteNote(await signedBundle(key)));
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, entry: 1, reason: 'entry 1 is not validly signed: its signature does not match' });
  });

  it('a forger who strips the signatures leaves an unsigned trail, which fails when the reviewer’s key is required', async () => {
    const key = await keygen('A. Reviewer');
    const forged = rewriteNote(await signedBundle(key));
    const entry = forged.audit[0] as AuditEntry;
    delete entry.signature;
    delete entry.signer;
    const { hash: _, ...unhashed } = entry;
    entry.hash = entryHash(unhashed);
    delete (forged as { signers?: unknown }).signers;
    const open = await verify(forged);
    expect(open).toMatchObject({ code: 0, report: { ok: true, unsigned: [1], signers: [] } });
    expect(await verify(forged, '--signer', key.fingerprint.replace(/ /g, ''))).toMatchObject({ code: 1, report: { ok: false, entry: 1, reason: expect.stringMatching(/not signed/) } });
  });

  it('a forger who signs with their own key under the same name fails when the reviewer’s key is required', async () => {
    const mine = await keygen('A. Reviewer');
    const theirs = await keygen('A. Reviewer');
    const forged = await signedBundle(theirs);
    expect((await verify(forged)).code).toBe(0);
    expect(await verify(forged, '--signer', mine.fingerprint)).toMatchObject({ code: 1, report: { entry: 1, reason: expect.stringMatching(/whose key is not one of those required/) } });
  });

  it('without FORESIGHT_KEY the entry is unsigned, and verify says so', async () => {
    const m = memoryIo(demoFiles, { FORESIGHT_USER: 'A Reviewer' });
    expect(await run(['bundle', ...demoArgs, '--out', 'case.json'], m.io)).toBe(0);
    expect(m.err.join('\n')).toMatch(/FORESIGHT_KEY is not set, so the trail entry is unsigned/);
    const text = m.written.get('case.json') as string;
    const plain = memoryIo({ 'case.json': text });
    expect(await run(['verify', '--bundle', 'case.json'], plain.io)).toBe(0);
    expect(plain.out.join('\n')).toMatch(/^Intact: 1 audit entry, [\d,]+ rows\.\nUnsigned: every entry$/);
  });

  it('a wrong passphrase for the key, or a fingerprint that is not one, is a usage error', async () => {
    const key = await keygen('A. Reviewer');
    const wrong = memoryIo({ ...demoFiles, 'me.key': key.file }, { FORESIGHT_PASSPHRASE: 'wrong', FORESIGHT_KEY: 'me.key' });
    expect(await run(['bundle', ...demoArgs, '--out', 'case.json'], wrong.io)).toBe(2);
    expect(wrong.written.size).toBe(0);
    const bad = memoryIo({ 'case.json': JSON.stringify(await signedBundle(key)) });
    expect(await run(['verify', '--bundle', 'case.json', '--signer', 'abc'], bad.io)).toBe(2);
    expect(bad.err[0]).toMatch(/not a key fingerprint/);
  });
});

describe('nothing accepted silently (verify)', () => {
  const unsignedBundle = async () => {
    const m = memoryIo(demoFiles);
    await run(['bundle', ...demoArgs, '--out', 'case.json'], m.io);
    return JSON.parse(m.written.get('case.json') as string);
  };

  it('a row id that appears twice is refused, naming it', async () => {
    const bundle = await unsignedBundle();
    bundle.records.push({ ...bundle.records[3], notes: 'A second copy, never hashed.' });
    expect(await verify(bundle)).toMatchObject({ code: 1, report: { ok: false, reason: `not a valid case bundle: records:${bundle.records[3].id} appears twice` } });
  });

  it('a case that holds rows with an empty trail is not intact', async () => {
    const bundle = await unsignedBundle();
    bundle.audit = [];
    expect(await verify(bundle)).toMatchObject({ code: 1, report: { ok: false, reason: expect.stringMatching(/trail is empty/) } });
  });

  it('a version 1 bundle, written before trails, is "no trail: unverified", never intact', async () => {
    const bundle = await unsignedBundle();
    const v1 = { ...bundle, schemaVersion: 1 };
    delete (v1 as { audit?: unknown }).audit;
    expect(await verify(v1)).toMatchObject({ code: 1, report: { ok: false, reason: expect.stringMatching(/^no trail: unverified/) } });
  });

  it('a case id is random, not built from the CRN', async () => {
    const bundle = await unsignedBundle();
    expect(bundle.case.id).not.toContain(demoManifest.crn);
  });
});
