import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { managedNonce } from '@noble/ciphers/utils.js';
import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';

/**
 * Encryption at rest. Every stored value keeps in the clear only the fields its table's keys and indexes are built
 * from (case ids, block numbers, sequence numbers); everything else (names, free text, records, the audit trail) is
 * sealed with the store's data key under XChaCha20-Poly1305. The cipher is synchronous, so sealing happens inside
 * IndexedDB transactions without letting them close; random 192-bit nonces are safe for any number of writes. The
 * value's table and keys are authenticated with it, so a sealed value moved to another row fails to open.
 */
export const SEALED = '$sealed';

export interface Sealer {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
}

export function sealerFor(dataKey: Uint8Array): Sealer {
  if (dataKey.length !== 32) throw new Error('The store key must be 32 bytes.');
  const cipher = (context: Uint8Array) => managedNonce(xchacha20poly1305)(dataKey, context);
  return {
    seal: (plain, context) => cipher(context).encrypt(plain),
    open: (sealed, context) => cipher(context).decrypt(sealed),
  };
}

export class StoreDecryptError extends Error {}

// Bytes inside a value (compressed backups) survive the JSON form as base64.
const BYTES = '$bytes';
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const replacer = (_key: string, value: unknown) => (value instanceof Uint8Array ? { [BYTES]: toBase64(value) } : value);
const reviver = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[BYTES] === 'string' ? fromBase64((value as Record<string, string>)[BYTES] as string) : value;

/** The top-level fields a table's primary key and indexes read. */
function clearFieldsOf(schema: DBCoreTableSchema): string[] {
  const fields = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const path = index.keyPath;
    for (const p of path === null ? [] : Array.isArray(path) ? path : [path]) fields.add(p.split('.')[0] as string);
  }
  return [...fields];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function tableSealing(table: string, clearFields: readonly string[], sealer: Sealer) {
  const context = (clear: Record<string, unknown>) => encoder.encode(`${table}\n${JSON.stringify(clearFields.map((f) => clear[f] ?? null))}`);
  return {
    seal(value: unknown): unknown {
      if (value === null || typeof value !== 'object') return value;
      const clear: Record<string, unknown> = {};
      const hidden: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) (clearFields.includes(k) ? clear : hidden)[k] = v;
      return { ...clear, [SEALED]: sealer.seal(encoder.encode(JSON.stringify(hidden, replacer)), context(clear)) };
    },
    open(value: unknown): unknown {
      if (value === null || typeof value !== 'object' || !(SEALED in value)) return value;
      const { [SEALED]: sealed, ...clear } = value as Record<string, unknown>;
      let plain: Uint8Array;
      try {
        plain = sealer.open(sealed as Uint8Array, context(clear));
      } catch {
        throw new StoreDecryptError(`A stored value in ${table} cannot be decrypted with this store's key: it has been damaged or moved.`);
      }
      return { ...(JSON.parse(decoder.decode(plain), reviver) as object), ...clear };
    },
  };
}

function openedCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  }) as DBCoreCursor;
}

/** A Dexie middleware that seals values on the way in and opens them on the way out, for every table but `clear`. */
export function sealingMiddleware(sealer: Sealer): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealing',
    create(down) {
      return {
        ...down,
        table(name): DBCoreTable {
          const table = down.table(name);
          const { seal, open } = tableSealing(name, clearFieldsOf(table.schema), sealer);
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
