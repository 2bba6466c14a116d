import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { ForesightBridge } from '../../../../shared/bridge/contract.js';
import { openDatabase, type ForesightDb } from '../../store/db.js';
import { openSealed } from '../../store/openSealed.js';
import { checkHead, noteHead, readHead, type HeadCheck } from '../../store/storeHead.js';
import { newDataKey, sealEverything, unwrapWithPassphrase, wrapWithPassphrase, type Keyring, type KeyringEntry } from '../../store/keyring.js';
import { sealerFor } from '../../store/sealing.js';

export interface OpenStore {
  db: ForesightDb;
  /** The data key, for the app's workers, which open the store themselves. */
  dataKey: Uint8Array;
  /** Whether the store is as new as the newest this computer has seen (storeHead.ts). */
  head: HeadCheck;
}

/** Where opening the store stands: opened, or waiting for the user's passphrase (new or existing). */
export type StoreStart =
  | { step: 'open'; store: OpenStore }
  | { step: 'choosePassphrase'; reason: string }
  | { step: 'enterPassphrase' };

/**
 * Open the store with its key, sealing anything left in the clear by an older version (once), and check that it is
 * not an older copy of itself put back.
 */
async function openWith(keyring: Keyring, entry: KeyringEntry, dataKey: Uint8Array): Promise<OpenStore> {
  if (!entry.sealedAll) {
    const unsealed = openDatabase(undefined, { sealer: sealerFor(dataKey), acceptUnsealed: true });
    await sealEverything(unsealed);
    unsealed.close();
    await keyring.keys.update('store', { sealedAll: true });
  }
  const db = openSealed(dataKey, keyring);
  await db.open();
  const now = await readHead(db);
  const head = await checkHead(keyring, dataKey, now);
  if (head.ok) await noteHead(keyring, dataKey, now);
  return { db, dataKey, head };
}

/**
 * Open the store: with the key the operating system protects, if there is one, else ask for a passphrase. On the
 * first run a new key is made and protected the best way this computer offers.
 */
export async function startStore(keyring: Keyring, bridge: ForesightBridge): Promise<StoreStart> {
  const entry = await keyring.keys.get('store');
  if (entry?.protection === 'passphrase') return { step: 'enterPassphrase' };
  if (entry?.protection === 'os') {
    const { key } = await bridge.unprotectKey({ protectedKey: entry.protectedKey });
    return { step: 'open', store: await openWith(keyring, entry, hexToBytes(key)) };
  }
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
  const entry = await wrapWithPassphrase(dataKey, passphrase);
  await keyring.keys.put(entry);
  return openWith(keyring, entry, dataKey);
}

/** The store, or null when the passphrase is not the one that protects it. */
export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<OpenStore | null> {
  const entry = await keyring.keys.get('store');
  if (entry?.protection !== 'passphrase') throw new Error('This store is not protected by a passphrase.');
  const dataKey = await unwrapWithPassphrase(entry, passphrase);
  return dataKey ? openWith(keyring, entry, dataKey) : null;
}
