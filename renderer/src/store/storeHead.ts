import { hmac } from '@noble/hashes/hmac.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { Keyring } from './keyring.js';
import type { ForesightDb } from './types.js';

export type { HeadGuard } from './types.js';

/**
 * The store's head: a counter that every change to any case's trail advances, with the hash of each case's newest
 * trail entry, kept (sealed) in the store; the counter is kept again beside the store's key in the keyring,
 * authenticated with a key derived from the store's key.
 * - Putting back an older copy of the whole store brings back an older counter, which the keyring's no longer
 *   matches: opening the store says so.
 * - Putting back an older copy of one case (its rows and its trail, each still sealed) leaves its newest entry other
 *   than the one the head names: its check fails. Putting back an older head with it brings back an older counter.
 * (Putting back older copies of both the store and the keyring together is not something this can see.)
 */
export const STORE_HEAD = 'storeHead';

interface Head {
  n: number;
  /** Each case's newest trail entry, by its hash. */
  cases: Record<string, string>;
}

async function headOf(db: ForesightDb): Promise<Head> {
  const value = (await db.settings.get(STORE_HEAD))?.value as Head | undefined;
  return value ?? { n: 0, cases: {} };
}

/** The store's head: 0 for a store no trail has been written to. */
export async function readHead(db: ForesightDb): Promise<number> {
  return (await headOf(db)).n;
}

/** The hash of a case's newest entry as the head names it (undefined: it names none, as for a case since deleted). */
export async function headEntryOf(db: ForesightDb, caseId: string): Promise<string | undefined> {
  return (await headOf(db)).cases[caseId];
}

/**
 * Advance the head, naming a case's newest entry (null: the case is gone). Call inside the transaction that writes to
 * the trail or deletes the case (it takes the settings table).
 */
export async function advanceHead(db: ForesightDb, caseId: string, newest: string | null): Promise<void> {
  const { n, cases } = await headOf(db);
  const { [caseId]: _, ...others } = cases;
  await db.settings.put({ key: STORE_HEAD, value: { n: n + 1, cases: newest === null ? others : { ...others, [caseId]: newest } } satisfies Head });
}

/**
 * Calls `onHead` with the store's new head once a transaction that advanced it has committed: the keyring, a separate
 * database, is then written after the change it records, so a crash between the two leaves the store ahead, never behind.
 */
export function headWatch(onHead: (head: number) => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'headWatch',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'settings') return table;
          return {
            ...table,
            mutate(req) {
              if (req.type === 'put') {
                const head = req.values.find((v: { key?: unknown }) => v?.key === STORE_HEAD) as { value: Head } | undefined;
                if (head) whenCommitted(req.trans, () => onHead(head.value.n));
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}

function whenCommitted(trans: DBCoreTransaction, then: () => void) {
  (trans as unknown as IDBTransaction).addEventListener('complete', then, { once: true });
}

const macKey = (dataKey: Uint8Array) => hkdf(sha256, dataKey, undefined, utf8ToBytes('Foresight store head'), 32);
const headMac = (dataKey: Uint8Array, head: number) => hmac(sha256, macKey(dataKey), utf8ToBytes(`store head ${head}`));

/**
 * Record a head the store has reached beside its key, unless a later one is recorded: never lower, whatever the record
 * holds (only acceptHead, the user's choice, takes a lower one). The MAC is made before anything is awaited, so a
 * key overwritten by locking a moment later is never used.
 */
export async function noteHead(keyring: Keyring, dataKey: Uint8Array, head: number): Promise<void> {
  const mac = headMac(dataKey, head);
  await keyring.transaction('rw', keyring.heads, async () => {
    const seen = await keyring.heads.get('store');
    if (seen && seen.head >= head) return;
    await keyring.heads.put({ id: 'store', head, mac });
  });
}

export type HeadCheck = { ok: true } | { ok: false; reason: 'older'; store: number; seen: number } | { ok: false; reason: 'tampered' };

/** Whether the store is at least as new as the newest head this computer has recorded for it. */
export async function checkHead(keyring: Keyring, dataKey: Uint8Array, storeHead: number): Promise<HeadCheck> {
  const seen = await keyring.heads.get('store');
  if (!seen) return { ok: true };
  if (!equalBytes(seen.mac, headMac(dataKey, seen.head))) return { ok: false, reason: 'tampered' };
  return storeHead >= seen.head ? { ok: true } : { ok: false, reason: 'older', store: storeHead, seen: seen.head };
}

/** Take the store's head as it is now as the newest, when the user chooses to carry on with an older copy. */
export async function acceptHead(keyring: Keyring, dataKey: Uint8Array, head: number): Promise<void> {
  await keyring.heads.put({ id: 'store', head, mac: headMac(dataKey, head) });
}
