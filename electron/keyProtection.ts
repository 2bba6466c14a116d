/** The parts of Electron's safeStorage the app uses: the asynchronous API only. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

/** Linux backends that store the key in the clear (a hard-coded password): not protection at all. */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * The store's data key, protected by the operating system (Keychain, DPAPI, libsecret or KWallet). On Linux with no
 * secret store, safeStorage would "encrypt" with a fixed password, so the app says so and the user sets a passphrase.
 */
export function createKeyProtection(safeStorage: SafeStorageLike, platform: string) {
  const availability = async (): Promise<{ available: boolean; reason: string | null }> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return { available: false, reason: "This computer's secret store is not available to Foresight." };
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() ?? 'unknown' : null;
    if (backend !== null && UNPROTECTED_BACKENDS.has(backend)) return { available: false, reason: 'This Linux desktop has no secret store (such as GNOME Keyring or KWallet) for Foresight to keep its key in.' };
    return { available: true, reason: null };
  };
  return {
    keyProtection: availability,
    protectKey: async ({ key }: { key: string }) => {
      if (!(await availability()).available) throw new Error('The operating system cannot protect the key on this computer.');
      return { protectedKey: (await safeStorage.encryptStringAsync(key)).toString('base64') };
    },
    unprotectKey: async ({ protectedKey }: { protectedKey: string }) => {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(protectedKey, 'base64'));
      if (!/^[0-9a-f]{64}$/.test(result)) throw new Error('The protected key is damaged.');
      return { key: result };
    },
  };
}
