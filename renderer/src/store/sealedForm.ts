import { deflateSync, inflateSync } from 'fflate';

/**
 * The bytes a sealed value holds once opened. One frame: a flags byte, the length of its JSON as stored and as text,
 * the JSON (deflated when large; knowing its inflated length saves growing a buffer while inflating) and then any byte
 * fields raw, so bytes (row digests, compressed backups) cost nothing to carry.
 *
 * The JSON escapes every character outside ASCII: decoding ASCII is several times faster than decoding UTF-8 in
 * Chromium, and opening a case is mostly decoding its text.
 */
const DEFLATED = 1;
const HEADER = 9;
const COMPRESS_FROM = 4096;
const BYTES = '$bytes';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const NOT_ASCII = /[\u007f-\uffff]/g;
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const asciiJson = (value: unknown) => JSON.stringify(value).replace(NOT_ASCII, escaped);

/** ASCII text as bytes: several times faster than TextEncoder in Chromium, which measures the text first. */
function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function encodeHidden(hidden: Record<string, unknown>): Uint8Array {
  const json: Record<string, unknown> = {};
  const bytes: [string, Uint8Array][] = [];
  for (const [k, v] of Object.entries(hidden)) {
    if (v instanceof Uint8Array) bytes.push([k, v]);
    else json[k] = v;
  }
  if (bytes.length > 0) json[BYTES] = bytes.map(([k, v]) => [k, v.length]);
  const plain = asciiBytes(asciiJson(json));
  const flags = plain.length >= COMPRESS_FROM ? DEFLATED : 0;
  const text = flags & DEFLATED ? deflateSync(plain, { level: 1 }) : plain;
  const out = new Uint8Array(HEADER + text.length + bytes.reduce((n, [, v]) => n + v.length, 0));
  out[0] = flags;
  const header = new DataView(out.buffer);
  header.setUint32(1, text.length, true);
  header.setUint32(5, plain.length, true);
  out.set(text, HEADER);
  let at = HEADER + text.length;
  for (const [, v] of bytes) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

export function decodeHidden(plain: Uint8Array): Record<string, unknown> {
  const header = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const length = header.getUint32(1, true);
  const text = plain.subarray(HEADER, HEADER + length);
  const json = JSON.parse(decoder.decode(plain[0]! & DEFLATED ? inflateSync(text, { out: new Uint8Array(header.getUint32(5, true)) }) : text)) as Record<string, unknown>;
  const bytes = json[BYTES] as [string, number][] | undefined;
  if (bytes) {
    delete json[BYTES];
    let at = HEADER + length;
    for (const [k, n] of bytes) {
      json[k] = plain.slice(at, at + n);
      at += n;
    }
  }
  return json;
}

/** What version 4 stores sealed (AES-256-GCM): JSON; JSON deflated; or JSON with byte fields as base64. */
const enum LegacyForm {
  Json = 0x4a,
  Deflated = 0x5a,
  WithBytes = 0x42,
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const legacyBytes = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[BYTES] === 'string' ? fromBase64((value as Record<string, string>)[BYTES] as string) : value;

export function decodeLegacy(plain: Uint8Array): Record<string, unknown> {
  const payload = plain.subarray(1);
  if (plain[0] === LegacyForm.WithBytes) return JSON.parse(decoder.decode(payload), legacyBytes) as Record<string, unknown>;
  return JSON.parse(decoder.decode(plain[0] === LegacyForm.Deflated ? inflateSync(payload) : payload)) as Record<string, unknown>;
}

type Row = Record<string, unknown>;
export type ClearSpec = Readonly<Record<string, true | readonly string[]>>;

/**
 * A list of rows split into what stays in the clear and what is sealed. The sealed part names each field once and
 * gives each row as [field number, value, …] pairs, so a row's absent fields stay absent.
 */
export interface SealedRows {
  fields: string[];
  rows: unknown[][];
}

/**
 * The clear part of a list of rows, a column per clear field (`occurred`, or `provenance.sha256` for a field of a
 * nested object), each holding every row's value or nothing. IndexedDB clones a few long arrays much faster than
 * thousands of small objects, and the columns, bound to the sealed part as its associated data, are quicker to write
 * out as bytes than rows are. A column never holds null, so a null in its JSON is an absent value.
 */
export interface ClearColumns {
  rows: number;
  columns: Record<string, Column>;
}

/**
 * A column: every row's value, or, for a column with few distinct values (codes, kinds, a file's hash), the distinct
 * values and a text with one character per row naming its value (from U+0100, which JSON writes as it is).
 */
export type Column = unknown[] | { values: unknown[]; at: string };

const FIRST_CODE = 0x100;
const MAX_CODES = 0xd800 - FIRST_CODE;

/** A column as its distinct values and a character per row, when that is much shorter. */
function compact(column: unknown[]): Column {
  const codes = new Map<unknown, number>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== null && typeof v === 'object') return column;
    if (!codes.has(v)) {
      codes.set(v, codes.size);
      if (codes.size > Math.max(16, column.length >> 3) || codes.size > MAX_CODES) return column;
    }
  }
  let at = '';
  for (let i = 0; i < column.length; i++) at += String.fromCharCode(FIRST_CODE + (codes.get(column[i]) as number));
  // An absent value is kept as null in the list (JSON has no undefined); a column never holds null otherwise.
  return { values: [...codes.keys()].map((v) => (v === undefined ? null : v)), at };
}

/** The value a column gives a row (undefined or null: none). */
const reader = (column: Column): ((i: number) => unknown) =>
  Array.isArray(column) ? (i) => column[i] : (i) => column.values[column.at.charCodeAt(i) - FIRST_CODE];

const columnLength = (column: Column) => (Array.isArray(column) ? column.length : column.at.length);

const isPlainObject = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

export function splitRows(rows: readonly Row[], spec: ClearSpec): { clear: ClearColumns; sealed: SealedRows } {
  const fields: string[] = [];
  const numberOf = new Map<string, number>();
  const number = (field: string) => {
    let n = numberOf.get(field);
    if (n === undefined) {
      n = fields.push(field) - 1;
      numberOf.set(field, n);
    }
    return n;
  };
  const columns: Record<string, Column> = {};
  const put = (column: string, i: number, v: unknown) => (((columns[column] ??= new Array<unknown>(rows.length)) as unknown[])[i] = v);
  const sealed: unknown[][] = [];
  rows.forEach((row, i) => {
    const hidden: unknown[] = [];
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined) continue;
      const rule = spec[k];
      // A value whose JSON would not stand for it exactly (-0, say) is sealed instead: the clear part holds none.
      if (rule === true && v !== null && exactInJson(v)) put(k, i, v);
      else if (rule && rule !== true && isPlainObject(v)) {
        const rest: Row = {};
        let inClear = 0;
        for (const [ik, iv] of Object.entries(v)) {
          if (iv !== null && iv !== undefined && rule.includes(ik) && exactInJson(iv)) {
            put(`${k}.${ik}`, i, iv);
            inClear++;
          } else rest[ik] = iv;
        }
        // An object none of whose fields is in the clear is sealed whole, even when empty, so it comes back as it was.
        if (Object.keys(rest).length > 0 || inClear === 0) hidden.push(number(k), rest);
      } else hidden.push(number(k), v);
    }
    sealed.push(hidden);
  });
  for (const name of Object.keys(columns)) columns[name] = compact(columns[name] as unknown[]);
  return { clear: { rows: rows.length, columns }, sealed: { fields, rows: sealed } };
}

/** Put the sealed fields back into rows built from the clear part (the rows are changed in place). */
function withSealed(rows: Row[], sealed: SealedRows): Row[] {
  if (rows.length !== sealed.rows.length) throw new Error('The sealed and clear parts of a block do not match.');
  const { fields } = sealed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const hidden = sealed.rows[i]!;
    for (let j = 0; j < hidden.length; j += 2) {
      const field = fields[hidden[j] as number]!;
      const value = hidden[j + 1];
      const open = row[field];
      if (isPlainObject(open) && isPlainObject(value)) Object.assign(open, value);
      else row[field] = value;
    }
  }
  return rows;
}

/**
 * Whether a value in the clear is one its JSON (the associated data) stands for exactly: a string, a finite number
 * other than -0, a boolean, or a plain object or array of such. Anything else (NaN, a Boolean or String object, a
 * Date, a property set to undefined) would write the same JSON as a different value, so it is refused.
 */
function exactInJson(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object':
      if (v === null) return true;
      if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every((item) => item !== undefined && exactInJson(item));
      return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every((item) => item !== undefined && exactInJson(item));
    default:
      return false;
  }
}

/** The names of the columns a spec keeps in the clear: `occurred.value` for a field of a nested object. */
const columnNames = (spec: ClearSpec) => new Set(Object.entries(spec).flatMap(([k, rule]) => (rule === true ? [k] : rule.map((inner) => `${k}.${inner}`))));
const namesOf = new WeakMap<ClearSpec, Set<string>>();

/**
 * The rows whole again, from their clear columns and their sealed fields. A column the spec does not keep in the
 * clear, or a value its JSON does not stand for exactly, is refused: the associated data would not tell it apart.
 */
export function joinRows({ rows: n, columns }: ClearColumns, sealed: SealedRows, spec: ClearSpec): Row[] {
  let names = namesOf.get(spec);
  if (!names) namesOf.set(spec, (names = columnNames(spec)));
  const rows: Row[] = Array.from({ length: n }, () => ({}));
  for (const [name, column] of Object.entries(columns)) {
    if (!names.has(name)) throw new Error(`A block has a column, ${name}, that is not kept in the clear.`);
    if (columnLength(column) !== n) throw new Error('A column of a block does not have a value for each row.');
    const listed = Array.isArray(column) ? column : column.values;
    for (let i = 0; i < listed.length; i++) {
      const v = listed[i];
      if (v !== undefined && !exactInJson(v)) throw new Error(`A value in the column ${name} of a block is not one its JSON stands for exactly.`);
    }
    const value = reader(column);
    const dot = name.indexOf('.');
    if (dot < 0) {
      for (let i = 0; i < n; i++) {
        const v = value(i);
        if (v !== undefined && v !== null) rows[i]![name] = v;
      }
      continue;
    }
    const field = name.slice(0, dot);
    const inner = name.slice(dot + 1);
    for (let i = 0; i < n; i++) {
      const v = value(i);
      if (v === undefined || v === null) continue;
      const row = rows[i]!;
      ((row[field] as Row | undefined) ?? (row[field] = {}) as Row)[inner] = v;
    }
  }
  return withSealed(rows, sealed);
}

/** Rows as versions 5 to 7 kept them (clear rows as objects), whole again: read only while the store upgrades. */
export const joinRowObjects = (clear: Row[], sealed: SealedRows): Row[] => withSealed(clear, sealed);

let adBuffer = new Uint8Array(1 << 16);

/**
 * The bytes that bind a value's clear part to its sealed part (the cipher's associated data): its JSON, as UTF-8, in
 * the order its fields are stored (IndexedDB keeps it). Written into one buffer kept for the purpose, since a block's
 * clear columns run to megabytes: the bytes are valid only until the next call, and the cipher reads them at once.
 */
export function clearBytes(value: unknown): Uint8Array {
  const json = JSON.stringify(value);
  if (adBuffer.length < json.length * 3) adBuffer = new Uint8Array(json.length * 3);
  const { written } = encoder.encodeInto(json, adBuffer);
  return adBuffer.subarray(0, written);
}
