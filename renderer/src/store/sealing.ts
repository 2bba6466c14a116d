import { gcm } from '@noble/ciphers/aes.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { decodeHidden, decodeLegacy, encodeHidden, joinRows, splitRows, type ClearSpec, type SealedRows } from './sealedForm.js';

/**
 * Encryption at rest. Every stored value keeps in the clear only the fields its table's keys and indexes are built
 * from (case ids, block numbers, sequence numbers), the lists of row ids an import reads, and, in a case's blocks of
 * rows, the structured fields the engine reads (clearFields.ts); everything else (names, free text, the trail's
 * entries and the rows they recorded, row hashes and their sums, settings, backups) is sealed with the store's data key. The value's table and keys are
 * authenticated with it, so a sealed value moved to another row fails to open.
 *
 * The cipher is XChaCha20-Poly1305 (noble): synchronous, so an IndexedDB transaction never waits on anything but
 * IndexedDB and stays open, and about three times faster in JavaScript than AES-GCM, with nonces large enough to be
 * random. Its key is derived from the data key by HKDF. Values sealed by version 4 of the store (AES-256-GCM under the
 * data key itself) are still read; the upgrade to version 5 seals them afresh.
 */
const SEALED = '$sealedX';
const LEGACY_SEALED = '$sealed';
const NONCE = 24;
const LEGACY_NONCE = 12;

export interface Sealer {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
  /** Open a value sealed by version 4 of the store. */
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
export const isSealed = (value: unknown): boolean => value !== null && typeof value === 'object' && (SEALED in value || LEGACY_SEALED in value);

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

function tableSealing(table: string, keyFields: readonly string[], idLists: readonly string[], rowList: RowList | undefined, sealer: Sealer) {
  const clearFields = [...keyFields, ...idLists];
  // Only the key fields are authenticated with the sealed part: a block's id list runs to thousands of entries, read
  // by every import; a changed one makes the import misplace rows, which the trail check then finds.
  const context = (clear: Record<string, unknown>) => encoder.encode(`${table}\n${JSON.stringify(keyFields.map((f) => clear[f] ?? null))}`);
  const damaged = () => new StoreDecryptError(`A stored value in ${table} cannot be decrypted with this store's key: it has been damaged or moved.`);
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
    open(value: unknown): unknown {
      if (value === null || typeof value !== 'object') return value;
      const legacy = LEGACY_SEALED in value;
      if (!legacy && !(SEALED in value)) return value;
      const { [SEALED]: sealed, [LEGACY_SEALED]: legacySealed, ...clear } = value as Record<string, unknown>;
      let hidden: Record<string, unknown>;
      try {
        hidden = legacy ? decodeLegacy(sealer.openLegacy(legacySealed as Uint8Array, context(clear))) : decodeHidden(sealer.open(sealed as Uint8Array, context(clear)));
      } catch {
        throw damaged();
      }
      const { [ROWS]: rows, ...rest } = hidden;
      if (rows && rowList) {
        try {
          clear[rowList.field] = joinRows(clear[rowList.field] as Record<string, unknown>[], rows as SealedRows);
        } catch {
          throw damaged();
        }
      }
      return { ...rest, ...clear };
    },
  };
}

function openedCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  }) as DBCoreCursor;
}

export interface SealingLayout {
  /** Tables whose values hold a list of rows, by table. */
  rowLists?: Readonly<Record<string, RowList>>;
  /** Lists of ids kept in the clear besides keys and indexes, by table. */
  clearFields?: Readonly<Record<string, readonly string[]>>;
}

/** A Dexie middleware that seals values on the way in and opens them on the way out. */
export function sealingMiddleware(sealer: Sealer, { rowLists = {}, clearFields = {} }: SealingLayout = {}): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealing',
    create(down) {
      return {
        ...down,
        table(name): DBCoreTable {
          const table = down.table(name);
          const { seal, open } = tableSealing(name, clearFieldsOf(table.schema), clearFields[name] ?? [], rowLists[name], sealer);
          return {
            ...table,
            mutate: (req) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(seal) }) : table.mutate(req)),
            get: async (req) => open(await table.get(req)),
            getMany: async (req) => (await table.getMany(req)).map(open),
            query: async (req) => {
              // Keys pass through open() unchanged, so whether values or keys were asked for needs no check.
              const res = await table.query(req);
              return { ...res, result: res.result.map(open) };
            },
            openCursor: async (req) => {
              const cursor = await table.openCursor(req);
              return cursor && openedCursor(cursor, open);
            },
          };
        },
      };
    },
  };
}
