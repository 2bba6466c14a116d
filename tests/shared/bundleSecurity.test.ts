import { describe, expect, it } from 'vitest';
import { decryptBundle, encryptBundle, MAGIC } from '../../shared/bundle/encryption.js';
import { ARGON2ID, PBKDF2_ITERATIONS } from '../../shared/crypto/passphrase.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';

/** An encrypted bundle as version 1 wrote it (PBKDF2-SHA-256), kept as literal bytes: today's code cannot rebuild it. */
const V1_FILE = new Uint8Array([
  ...new TextEncoder().encode(
    'FORESIGHT-ENCRYPTED-BUNDLE\n{"cipher":{"iv":"325143e913ba439a3116ba01","name":"AES-GCM"},"kdf":{"hash":"SHA-256","iterations":600000,"name":"PBKDF2","salt":"f628ad27fabc18ba36e490cc65027daa"},"version":1}\n',
  ),
  ...Uint8Array.from(atob('iA1OQHGMZCVMfWlMToZaXZhWCpRsH07+TyRONH+JGsyi0JobOm3W6yKQ'), (c) => c.charCodeAt(0)),
]);

const header = (file: Uint8Array) => JSON.parse(new TextDecoder().decode(file).slice(MAGIC.length).split('\n')[0] as string);

describe('encrypted bundles', () => {
  it('derive the key with Argon2id (version 2), recording its cost, with a fresh salt and nonce each time', async () => {
    const a = await encryptBundle('{}', 'p');
    const b = await encryptBundle('{}', 'p');
    expect(header(a).version).toBe(2);
    expect(header(a).kdf).toEqual({ name: 'argon2id', m: ARGON2ID.m, t: ARGON2ID.t, p: ARGON2ID.p, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(ARGON2ID).toEqual({ m: 65_536, t: 2, p: 1 });
    expect(header(a).kdf.salt).not.toBe(header(b).kdf.salt);
    expect(header(a).cipher.iv).not.toBe(header(b).cipher.iv);
    expect(await decryptBundle(a, 'p')).toEqual({ ok: true, json: '{}' });
  });

  it('still open a version 1 file (PBKDF2-SHA-256), written as literal bytes by the version before Argon2id', async () => {
    expect(await decryptBundle(V1_FILE, 'correct horse battery staple')).toEqual({ ok: true, json: '{"written":"by version 1"}' });
    expect(await decryptBundle(V1_FILE, 'not the passphrase')).toMatchObject({ ok: false, about: 'passphrase' });
  });

  it('refuse a file whose header was edited to ask for a weaker key derivation', async () => {
    const text = new TextDecoder('latin1').decode(V1_FILE);
    const weakened = text.replace(`"iterations":${PBKDF2_ITERATIONS}`, '"iterations":1000');
    const bytes = Uint8Array.from(weakened, (c) => c.charCodeAt(0));
    expect(await decryptBundle(bytes, 'p')).toEqual({ ok: false, message: expect.stringMatching(/weaker key derivation/), about: 'file' });
    const file = new TextDecoder('latin1').decode(await encryptBundle('{"x":1}', 'p'));
    const cheap = Uint8Array.from(file.replace(`"m":${ARGON2ID.m}`, '"m":1024'), (c) => c.charCodeAt(0));
    expect(await decryptBundle(cheap, 'p')).toEqual({ ok: false, message: expect.stringMatching(/weaker key derivation \(Argon2id with 1024 KiB/), about: 'file' });
  });

  it('refuse, at once, a file asking for an unreasonable Argon2id cost (all the memory, minutes of work)', async () => {
    const file = new TextDecoder('latin1').decode(await encryptBundle('{"x":1}', 'p'));
    const hostile = Uint8Array.from(file.replace(`"m":${ARGON2ID.m}`, '"m":4194304'), (c) => c.charCodeAt(0));
    const started = performance.now();
    expect(await decryptBundle(hostile, 'p')).toEqual({ ok: false, message: expect.stringMatching(/unreasonable key derivation/), about: 'file' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('say a file that is not an encrypted bundle is not one, and that a wrong passphrase is about the passphrase', async () => {
    expect(await decryptBundle(new TextEncoder().encode('{"schemaVersion":2}'), 'p')).toEqual({ ok: false, message: 'not an encrypted Foresight bundle', about: 'file' });
    expect(await decryptBundle(new TextEncoder().encode(MAGIC + '{"version":'), 'p')).toMatchObject({ ok: false, about: 'file' });
    expect(await decryptBundle(await encryptBundle('{}', 'p'), 'not p')).toEqual({ ok: false, message: 'wrong passphrase, or the file is damaged', about: 'passphrase' });
  });
});

describe('reading bundles', () => {
  it('refuses a bundle from a newer version with a clear message', () => {
    expect(readCaseBundle('{"schemaVersion": 4}')).toEqual({ ok: false, message: expect.stringMatching(/newer version of Foresight/) });
  });

  it('migrates a version 1 bundle, carrying it forward with an empty audit trail', () => {
    const v1 = { schemaVersion: 1, case: { id: 'c', crn: 'X123456', title: 't', subject: '', offenceAt: { value: '2023-01-01', precision: 'day' }, synthetic: false, createdAt: '' }, staff: [], allocations: [], records: [], otherWork: [], workload: [], teams: [], sources: [] };
    const read = readCaseBundle(JSON.stringify(v1));
    expect(read).toMatchObject({ ok: true, bundle: { schemaVersion: 3, audit: [] }, trail: 'none' });
  });

  it('says which field is wrong in a bundle that breaks the schema', () => {
    expect(readCaseBundle('{"schemaVersion": 2}')).toEqual({ ok: false, message: expect.stringMatching(/^not a valid case bundle: case/) });
    expect(readCaseBundle('not json')).toEqual({ ok: false, message: expect.stringMatching(/JSON cannot be read/) });
  });
});
