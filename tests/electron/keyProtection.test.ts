import { describe, expect, it } from 'vitest';
import { createBridgeHandlers, serveBridgeCall } from '../../electron/ipc.js';
import { createKeyProtection, type SafeStorageLike } from '../../electron/keyProtection.js';

/** A call from the app's window; key protection never prints or saves. */
const trusted = { senderFrame: { url: 'app://foresight/index.html', parent: null }, sender: { printToPDF: async () => new Uint8Array() } };
const noDocuments = { documentsFolder: () => '/home/me/Documents', showSaveDialog: async () => ({ canceled: true }), writeFile: async () => {}, exists: async () => false };
const KEY = 'ab'.repeat(32);

/** A stand-in for safeStorage: "encrypts" by XOR with a secret only it knows, as an OS keyring would. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (text) => {
      calls.push('encrypt');
      return xor(Buffer.from(text, 'utf8'));
    },
    decryptStringAsync: async (data) => {
      calls.push('decrypt');
      return { result: xor(data).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('protecting the store key with the operating system (main process)', () => {
  it('protects a key and gives the same key back, never in the clear in between', async () => {
    const storage = fakeSafeStorage();
    const handlers = createBridgeHandlers({ name: 'Foresight', version: '1', platform: 'linux' }, storage, noDocuments);
    const { protectedKey } = await serveBridgeCall(handlers, 'protectKey', trusted, { key: KEY });
    expect(Buffer.from(protectedKey, 'base64').toString('utf8')).not.toContain(KEY);
    await expect(serveBridgeCall(handlers, 'unprotectKey', trusted, { protectedKey })).resolves.toEqual({ key: KEY });
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('says so, and protects nothing, on Linux without a secret store (safeStorage would use a fixed password)', async () => {
    for (const backend of ['basic_text', 'unknown']) {
      const storage = fakeSafeStorage({ backend });
      const protection = createKeyProtection(storage, 'linux');
      expect(await protection.keyProtection()).toEqual({ available: false, reason: expect.stringMatching(/no secret store/) });
      await expect(protection.protectKey({ key: KEY })).rejects.toThrow(/cannot protect/);
      expect(storage.calls).toEqual([]);
    }
  });

  it('uses the secret store on Linux with GNOME Keyring or KWallet, and on Windows and macOS whatever the backend', async () => {
    expect(await createKeyProtection(fakeSafeStorage({ backend: 'kwallet6' }), 'linux').keyProtection()).toEqual({ available: true, reason: null });
    expect(await createKeyProtection(fakeSafeStorage({ backend: 'basic_text' }), 'win32').keyProtection()).toEqual({ available: true, reason: null });
  });

  it('reports an unavailable secret store', async () => {
    expect((await createKeyProtection(fakeSafeStorage({ available: false }), 'darwin').keyProtection()).available).toBe(false);
  });

  it('refuses a protected key that does not open to a key, and a request that is not one', async () => {
    const handlers = createBridgeHandlers({ name: 'Foresight', version: '1', platform: 'darwin' }, fakeSafeStorage(), noDocuments);
    await expect(serveBridgeCall(handlers, 'unprotectKey', trusted, { protectedKey: Buffer.from('junk').toString('base64') })).rejects.toThrow(/damaged/);
    await expect(serveBridgeCall(handlers, 'protectKey', trusted, { key: 'not hex' })).rejects.toThrow(/not valid/);
  });
});
