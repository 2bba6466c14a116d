import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { deflateSync, inflateSync } from 'fflate';

/**
 * Encryption at rest. Every stored value keeps in the clear only the fields its table's keys and indexes are built
 * from (case ids, block numbers, sequence numbers); everything else (names, free text, records, the audit trail) is
 * sealed with the store's data key under AES-256-GCM, with a random 96-bit nonce per value. The value's table and
 * keys are authenticated with it, so a sealed value moved to another row fails to open.
 *
 * The cipher is synchronous (noble), so an IndexedDB transaction never waits on anything but IndexedDB and stays
 * open. Large values are compressed before they are sealed: a case's blocks shrink several times over, and reading
 * and decrypting fewer bytes is what keeps opening an encrypted case close to opening a plain one.
 */
const SEALED = '$sealed';
const NONCE = 12;

export interface Sealer {
  seal(plain: Uint8Array, context: Uint8Array): Uint8Array;
  open(sealed: Uint8Array, context: Uint8Array): Uint8Array;
}

export function sealerFor(dataKey: Uint8Array): Sealer {
  if (dataKey.length !== 32) throw new Error('The store key must be 32 bytes.');
  const key = dataKey.slice();
  return {
    seal(plain, context) {
      const nonce = randomBytes(NONCE);
      const sealed = gcm(key, nonce, context).encrypt(plain);
      const out = new Uint8Array(NONCE + sealed.length);
      out.set(nonce);
      out.set(sealed, NONCE);
      return out;
    },
    open: (sealed, context) => gcm(key, sealed.subarray(0, NONCE), context).decrypt(sealed.subarray(NONCE)),
  };
}

export class StoreDecryptError extends Error {}

/**
 * The sealed bytes start with their form: JSON text; JSON text deflated; or JSON with bytes in its top-level fields
 * (compressed backups) kept as base64, read back with a reviver (which slows JSON several times over, so only such
 * values use one).
 */
const enum Form {
  Json = 0x4a,
  Deflated = 0x5a,
  WithBytes = 0x42,
}
const COMPRESS_FROM = 4096;
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function withForm(form: Form, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 1);
  out[0] = form;
  out.set(payload, 1);
  return out;
}

function serialise(hidden: Record<string, unknown>): Uint8Array {
  if (Object.values(hidden).some((v) => v instanceof Uint8Array)) return withForm(Form.WithBytes, encoder.encode(JSON.stringify(hidden, replacer)));
  const text = encoder.encode(JSON.stringify(hidden));
  return text.length >= COMPRESS_FROM ? withForm(Form.Deflated, deflateSync(text, { level: 1 })) : withForm(Form.Json, text);
}

function deserialise(plain: Uint8Array): object {
  const payload = plain.subarray(1);
  if (plain[0] === Form.WithBytes) return JSON.parse(decoder.decode(payload), reviver) as object;
  return JSON.parse(decoder.decode(plain[0] === Form.Deflated ? inflateSync(payload) : payload)) as object;
}

/** The top-level fields a table's primary key and indexes read. */
function clearFieldsOf(schema: DBCoreTableSchema): string[] {
  const fields = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const path = index.keyPath;
    for (const p of path === null ? [] : Array.isArray(path) ? path : [path]) fields.add(p.split('.')[0] as string);
  }
  return [...fields];
}

function tableSealing(table: string, clearFields: readonly string[], sealer: Sealer) {
  const context = (clear: Record<string, unknown>) => encoder.encode(`${table}\n${JSON.stringify(clearFields.map((f) => clear[f] ?? null))}`);
  return {
    seal(value: unknown): unknown {
      if (value === null || typeof value !== 'object') return value;
      const clear: Record<string, unknown> = {};
      const hidden: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) (clearFields.includes(k) ? clear : hidden)[k] = v;
      return { ...clear, [SEALED]: sealer.seal(serialise(hidden), context(clear)) };
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
      return { ...deserialise(plain), ...clear };
    },
  };
}

function openedCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  }) as DBCoreCursor;
}

/** A Dexie middleware that seals values on the way in and opens them on the way out. */
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
