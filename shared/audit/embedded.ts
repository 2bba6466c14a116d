import { AuditEntry, entryHash, type TrailCheck } from './trail.js';

/**
 * A practitioner's entries carried inside a reviewer's entry. When a reply is merged into a case the reviewer changed
 * after sending it, the practitioner's entries cannot chain on to the reviewer's trail: the reviewer's merge entry
 * (`after.replyMerged.entries`) holds them whole, each with its author, hash, signer and signature, and records the
 * responses they added as its own rows. These are checked like any other entry (verifyBundle, the store's full check).
 */

/** The keys of the rows a practitioner's reply may add: responses, and nothing else (REVIEW.md §3). */
export const RESPONSE_PREFIX = 'review:response:';

/** What a merge entry's `after` says: who the reply came from, and its entries (by hash when chained on, whole when held). */
export interface ReplyMerged {
  from: string;
  entries: (string | AuditEntry)[];
  /** The copy's wording of each finding the reviewer changed before the reply was merged, by finding id. */
  earlierWordings?: Record<string, unknown>;
}

/** The `replyMerged` an entry's `after` carries, or null. */
export function replyMergedOf(entry: { after?: unknown }): ReplyMerged | null {
  const merged = (entry.after as { replyMerged?: unknown } | null | undefined)?.replyMerged as ReplyMerged | undefined;
  return merged && typeof merged === 'object' && Array.isArray(merged.entries) ? merged : null;
}

/** The practitioner's entries an entry holds whole (none, for an entry that merged none that way). */
export function heldEntries(entry: { after?: unknown }): unknown[] {
  return (replyMergedOf(entry)?.entries ?? []).filter((e) => typeof e !== 'string');
}

/** The hash of every reply entry a trail has merged, chained on or held whole: a reply merged twice adds nothing. */
export function mergedHashes(trail: readonly { hash: string; after?: unknown }[]): Set<string> {
  const hashes = new Set<string>();
  for (const entry of trail) {
    hashes.add(entry.hash);
    for (const e of replyMergedOf(entry)?.entries ?? []) hashes.add(typeof e === 'string' ? e : e.hash);
  }
  return hashes;
}

type TrailBreak = Extract<TrailCheck, { ok: false; entry: number }>;

/**
 * The first entry holding a practitioner's entry that is not as it was written (its hash does not match it), or that
 * records a row the entries it holds did not add as a response with that content. Signatures are checked where
 * Ed25519 is loaded (verifyBundle).
 */
export function heldEntryBreak(trail: readonly Pick<AuditEntry, 'seq' | 'after' | 'rows'>[]): TrailBreak | null {
  for (const outer of trail) {
    const held = heldEntries(outer);
    if (held.length === 0) continue;
    const added = new Map<string, string>();
    for (const raw of held) {
      const read = AuditEntry.safeParse(raw);
      if (!read.success) return { ok: false, entry: outer.seq, reason: `entry ${outer.seq} holds a practitioner’s entry that is not a trail entry` };
      const { hash, ...unhashed } = read.data;
      if (entryHash(unhashed) !== hash) return { ok: false, entry: outer.seq, reason: `entry ${outer.seq} holds a practitioner’s entry (entry ${read.data.seq} of their copy) that has been changed since it was written` };
      for (const [key, digest] of Object.entries(read.data.rows ?? {})) if (key.startsWith(RESPONSE_PREFIX)) added.set(key, digest);
    }
    for (const [key, digest] of Object.entries(outer.rows ?? {})) {
      if (added.get(key) !== digest) return { ok: false, entry: outer.seq, reason: `entry ${outer.seq} records ${key}, which the practitioner’s entries it holds did not add` };
    }
  }
  return null;
}

