import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { entrySignature, fingerprintForPeople, fingerprintOf, newSigningKey, publicKeyOf, signersByFingerprint } from '../../shared/audit/signatures.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import type { Case } from '../../shared/schemas/index.js';
import { USER_NAME, readTrail } from '../../renderer/src/store/audit.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { createCase, editCaseDetails } from '../../renderer/src/store/cases.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import { createIdentity, currentAuthor, earlierName, exportKey, importKey, readIdentity, renameIdentity } from '../../renderer/src/store/identity.js';
import { confirmSigner, readKnownSigners, rememberSigners, standingOf } from '../../renderer/src/store/knownSigners.js';
import { setSetting } from '../../renderer/src/store/settings.js';
import { checkSignatures } from '../../renderer/src/store/trailSignatures.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';
import { freshDb } from './helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

const theCase: Case = { id: 'c1', crn: 'X123456', title: 'Case one', subject: '', offenceAt: { value: '2023-06-01', precision: 'day' }, synthetic: false, createdAt: '2026-11-23T00:00:00Z' };
const PASSPHRASE = 'correct horse battery staple';
const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];

describe('first use: a name and a signing key', () => {
  it('has no one until a name is given; then the person has an Ed25519 key, known to this computer and confirmed', async () => {
    ({ db } = freshDb());
    expect(await readIdentity(db)).toBeNull();
    await expect(currentAuthor(db)).rejects.toThrow(/Give your name/);
    const me = await createIdentity(db, '  Ann Smith ', new Date('2026-11-23T09:00:00Z'));
    expect(me).toMatchObject({ name: 'Ann Smith', createdAt: '2026-11-23T09:00:00.000Z' });
    expect(publicKeyOf(me.secretKey)).toBe(me.publicKey);
    expect(await readIdentity(db)).toEqual(me);
    expect(await readKnownSigners(db)).toEqual([{ name: 'Ann Smith', publicKey: me.publicKey, firstSeen: '2026-11-23T09:00:00.000Z', confirmed: true }]);
  });

  it('offers the name given in Settings before keys existed', async () => {
    ({ db } = freshDb());
    await setSetting(db, USER_NAME, ' Alex Reviewer ');
    expect(await earlierName(db)).toBe('Alex Reviewer');
  });

  it('a new name keeps the key', async () => {
    ({ db } = freshDb());
    const me = await createIdentity(db, 'Ann Smith');
    await renameIdentity(db, 'Ann Jones');
    expect(await readIdentity(db)).toEqual({ ...me, name: 'Ann Jones' });
    expect((await readKnownSigners(db)).map((k) => [k.name, k.publicKey])).toEqual([['Ann Jones', me.publicKey]]);
  });

  it('changes nothing when there is no one to sign a change', async () => {
    ({ db } = freshDb());
    await expect(createCase(db, theCase)).rejects.toThrow(/Give your name/);
    expect(await db.cases.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('every entry signed by its author', () => {
  it('signs each entry with the person’s key, and the case carries their name and key, so a case file sent on verifies', async () => {
    ({ db } = freshDb());
    const me = await createIdentity(db, 'Ann Smith');
    await createCase(db, theCase);
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Case one (renamed)' });
    const trail = await readTrail(db, 'c1');
    const fingerprint = fingerprintOf(me.publicKey);
    expect(trail.map((e) => [e.who, e.signer])).toEqual([['Ann Smith', fingerprint], ['Ann Smith', fingerprint]]);
    expect(await db.signers.toArray()).toEqual([{ caseId: 'c1', name: 'Ann Smith', publicKey: me.publicKey }]);
    const bundle = await caseBundleOf(db, 'c1');
    if (!bundle) throw new Error('no case');
    expect(verifyBundle(bundle, [fingerprint])).toMatchObject({ ok: true, signers: [{ name: 'Ann Smith', fingerprint, entries: 2 }], unsigned: [] });
    // As the command line checks it, with --signer.
    const m = memoryIo({ 'case.json': JSON.stringify(bundle) });
    expect(await run(['verify', '--bundle', 'case.json', '--signer', fingerprintForPeople(fingerprint)], m.io)).toBe(0);
  });

  it('says which entries are signed, unsigned, and whose signature no longer matches', async () => {
    ({ db } = freshDb());
    const me = await createIdentity(db, 'Ann Smith');
    await createCase(db, theCase);
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Renamed' });
    await editCaseDetails(db, 'c1', { ...theCase, title: 'Renamed again' });
    // An entry written before entries were signed, and one whose hash someone changed after it was signed.
    await db.audit.update(['c1', 1], { signer: undefined, signature: undefined });
    await db.audit.update(['c1', 3], { hash: 'f'.repeat(64) });
    const found = await checkSignatures(db, 'c1');
    expect(found).toMatchObject({ signed: 1, unsigned: 1, invalid: 1 });
    expect(found.entries[1]).toEqual({ state: 'unsigned' });
    expect(found.entries[2]).toEqual({ state: 'signed', signer: { name: 'Ann Smith', publicKey: me.publicKey }, fingerprint: fingerprintOf(me.publicKey) });
    expect(found.entries[3]).toMatchObject({ state: 'invalid', reason: 'its signature does not match' });
  });
});

describe('signers known to this computer', () => {
  const ann = newSigningKey('Ann Smith');
  const annAgain = newSigningKey('ann  SMITH');
  const bob = newSigningKey('Bob Jones');

  it('a key is first seen, then known, then confirmed; a new key under a known name is a changed key', async () => {
    ({ db } = freshDb());
    const asSigner = (k: typeof ann) => ({ name: k.name, publicKey: k.publicKey });
    expect(standingOf(await readKnownSigners(db), asSigner(ann))).toEqual({ standing: 'firstSeen' });
    await rememberSigners(db, [asSigner(ann)], new Date('2026-11-23T09:00:00Z'));
    await rememberSigners(db, [asSigner(ann)], new Date('2026-11-24T09:00:00Z'));
    let known = await readKnownSigners(db);
    expect(standingOf(known, asSigner(ann))).toEqual({ standing: 'known', knownAs: 'Ann Smith', firstSeen: '2026-11-23T09:00:00.000Z' });
    expect(standingOf(known, asSigner(bob))).toEqual({ standing: 'firstSeen' });
    expect(standingOf(known, asSigner(annAgain))).toEqual({ standing: 'changedKey', others: [{ name: 'Ann Smith', publicKey: ann.publicKey, firstSeen: '2026-11-23T09:00:00.000Z', confirmed: false }] });
    await confirmSigner(db, ann.publicKey);
    known = await readKnownSigners(db);
    expect(standingOf(known, asSigner(ann))).toMatchObject({ standing: 'confirmed' });
  });
});

describe('moving a key: the app’s key file is the command line’s', () => {
  const demoFiles = Object.fromEntries(DEMO.map((n) => [`demo/${n}`, demoBytes(n)]));
  const bundleArgs = [...Object.keys(demoFiles), '--crn', demoManifest.crn, '--offence-at', '2023-11-12T02:17', '--out', 'case.json'];

  it('a key exported here signs on the command line (FORESIGHT_KEY), and verify names it', async () => {
    ({ db } = freshDb());
    const me = await createIdentity(db, 'Ann Smith');
    const file = await exportKey(me, PASSPHRASE);
    const m = memoryIo({ ...demoFiles, 'me.key': file }, { FORESIGHT_KEY: 'me.key', FORESIGHT_PASSPHRASE: PASSPHRASE });
    expect(await run(['bundle', ...bundleArgs], m.io)).toBe(0);
    const bundle = JSON.parse(m.written.get('case.json') as string);
    expect(bundle.signers).toEqual([{ name: 'Ann Smith', publicKey: me.publicKey }]);
    const v = memoryIo({ 'case.json': JSON.stringify(bundle) });
    expect(await run(['verify', '--bundle', 'case.json', '--signer', fingerprintOf(me.publicKey)], v.io)).toBe(0);
  });

  it('a key from keygen is taken here, and signs what this person does next; a wrong passphrase changes nothing', async () => {
    const k = memoryIo({}, { FORESIGHT_PASSPHRASE: PASSPHRASE });
    expect(await run(['keygen', '--name', 'A. Reviewer', '--out', 'me.key'], k.io)).toBe(0);
    const file = k.written.get('me.key') as Uint8Array;
    const printed = (k.out[k.out.length - 1] as string).replace(/ /g, '');
    ({ db } = freshDb());
    const before = await createIdentity(db, 'Ann Smith');
    expect(await importKey(db, file, 'not the passphrase')).toMatchObject({ ok: false });
    expect(await readIdentity(db)).toEqual(before);
    const taken = await importKey(db, file, PASSPHRASE);
    if (!taken.ok) throw new Error(taken.message);
    expect(taken.identity.name).toBe('A. Reviewer');
    expect(fingerprintOf(taken.identity.publicKey)).toBe(printed);
    await createCase(db, theCase);
    const [entry] = await readTrail(db, 'c1');
    const signers = signersByFingerprint((await db.signers.toArray()).map(({ name, publicKey }) => ({ name, publicKey })));
    expect(entry && entrySignature(entry, signers)).toMatchObject({ state: 'signed', fingerprint: printed, signer: { name: 'A. Reviewer' } });
    // Both keys are this person's own: known and confirmed.
    expect((await readKnownSigners(db)).map((s) => [s.name, s.confirmed])).toEqual([['Ann Smith', true], ['A. Reviewer', true]]);
  });
});
