import Dexie from 'dexie';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { PBKDF2_ITERATIONS, passphraseKey } from '../../../shared/crypto/passphrase.js';
import type { ForesightDb, HeadGuard } from './types.js';

/**
 * The store's data key, never kept in the clear. On the desktop it is protected by the operating system's secret
 * store (Electron safeStorage); where there is none (the browser build, Linux without a keyring) by a passphrase the
 * user chooses. The keyring is its own small database, so it can be read before the store is opened.
 */
export type KeyringEntry =
  | { id: 'store'; protection: 'os'; protectedKey: string; sealedAll: boolean }
  | { id: 'store'; protection: 'passphrase'; salt: string; iterations: number; iv: string; wrapped: Uint8Array; sealedAll: boolean };

const KEYRING_NAME = 'foresight-keyring';
export const MIN_PASSPHRASE = 10;

export type Keyring = Dexie & { keys: Dexie.Table<KeyringEntry, string>; heads: Dexie.Table<HeadGuard, string> };

export function openKeyring(options?: ConstructorParameters<typeof Dexie>[1]): Keyring {
  const keyring = new Dexie(KEYRING_NAME, options) as Keyring;
  keyring.version(1).stores({ keys: 'id' });
  // The store's head, beside its key (storeHead.ts).
  keyring.version(2).stores({ heads: 'id' });
  return keyring;
}

export const newDataKey = () => crypto.getRandomValues(new Uint8Array(32));

export async function wrapWithPassphrase(dataKey: Uint8Array, passphrase: string): Promise<KeyringEntry> {
  const salt = bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS, 'encrypt');
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, dataKey as Uint8Array<ArrayBuffer>));
  return { id: 'store', protection: 'passphrase', salt, iterations: PBKDF2_ITERATIONS, iv: bytesToHex(iv), wrapped, sealedAll: false };
}

/** The data key, or null when the passphrase is not the one that protects it. */
export async function unwrapWithPassphrase(entry: Extract<KeyringEntry, { protection: 'passphrase' }>, passphrase: string): Promise<Uint8Array | null> {
  const kek = await passphraseKey(passphrase, entry.salt, Math.max(entry.iterations, PBKDF2_ITERATIONS), 'decrypt');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: hexToBytes(entry.iv) as Uint8Array<ArrayBuffer> }, kek, entry.wrapped as Uint8Array<ArrayBuffer>));
  } catch {
    return null;
  }
}

/**
 * Rewrite every value of the store through its sealing layer, in one transaction: a store written before encryption
 * (or before a crash part-way through this) ends with nothing in the clear. Values already sealed are sealed afresh.
 * Only a store opened with `acceptUnsealed` can read what it is to seal; open it strictly afterwards.
 */
export async function sealEverything(db: ForesightDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      if (table.schema.primKey.keyPath === null) continue;
      const rows = await table.toArray();
      if (rows.length > 0) await table.bulkPut(rows);
    }
  });
}
