import Dexie from 'dexie';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { Kdf, kdfRefusal, newKdf, passphraseKey, type Argon2idFn } from '../../../shared/crypto/passphrase.js';
import type { ForesightDb, HeadGuard } from './types.js';

/**
 * The store's data key, never kept in the clear. On the desktop it is protected by the operating system's secret
 * store (Electron safeStorage); where there is none (the browser build, Linux without a keyring) by a passphrase the
 * user chooses. The keyring is its own small database, so it can be read before the store is opened.
 */
const Hex = z.string().regex(/^(?:[0-9a-f]{2})+$/);
const OsEntry = z.object({ id: z.literal('store'), protection: z.literal('os'), protectedKey: z.string().min(1), sealedAll: z.boolean() });
const passphraseFields = { id: z.literal('store'), protection: z.literal('passphrase'), iv: Hex, wrapped: z.instanceof(Uint8Array), sealedAll: z.boolean() };
const PassphraseEntry = z.object({ ...passphraseFields, kdf: Kdf });
/** As versions before Argon2id wrote it: PBKDF2-SHA-256, its salt and iterations at the top level. Still opened. */
const PbkdfEntry = z
  .object({ ...passphraseFields, salt: z.string().regex(/^[0-9a-f]{32}$/), iterations: z.number().int().positive() })
  .transform(({ salt, iterations, ...rest }) => ({ ...rest, kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt } }));
const StoredEntry = z.union([OsEntry, PassphraseEntry, PbkdfEntry]);

export type KeyringEntry = z.infer<typeof StoredEntry>;
export type PassphraseEntry = Extract<KeyringEntry, { protection: 'passphrase' }>;

/** The keyring holds something, but not a key entry Foresight can read: changed or damaged outside Foresight. */
export class KeyringDamaged extends Error {}

const KEYRING_NAME = 'foresight-keyring';
export const MIN_PASSPHRASE = 10;

export type Keyring = Dexie & { keys: Dexie.Table<KeyringEntry | z.input<typeof StoredEntry>, string>; heads: Dexie.Table<HeadGuard, string> };

export function openKeyring(options?: ConstructorParameters<typeof Dexie>[1]): Keyring {
  const keyring = new Dexie(KEYRING_NAME, options) as Keyring;
  keyring.version(1).stores({ keys: 'id' });
  // The store's head, beside its key (storeHead.ts).
  keyring.version(2).stores({ heads: 'id' });
  return keyring;
}

/** The store's key entry, or null on a first run. */
export async function readKeyEntry(keyring: Keyring): Promise<KeyringEntry | null> {
  const stored: unknown = await keyring.keys.get('store');
  if (stored === undefined) return null;
  const parsed = StoredEntry.safeParse(stored);
  if (!parsed.success) throw new KeyringDamaged('The key that protects the cases on this computer is damaged: Foresight cannot read it.');
  return parsed.data;
}

export const newDataKey = () => crypto.getRandomValues(new Uint8Array(32));

/** Wrap the data key under a new passphrase, by Argon2id at today's cost (`derive` says where it runs). */
export async function wrapWithPassphrase(dataKey: Uint8Array, passphrase: string, derive: Argon2idFn): Promise<PassphraseEntry> {
  const kdf = newKdf(bytesToHex(crypto.getRandomValues(new Uint8Array(16))));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await passphraseKey(passphrase, kdf, 'encrypt', derive);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, dataKey as Uint8Array<ArrayBuffer>));
  return { id: 'store', protection: 'passphrase', kdf, iv: bytesToHex(iv), wrapped, sealedAll: false };
}

/** The data key, or null when the passphrase is not the one that protects it. */
export async function unwrapWithPassphrase(entry: PassphraseEntry, passphrase: string, derive: Argon2idFn): Promise<Uint8Array | null> {
  const refusal = kdfRefusal(entry.kdf);
  if (refusal) throw new KeyringDamaged(`The key that protects the cases on this computer has been changed: it ${refusal}.`);
  const kek = await passphraseKey(passphrase, entry.kdf, 'decrypt', derive);
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
