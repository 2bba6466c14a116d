import { hexToBytes } from '@noble/hashes/utils.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { argon2idBytes } from '../../shared/crypto/argon2id.js';
import { ARGON2ID } from '../../shared/crypto/passphrase.js';
import { KeyringDamaged, openKeyring, readKeyEntry, unwrapWithPassphrase, wrapWithPassphrase } from '../../renderer/src/store/keyring.js';

/**
 * A keyring entry exactly as Foresight wrote it before Argon2id (PBKDF2-SHA-256, 600,000 iterations, salt and iterations
 * at the top level), written out as literal bytes so that no change to today's code can rebuild it to pass.
 */
const PBKDF2_ENTRY = {
  id: 'store',
  protection: 'passphrase',
  salt: '4d8fab2e6655d9de5d1d4ef9ea30b2a9',
  iterations: 600_000,
  iv: '20f7d76c9e50cc239c311eeb',
  wrapped: hexToBytes('d4a4765b8776084fced64f1e86b6d18a88fa3a64c918e9146d34f3a79ba0b8206c15c9b16fe848d53ebfbaa5b729a371'),
  sealedAll: true,
};
const PBKDF2_KEY = hexToBytes('4aaf008cc11ce69d659cf5a4c7cd1b51fd8e3cab74a446f0b32158612e989d2e');
const PASSPHRASE = 'correct horse battery staple';

function keyringWith(entry: object) {
  const keyring = openKeyring({ indexedDB: new IDBFactory(), IDBKeyRange });
  return { keyring, stored: keyring.keys.put(entry as never) };
}

describe('the keyring', () => {
  it('still opens a key wrapped by PBKDF2 before Argon2id, with that passphrase only', async () => {
    const { keyring, stored } = keyringWith(PBKDF2_ENTRY);
    await stored;
    const entry = await readKeyEntry(keyring);
    if (entry?.protection !== 'passphrase') throw new Error('expected a passphrase entry');
    expect(entry.kdf).toEqual({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: PBKDF2_ENTRY.salt });
    expect(await unwrapWithPassphrase(entry, PASSPHRASE, argon2idBytes)).toEqual(PBKDF2_KEY);
    expect(await unwrapWithPassphrase(entry, 'correct horse battery stapler', argon2idBytes)).toBeNull();
  });

  it('wraps a new key by Argon2id, recording its cost so that it can be raised later', async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const started = performance.now();
    const entry = await wrapWithPassphrase(dataKey, PASSPHRASE, argon2idBytes);
    const took = performance.now() - started;
    expect(entry.kdf).toEqual({ name: 'argon2id', m: 65_536, t: 2, p: 1, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(ARGON2ID.m).toBeGreaterThanOrEqual(19_456);
    expect(took).toBeLessThan(4_000);
    const { keyring, stored } = keyringWith(entry);
    await stored;
    const read = await readKeyEntry(keyring);
    if (read?.protection !== 'passphrase') throw new Error('expected a passphrase entry');
    expect(await unwrapWithPassphrase(read, PASSPHRASE, argon2idBytes)).toEqual(dataKey);
    expect(await unwrapWithPassphrase(read, 'not the passphrase', argon2idBytes)).toBeNull();
  });

  it('refuses an entry edited to ask for a weaker Argon2id, rather than trying it', async () => {
    const entry = await wrapWithPassphrase(crypto.getRandomValues(new Uint8Array(32)), PASSPHRASE, argon2idBytes);
    const weakened = { ...entry, kdf: { ...entry.kdf, m: 1024, t: 1 } };
    await expect(unwrapWithPassphrase(weakened, PASSPHRASE, argon2idBytes)).rejects.toThrow(KeyringDamaged);
  });

  it('says a damaged entry is damaged, and an empty keyring is a first run', async () => {
    const { keyring, stored } = keyringWith({ id: 'store', protection: 'passphrase', salt: 'not hex', wrapped: 'gone' });
    await stored;
    await expect(readKeyEntry(keyring)).rejects.toThrow(KeyringDamaged);
    expect(await readKeyEntry(openKeyring({ indexedDB: new IDBFactory(), IDBKeyRange }))).toBeNull();
  });
});
