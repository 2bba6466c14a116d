import { gcm } from '@noble/ciphers/aes.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, DBCoreTransaction, Middleware } from 'dexie';
import { clearBytes, decodeHidden, decodeLegacy, encodeHidden, joinRowObjects, joinRows, splitRows, type ClearColumns, type ClearSpec, type SealedRows } from './sealedForm.js';

/**
 * Encryption at rest. Every stored value keeps in the clear only the fields its table's keys and indexes are built
 * from (case ids, block numbers, sequence numbers), the lists of row ids an import reads, and, in a case's blocks of
 * rows, the structured fields the engine reads (clearFields.ts); everything else (names, free text, who knew what and
 * when, the trail's entries and the rows they recorded, row hashes and their sums, settings, backups) is sealed with
 * the store's data key.
 *
 * Everything in the clear is authenticated with the sealed part: the value's table and every clear field are the
 * cipher's associated data, so a value moved to another row, a clear figure or id list changed, or a field added
 * beside the sealed part fails to open. A value without a sealed part is refused, except while a store written before
 * encryption is sealed for the first time (`acceptUnsealed`).
 *
 * The cipher is XChaCha20-Poly1305 (noble): synchronous, so an IndexedDB transaction never waits on anything but
 * IndexedDB and stays open, and about three times faster in JavaScript than AES-GCM, with nonces large enough to be
 * random. Its key is derived from the data key by HKDF. The forms older versions sealed (version 4: AES-256-GCM under
 * the data key; versions 5 to 7: the same cipher with only the key fields authenticated) are read only while the store
 * upgrades, which seals every value afresh.
 */
const SEALED = '$sealedA';
const V5_SEALED = '$sealedX';
const V4_SEALED = '$sealed';
const NONCE = 24;
const LEGACY_NONCE = 12;

export interface Sealer {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
  /** Open a value sealed by version 4 of the store (AES-256-GCM). */
  openLegacy(sealed: Uint8Array, context: Uint8Array): Uint8Array;
  /** Overwrite the keys it holds, when the store is locked: it opens nothing after this. */
  forget(): void;
}

export function sealerFor(dataKey: Uint8Array): Sealer {
  if (dataKey.length !== 32) throw new Error('The store key must be 32 bytes.');
  const legacyKey = dataKey.slice();
  const key = hkdf(sha256, dataKey, undefined, utf8ToBytes('Foresight store: XChaCha20-Poly1305'), 32);
  return {
    seal(plain, context) {
      const nonce = randomBytes(NONCE);
      const sealed = xchacha20poly1305(key, nonce, context).encrypt(plain);
      const out = new Uint8Array(NONCE + sealed.length);
      out.set(nonce);
      out.set(sealed, NONCE);
      return out;
    },
    open: (sealed, context) => xchacha20poly1305(key, sealed.subarray(0, NONCE), context).decrypt(sealed.subarray(NONCE)),
    openLegacy: (sealed, context) => gcm(legacyKey, sealed.subarray(0, LEGACY_NONCE), context).decrypt(sealed.subarray(LEGACY_NONCE)),
    forget() {
      key.fill(0);
      legacyKey.fill(0);
    },
  };
}

export class StoreDecryptError extends Error {
  override name = 'StoreDecryptError';
}

/** Whether an error is, or wraps (Dexie wraps what fails inside a transaction), a value that would not decrypt. */
export function isDamage(e: unknown): boolean {
  for (let at = e, depth = 0; at instanceof Error && depth < 5; depth++) {
    if (at instanceof StoreDecryptError || at.name === 'StoreDecryptError') return true;
    at = (at as { inner?: unknown }).inner ?? at.cause;
  }
  return false;
}

/** Whether a stored value, as IndexedDB holds it, was sealed with a store key. */
export const isSealed = (value: unknown): boolean => value !== null && typeof value === 'object' && (SEALED in value || V5_SEALED in value || V4_SEALED in value);

/** A table whose values hold a list of rows (a case's blocks): the rows' structured fields stay in the clear. */
export interface RowList {
  field: string;
  clear: ClearSpec;
}

const ROWS = '$rows';
const encoder = new TextEncoder();

/** The top-level fields a table's primary key and indexes read. */
function clearFieldsOf(schema: DBCoreTableSchema): string[] {
  const fields = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const path = index.keyPath;
    for (const p of path === null ? [] : Array.isArray(path) ? path : [path]) fields.add(p.split('.')[0] as string);
  }
  return [...fields];
}

/** Whether a request runs in the upgrade of the store's schema, the only time the forms older versions sealed are read. */
const upgrading = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

function tableSealing(table: string, keyFields: readonly string[], idLists: readonly string[], rowList: RowList | undefined, sealer: Sealer, acceptUnsealed: boolean) {
  const clearFields = [...keyFields, ...idLists];
  // The associated data: the table and the whole clear part, in the order its fields are stored (IndexedDB keeps it).
  const context = (clear: Record<string, unknown>) => clearBytes([table, clear]);
  // Versions 5 to 7 authenticated only the key fields.
  const keyContext = (clear: Record<string, unknown>) => encoder.encode(`${table}\n${JSON.stringify(keyFields.map((f) => clear[f] ?? null))}`);
  const damaged = () => new StoreDecryptError(`A stored value in ${table} cannot be decrypted with this store's key: it has been damaged, moved or changed outside Foresight.`);
  const unsealed = () => new StoreDecryptError(`A stored value in ${table} is not sealed with this store's key: it was written or changed outside Foresight.`);
  const older = () => new StoreDecryptError(`A stored value in ${table} is in a form an older version sealed, after the store was upgraded: it was put back or changed outside Foresight.`);
  return {
    seal(value: unknown): unknown {
      if (value === null || typeof value !== 'object') return value;
      const clear: Record<string, unknown> = {};
      const hidden: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (clearFields.includes(k)) clear[k] = v;
        else if (rowList && k === rowList.field && Array.isArray(v)) {
          const rows = splitRows(v as Record<string, unknown>[], rowList.clear);
          clear[k] = rows.clear;
          hidden[ROWS] = rows.sealed;
        } else hidden[k] = v;
      }
      return { ...clear, [SEALED]: sealer.seal(encodeHidden(hidden), context(clear)) };
    },
    open(value: unknown, trans: DBCoreTransaction): unknown {
      if (value === null || typeof value !== 'object') {
        if (value === undefined || acceptUnsealed) return value;
        throw unsealed();
      }
      const { [SEALED]: sealed, [V5_SEALED]: v5, [V4_SEALED]: v4, ...clear } = value as Record<string, unknown>;
      const form = sealed !== undefined ? 'current' : v5 !== undefined ? 'v5' : v4 !== undefined ? 'v4' : 'none';
      if (form === 'none') {
        if (acceptUnsealed) return value;
        throw unsealed();
      }
      // Only the fields kept in the clear may lie beside the sealed part: any other (even one set to undefined, which
      // the associated data cannot see) would override what was sealed.
      if (form === 'current') for (const k of Object.keys(clear)) if (!clearFields.includes(k) && k !== rowList?.field) throw damaged();
      if (form !== 'current' && !upgrading(trans)) throw older();
      let hidden: Record<string, unknown>;
      try {
        if (form === 'current') hidden = decodeHidden(sealer.open(sealed as Uint8Array, context(clear)));
        else if (form === 'v5') hidden = decodeHidden(sealer.open(v5 as Uint8Array, keyContext(clear)));
        else hidden = decodeLegacy(sealer.openLegacy(v4 as Uint8Array, keyContext(clear)));
      } catch {
        throw damaged();
      }
      const { [ROWS]: rows, ...rest } = hidden;
      if (rows && rowList) {
        try {
          const part = clear[rowList.field];
          clear[rowList.field] = form === 'current' ? joinRows(part as ClearColumns, rows as SealedRows, rowList.clear) : joinRowObjects(part as Record<string, unknown>[], rows as SealedRows);
        } catch {
          throw damaged();
        }
      }
      return { ...rest, ...clear };
    },
  };
}

function openedCursor(cursor: DBCoreCursor, open: (v: unknown, trans: DBCoreTransaction) => unknown, trans: DBCoreTransaction): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value, trans) },
  }) as DBCoreCursor;
}

export interface SealingLayout {
  /** Tables whose values hold a list of rows, by table. */
  rowLists?: Readonly<Record<string, RowList>>;
  /** Lists of ids kept in the clear besides keys and indexes, by table. */
  clearFields?: Readonly<Record<string, readonly string[]>>;
  /** Read values without a sealed part as they are: only while a store written before encryption is sealed. */
  acceptUnsealed?: boolean;
}

/** A Dexie middleware that seals values on the way in and opens them on the way out. */
export function sealingMiddleware(sealer: Sealer, { rowLists = {}, clearFields = {}, acceptUnsealed = false }: SealingLayout = {}): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealing',
    create(down) {
      return {
        ...down,
        table(name): DBCoreTable {
          const table = down.table(name);
          const { seal, open } = tableSealing(name, clearFieldsOf(table.schema), clearFields[name] ?? [], rowLists[name], sealer, acceptUnsealed);
          return {
            ...table,
            mutate: (req) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(seal) }) : table.mutate(req)),
            get: async (req) => open(await table.get(req), req.trans),
            getMany: async (req) => (await table.getMany(req)).map((v) => open(v, req.trans)),
            query: async (req) => {
              const res = await table.query(req);
              return req.values ? { ...res, result: res.result.map((v) => open(v, req.trans)) } : res;
            },
            openCursor: async (req) => {
              const cursor = await table.openCursor(req);
              return cursor && (req.values ? openedCursor(cursor, open, req.trans) : cursor);
            },
          };
        },
      };
    },
  };
}
