import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { count } from '../domain/words.js';

/**
 * The audit trail: every change to a case, attributable and tamper-evident. Each entry carries the SHA-256 of the
 * entry before it and its own, over a canonical JSON form (keys sorted), so removing, reordering or editing any entry
 * breaks the chain at that entry; the content hashes of the rows an entry stored let a changed row be named too.
 */
export const AUDIT_KINDS = ['import', 'edit', 'note', 'export', 'bundleSent', 'bundleReceived', 'restore', 'upgrade'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  /** When, as an ISO instant. */
  at: z.string().min(1),
  /** Who: the name set in the app's settings (or given to the command line). */
  who: z.string(),
  kind: z.enum(AUDIT_KINDS),
  /** What, in plain words. */
  what: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** The rows this entry stored, by key (`records:contact:123`), with the SHA-256 of each row's content (ROW_REMOVED for a row it took out). */
  rows: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  /** The fingerprint of the key that signed the entry (signatures.ts): covered by the hash, so it cannot be swapped. */
  signer: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Ed25519, by the signer's key, over the 32 bytes of `hash`. Left out of the hash, which it signs. */
  signature: z.string().regex(/^[0-9a-f]{128}$/).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const GENESIS = '0'.repeat(64);

/** JSON with every object's keys sorted: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Keys sort by UTF-16 code units, as `<` compares them. Built by concatenation: an import hashes 100,000 rows.
    let out = '';
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value);
}

const encoder = new TextEncoder();
const scratch = new Uint8Array(1 << 16);

/**
 * Text as UTF-8, for a row in a buffer reused from call to call: allocating one per row costs more than hashing the
 * row. A long text (an import's trail entry) gets a buffer of its own, so the shared one stays small. encodeInto is
 * used either way: in Chromium it is several times faster than encode, which measures the text first.
 */
function utf8(text: string): Uint8Array {
  const into = text.length > scratch.length / 3 ? new Uint8Array(text.length * 3) : scratch;
  return into.subarray(0, encoder.encodeInto(text, into).written);
}

export const sha256Hex = (text: string) => bytesToHex(sha256(utf8(text)));

/** An entry's hash: SHA-256 over its canonical JSON, without `hash` and `signature` (the signature signs the hash). */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { signature: _, ...hashed } = entry;
  return sha256Hex(canonicalJson(hashed));
}

/** What a change says of itself; the trail adds its place in the chain, and its author's signature. */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prev' | 'hash' | 'signer' | 'signature'>;

/**
 * Who signs an entry: their key's fingerprint, and a way to sign a hash with it (signatures.ts `signerOf`). Passed in,
 * so the trail itself needs no signature code, and the window's first bundle carries none.
 */
export interface EntrySigner {
  fingerprint: string;
  sign: (hash: string) => string;
}

/** The entry that follows `last` (or starts a trail), signed when a signer is given. */
export function chainedEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, entry: NewAuditEntry, signer?: EntrySigner): AuditEntry {
  const unsigned = { ...entry, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? GENESIS, ...(signer ? { signer: signer.fingerprint } : {}) };
  const hash = entryHash(unsigned);
  return { ...unsigned, hash, ...(signer ? { signature: signer.sign(hash) } : {}) };
}

/** Append an entry to a trail, chained to the last one. */
export function appendEntry(trail: readonly AuditEntry[], entry: NewAuditEntry, signer?: EntrySigner): AuditEntry[] {
  return [...trail, chainedEntry(trail[trail.length - 1], entry, signer)];
}

/** The content hash of one row, as an entry's `rows` records it. */
export const rowDigest = (row: unknown) => sha256Hex(canonicalJson(row));

/**
 * What an entry records against a row it took out of the case (a contact moved from the records to other work is
 * taken out under its old key and stored under its new one). No row's content hashes to it, and as a number it is
 * zero, so the row sums (rowSum.ts) take the row's last hash away and add nothing.
 */
export const ROW_REMOVED = '0'.repeat(64);

/** The hash each row was last recorded with, for every row the trail says the case holds after its last entry. */
export function recordedRows(trail: readonly Pick<AuditEntry, 'rows'>[]): Map<string, string> {
  const expected = new Map<string, string>();
  for (const entry of trail) {
    for (const [key, digest] of Object.entries(entry.rows ?? {})) {
      if (digest === ROW_REMOVED) expected.delete(key);
      else expected.set(key, digest);
    }
  }
  return expected;
}

/** The kinds of change that may take rows out of a case: each rewrites the whole case (a correction, a restore, a case file received). */
const REMOVING_KINDS: ReadonlySet<AuditKind> = new Set(['edit', 'restore', 'bundleReceived']);

/**
 * An item of a review (an episode, a finding, a factor...; or the review itself, when its first change is undone) the
 * reviewer deletes: an edit may take it out on its own.
 * A practitioner's response never goes: a later version is added beside it (REVIEW.md §3). Likewise a part of a
 * case's walkthrough or a session (`training:…`) the trainer deletes.
 */
const removableSingly = (key: string) => key === 'review' || (key.startsWith('review:') && !key.startsWith('review:response:')) || key.startsWith('training:');

/**
 * The first entry that takes rows out of the case other than as a whole-case rewrite or a review item deleted. A row may be taken out
 * (ROW_REMOVED) only by an entry of a kind that rewrites the whole case and records every row the case held before
 * it, so taking a row out is never a line slipped into a small entry, and the entry says what the case is after it.
 */
function firstBadRemoval(trail: readonly Pick<AuditEntry, 'seq' | 'kind' | 'rows'>[]): TrailBreak | null {
  const held = new Set<string>();
  for (const entry of trail) {
    const rows = Object.entries(entry.rows ?? {});
    const removed = rows.filter(([, digest]) => digest === ROW_REMOVED);
    if (removed.length > 0) {
      const whole = [...held].every((key) => Object.hasOwn(entry.rows ?? {}, key));
      const reviewItems = entry.kind === 'edit' && removed.every(([key]) => removableSingly(key));
      if (!reviewItems && (!REMOVING_KINDS.has(entry.kind) || !whole)) return { ok: false, entry: entry.seq, reason: `entry ${entry.seq} takes rows out of the case without recording the whole case` };
      const stray = removed.find(([key]) => !held.has(key));
      if (stray) return { ok: false, entry: entry.seq, reason: `entry ${entry.seq} takes out ${stray[0]}, which the case did not hold` };
    }
    for (const [key, digest] of rows) {
      if (digest === ROW_REMOVED) held.delete(key);
      else held.add(key);
    }
  }
  return null;
}

export type TrailCheck =
  | { ok: true; entries: number; rows: number }
  | { ok: false; entry: number; reason: string }
  | { ok: false; row: string; reason: string };

/**
 * Check a trail: each entry's hash, the chain from the first, and that every row the case holds has the content the
 * trail last recorded for it. Reports the first entry, or else the first row, that does not match.
 */
export function verifyTrail(trail: readonly AuditEntry[], rows: ReadonlyMap<string, unknown>): TrailCheck {
  return verifyTrailDigests(trail, new Map(Object.entries(rowDigests(rows))));
}

/** verifyTrail over the rows' content hashes, by key, for a caller that needs them too. */
export function verifyTrailDigests(trail: readonly AuditEntry[], digests: ReadonlyMap<string, string>): TrailCheck {
  const broken = checkChain(trail) ?? firstBadRemoval(trail);
  if (broken) return broken;
  if (trail.length === 0) {
    // Every row is stored by an entry: rows with no trail at all have lost theirs.
    if (digests.size > 0) return { ok: false, entry: 0, reason: `the case holds ${count(digests.size, 'row')}, but its trail is empty: nothing shows who stored them (no audit trail)` };
    return { ok: true, entries: 0, rows: 0 };
  }
  return compareRows(trail.length, recordedRows(trail), digests);
}

type TrailBreak = Extract<TrailCheck, { ok: false }>;

/**
 * The first entry out of order, not chained to the one before it, or (with `rehash`) changed since it was written.
 * Without `rehash` each entry's own hash is taken as stored: for a store that authenticates every entry as it reads
 * it (the encrypted store), where hashing a 10 MB import entry again proves nothing more.
 */
export function checkChain(trail: readonly Omit<AuditEntry, 'rows'>[], { rehash = true } = {}): TrailBreak | null {
  let prev = GENESIS;
  for (const [i, entry] of trail.entries()) {
    if (entry.seq !== i + 1) return { ok: false, entry: entry.seq, reason: `entry ${i + 1} is missing or out of order (found entry ${entry.seq})` };
    if (entry.prev !== prev) return { ok: false, entry: entry.seq, reason: `entry ${entry.seq} is not chained to the entry before it` };
    const { hash, ...unsigned } = entry;
    if (rehash && entryHash(unsigned) !== hash) return { ok: false, entry: entry.seq, reason: `entry ${entry.seq} has been changed since it was written` };
    prev = hash;
  }
  return null;
}

/** Every row's content hash against the hash the trail last recorded for it, and no row recorded but missing. */
export function compareRows(entries: number, expected: ReadonlyMap<string, string>, digests: ReadonlyMap<string, string>): TrailCheck {
  for (const [key, digest] of digests) {
    const recorded = expected.get(key);
    if (recorded === undefined) return { ok: false, row: key, reason: `${key} is in the case but no entry of the trail stored it` };
    if (digest !== recorded) return { ok: false, row: key, reason: `${key} has been changed since the trail recorded it` };
  }
  for (const key of expected.keys()) if (!digests.has(key)) return { ok: false, row: key, reason: `${key} was stored by the trail but is missing from the case` };
  return { ok: true, entries, rows: digests.size };
}

/** The content hashes of rows, by key, for an entry's `rows`. */
export function rowDigests(rows: ReadonlyMap<string, unknown>): Record<string, string> {
  return Object.fromEntries([...rows].map(([key, row]) => [key, rowDigest(row)]));
}
