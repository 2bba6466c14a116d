import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { ForesightBridge } from '../../../../shared/bridge/contract.js';
import { argon2idInWorker } from '../../store/argon2idInWorker.js';
import { openDatabase, type ForesightDb } from '../../store/db.js';
import { KeyringDamaged, newDataKey, readKeyEntry, sealEverything, unwrapWithPassphrase, wrapWithPassphrase, type Keyring, type KeyringEntry } from '../../store/keyring.js';
import { dropKeyHolders } from '../../store/keyHolders.js';
import { openSealed } from '../../store/openSealed.js';
import { DATABASE_NAME } from '../../store/schema.js';
import { isDamage, isSealed, sealerFor, type Sealer } from '../../store/sealing.js';
import { checkHead, noteHead, readHead, type HeadCheck } from '../../store/storeHead.js';

export interface OpenStore {
  db: ForesightDb;
  /** The data key, for the app's workers, which open the store themselves. */
  dataKey: Uint8Array;
  /** Whether the store is as new as the newest this computer has seen (storeHead.ts). */
  head: HeadCheck;
  sealer: Sealer;
  /** How it was unlocked, and so how it unlocks again after locking. */
  protection: KeyringEntry['protection'];
}

/** Where opening the store stands: opened, or waiting for the user's passphrase (new or existing). */
export type StoreStart =
  | { step: 'open'; store: OpenStore }
  | { step: 'choosePassphrase'; reason: string }
  | { step: 'enterPassphrase' };

/** Opening failed for a reason the user can act on; the message says what happened, in plain words. */
export class CannotOpenStore extends Error {}

/**
 * Open the store with its key, sealing anything left in the clear by an older version (once), and check that it is
 * not an older copy of itself put back.
 */
async function openWith(keyring: Keyring, entry: KeyringEntry, dataKey: Uint8Array): Promise<OpenStore> {
  const sealer = sealerFor(dataKey);
  if (!entry.sealedAll) {
    // Sealing reads values in the clear: only a store that holds no sealed value yet (written before encryption, or
    // new) is sealed. One that does was sealed already, and the flag saying otherwise is not to be trusted: anything
    // in the clear beside its sealed values was put there outside Foresight, and is refused when read.
    if (!(await storeHoldsSealedValues())) {
      const unsealed = openDatabase(undefined, { sealer, acceptUnsealed: true });
      await sealEverything(unsealed);
      unsealed.close();
    }
    await keyring.keys.update('store', { sealedAll: true });
  }
  const db = openSealed(dataKey, keyring, sealer);
  await db.open();
  const now = await readHead(db);
  const head = await checkHead(keyring, dataKey, now);
  if (head.ok) await noteHead(keyring, dataKey, now);
  return { db, dataKey, head, sealer, protection: entry.protection };
}

/**
 * Whether the store already holds encrypted values. With no key in the keyring, that means the key was lost (the
 * keyring deleted or cleared), not a first run: making a new key then would hide the old cases for good. With a key
 * whose entry says the store is not sealed yet, it means the entry was changed: nothing in the clear is then sealed.
 */
async function storeHoldsSealedValues(): Promise<boolean> {
  const names = await indexedDB.databases();
  if (!names.some((d) => d.name === DATABASE_NAME)) return false;
  return new Promise((resolve, reject) => {
    // Opened raw, at whatever version it is, so nothing is upgraded before a key is known.
    const open = indexedDB.open(DATABASE_NAME);
    open.onerror = () => reject(open.error ?? new Error('The case store cannot be read.'));
    open.onsuccess = () => {
      const idb = open.result;
      // The first value of each table: a store sealed once holds no value in the clear.
      const tables = [...idb.objectStoreNames];
      if (tables.length === 0) {
        idb.close();
        resolve(false);
        return;
      }
      const tx = idb.transaction(tables);
      let sealed = false;
      for (const table of tables) {
        const cursor = tx.objectStore(table).openCursor();
        cursor.onsuccess = () => {
          if (cursor.result && isSealed(cursor.result.value)) sealed = true;
        };
      }
      tx.oncomplete = () => {
        idb.close();
        resolve(sealed);
      };
      tx.onerror = () => reject(tx.error ?? new Error('The case store cannot be read.'));
    };
  });
}

const KEY_MISSING =
  'The key that unlocks the cases on this computer is missing: it has been deleted or cleared outside Foresight, so the cases stored here cannot be read.';

/** The OS-protected key, read again through the bridge (at start, and after the window was locked). */
export async function unlockWithOs(keyring: Keyring, bridge: ForesightBridge): Promise<OpenStore> {
  const entry = await readKeyEntry(keyring);
  if (entry?.protection !== 'os') throw new CannotOpenStore(KEY_MISSING);
  let key: string;
  try {
    ({ key } = await bridge.unprotectKey({ protectedKey: entry.protectedKey }));
  } catch {
    throw new CannotOpenStore("The operating system's secret store would not release the key that unlocks the cases on this computer. It may be locked, or your account's keyring may have been reset.");
  }
  return openWith(keyring, entry, hexToBytes(key));
}

/**
 * Open the store: with the key the operating system protects, if there is one, else ask for a passphrase. On the
 * first run a new key is made and protected the best way this computer offers.
 */
export async function startStore(keyring: Keyring, bridge: ForesightBridge): Promise<StoreStart> {
  const entry = await readKeyEntry(keyring);
  if (entry?.protection === 'passphrase') return { step: 'enterPassphrase' };
  if (entry?.protection === 'os') return { step: 'open', store: await unlockWithOs(keyring, bridge) };
  if (await storeHoldsSealedValues()) throw new CannotOpenStore(KEY_MISSING);
  const protection = await bridge.keyProtection({});
  if (!protection.available) return { step: 'choosePassphrase', reason: protection.reason ?? 'This computer cannot protect the key by itself.' };
  const dataKey = newDataKey();
  const { protectedKey } = await bridge.protectKey({ key: bytesToHex(dataKey) });
  const created: KeyringEntry = { id: 'store', protection: 'os', protectedKey, sealedAll: false };
  await keyring.keys.put(created);
  return { step: 'open', store: await openWith(keyring, created, dataKey) };
}

/** First run without an OS secret store: the user's passphrase protects a new key. */
export async function createWithPassphrase(keyring: Keyring, passphrase: string): Promise<OpenStore> {
  const dataKey = newDataKey();
  const entry = await wrapWithPassphrase(dataKey, passphrase, argon2idInWorker);
  await keyring.keys.put(entry);
  return openWith(keyring, entry, dataKey);
}

/**
 * The store, or null when the passphrase is not the one that protects it. A key still wrapped by PBKDF2 (before
 * Argon2id) is wrapped afresh by Argon2id once it has opened.
 */
export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<OpenStore | null> {
  const entry = await readKeyEntry(keyring);
  if (entry?.protection !== 'passphrase') throw new CannotOpenStore(KEY_MISSING);
  const dataKey = await unwrapWithPassphrase(entry, passphrase, argon2idInWorker);
  if (!dataKey) return null;
  if (entry.kdf.name !== 'argon2id') {
    const rewrapped = { ...(await wrapWithPassphrase(dataKey, passphrase, argon2idInWorker)), sealedAll: entry.sealedAll };
    await keyring.keys.put(rewrapped);
    return openWith(keyring, rewrapped, dataKey);
  }
  return openWith(keyring, entry, dataKey);
}

/**
 * Lock: end every worker that was handed the key, close the store, and overwrite the key and the keys derived from it,
 * so nothing that can read a case is left in this window's memory.
 */
export function closeStore(store: OpenStore): void {
  dropKeyHolders();
  store.db.close();
  store.sealer.forget();
  store.dataKey.fill(0);
}

/** What a failure to open the store means to the person at the keyboard, in plain words. */
export function whyNotOpened(e: unknown): string {
  if (e instanceof CannotOpenStore || e instanceof KeyringDamaged) return e.message;
  if (isDamage(e)) return 'The cases on this computer cannot be read with the key this passphrase unlocks: the store or its key has been changed outside Foresight.';
  return `Foresight could not open the store of cases on this computer (${e instanceof Error ? e.message : String(e)}).`;
}
