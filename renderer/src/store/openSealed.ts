import { openDatabase } from './db.js';
import { openKeyring, type Keyring } from './keyring.js';
import { sealerFor, type Sealer } from './sealing.js';
import { noteHead } from './storeHead.js';
import type { ForesightDb } from './types.js';

/**
 * The store as the app opens it, in the window and in every worker: every value sealed and authenticated with the
 * data key, and each change to a trail, once committed, recorded beside the key as the store's newest head.
 */
export function openSealed(dataKey: Uint8Array, keyring: Keyring = openKeyring(), sealer: Sealer = sealerFor(dataKey)): ForesightDb {
  return openDatabase(undefined, {
    sealer,
    onHead: (head) => {
      // After locking the key is overwritten: a write that commits then is not noted (the next one will be).
      if (dataKey.some((b) => b !== 0)) noteHead(keyring, dataKey, head).catch(() => undefined);
    },
  });
}
