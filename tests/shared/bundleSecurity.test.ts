import { describe, expect, it } from 'vitest';
import { decryptBundle, encryptBundle, MAGIC } from '../../shared/bundle/encryption.js';
import { PBKDF2_ITERATIONS } from '../../shared/crypto/passphrase.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';

const header = (file: Uint8Array) => JSON.parse(new TextDecoder().decode(file).slice(MAGIC.length).split('\n')[0] as string);

describe('encrypted bundles', () => {
  it('derive the key with PBKDF2-SHA-256 at 600,000 iterations, with a fresh salt and nonce each time', async () => {
    const a = await encryptBundle('{}', 'p');
    const b = await encryptBundle('{}', 'p');
    expect(header(a).kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(header(a).kdf.salt).not.toBe(header(b).kdf.salt);
    expect(header(a).cipher.iv).not.toBe(header(b).cipher.iv);
  });

  it('refuse a file whose header was edited to ask for a weaker key derivation', async () => {
    const file = await encryptBundle('{"x":1}', 'p');
    const text = new TextDecoder('latin1').decode(file);
    const weakened = text.replace(`"iterations":${PBKDF2_ITERATIONS}`, '"iterations":1000');
    const bytes = Uint8Array.from(weakened, (c) => c.charCodeAt(0));
    expect(await decryptBundle(bytes, 'p')).toEqual({ ok: false, message: expect.stringMatching(/weaker key derivation/), about: 'file' });
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
