import { hexToBytes } from '@noble/hashes/utils.js';
import { ROW_REMOVED, type AuditEntry } from '../../../shared/audit/trail.js';
import type { CaseBundle } from '../../../shared/schemas/bundle.js';
import { addHash } from '../../../shared/audit/rowSum.js';
import { REVIEW_ROW } from '../../../shared/review/reviewRows.js';
import {
  mergeEntry,
  mergeSummary,
  nextResponse,
  planReplyMerge,
  responseWordings,
  sharedStart,
  type MergeSummary,
  type ReplyPlan,
  type ReplyRefusal,
  type ResponseInput,
  type ResponseWording,
} from '../../../shared/review/reply.js';
import { responseCopy } from './copyForResponse.js';
import { appendAudit, lastEntry, readEntries, toStored, trailTables } from './audit.js';
import { digestsAt } from './blocks.js';
import { currentAuthor } from './identity.js';
import { editReview, reviewAsWritten, reviewItemsOf } from './review.js';
import { advanceHead } from './storeHead.js';
import type { ForesightDb, StoredEntry } from './types.js';

/**
 * The practitioner's reply in the store (REVIEW.md §3): responses added to a copy for response, and a reply merged
 * into the reviewer's case by the rule in shared/review/reply.ts, without storing the case again.
 */

/**
 * Add a response: the next version for that finding, as one signed `edit` entry. In a copy for response it is by the
 * practitioner the reviewer named (their staff code); otherwise by the user's name.
 */
export async function addResponse(db: ForesightDb, caseId: string, input: ResponseInput, now = new Date()): Promise<AuditEntry> {
  const [copy, review, author] = await Promise.all([responseCopy(db, caseId), reviewAsWritten(db, caseId), currentAuthor(db)]);
  const added = nextResponse(review, input, copy?.practitioner.staffCode ?? author.who, now.toISOString());
  if (!added.ok) throw new Error(`The response cannot be added: ${added.message}.`);
  const entry = await editReview(db, caseId, added.edit, now);
  if (!entry) throw new Error('The response cannot be added: it was stored already.');
  return entry;
}

/**
 * For each response of the case's review, by its trail key (`review:response:N1:1`): whether it answers an earlier
 * wording of its finding, and that wording. Reads only the review's part of the trail.
 */
export async function readResponseWordings(db: ForesightDb, caseId: string): Promise<Record<string, ResponseWording>> {
  const [entries, parts, review] = await Promise.all([
    readEntries(db, caseId),
    db.auditRows.where('[caseId+table+seq]').between([caseId, REVIEW_ROW, -Infinity], [caseId, REVIEW_ROW, Infinity], true, true).toArray(),
    reviewAsWritten(db, caseId),
  ]);
  if (!review) return {};
  const rowsOf = new Map(parts.map((p) => [p.seq, p]));
  const trail = entries.map((e) => {
    const part = rowsOf.get(e.seq);
    if (!part) return e;
    const digests = digestsAt(part.digests, part.keys.length);
    return { ...e, rows: Object.fromEntries(part.keys.map((k, i) => [k, digests[i] as string])) };
  });
  return responseWordings(trail, review);
}

/**
 * The hash each row was last recorded with after a case's first `upTo` entries, from the rows those entries stored
 * (the store's own, authenticated as it reads them). A Dexie promise, not an async function's: awaited in a
 * transaction, an async function's own promise loses the transaction after it.
 */
function recordedUpTo(db: ForesightDb, caseId: string, entries: readonly StoredEntry[], upTo: number): PromiseLike<Map<string, string>> {
  const wanted = entries.slice(0, upTo).flatMap((e) => (e.recorded?.tables ?? []).map((table): [string, string, number] => [caseId, table, e.seq]));
  return db.auditRows.bulkGet(wanted).then((parts) => {
    // Newest entry first: a key takes the hash it was last recorded with, and an older entry whose keys were all
    // recorded again since (an import, before the case was stored again whole) is never turned into hex.
    const rows = new Map<string, string>();
    const gone = new Set<string>();
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i];
      if (!part) throw new Error(`The rows entry ${wanted[i]?.[2]} of this case's trail recorded in ${wanted[i]?.[1]} are missing from the store.`);
      let digests: string[] | undefined;
      for (let j = 0; j < part.keys.length; j++) {
        const key = part.keys[j] as string;
        if (rows.has(key) || gone.has(key)) continue;
        digests ??= digestsAt(part.digests, part.keys.length);
        const digest = digests[j] as string;
        if (digest === ROW_REMOVED) gone.add(key);
        else rows.set(key, digest);
      }
    }
    return rows;
  });
}

/** What merging a reply would do (or why it is refused), worked out from the stored case without changing it. */
export async function planMerge(db: ForesightDb, caseId: string, reply: CaseBundle): Promise<{ ok: true; plan: ReplyPlan | null } | ReplyRefusal> {
  const [trail, review, signers] = await Promise.all([readEntries(db, caseId), reviewAsWritten(db, caseId), db.signers.where('caseId').equals(caseId).toArray()]);
  if (trail.length === 0) return { ok: false, reason: 'that case is not on this computer' };
  const upTo = sharedStart(trail, reply.audit);
  const recorded = { upTo, rows: await recordedUpTo(db, caseId, trail, upTo) };
  return planReplyMerge({ caseId, trail, recorded, review, signers: signers.map(({ name, publicKey }) => ({ name, publicKey })) }, reply);
}

/**
 * Merge a reply into a stored case, in one transaction: the new responses stored as review rows, the
 * practitioner's entries chained on (or held in the merge entry), their keys, and the reviewer's merge entry. Only the
 * rows the reply adds are written: the practitioner's receipt re-records the case with the hashes it had, so each
 * entry's row sum is the one before it plus the responses it added. Nothing is written when the reply is refused or
 * holds nothing new.
 */
export async function mergeReplyInto(db: ForesightDb, caseId: string, reply: CaseBundle, now = new Date()): Promise<{ ok: true; summary: MergeSummary } | ReplyRefusal> {
  const author = await currentAuthor(db);
  return db.transaction('rw', [db.reviewItems, ...trailTables(db)], async () => {
    const planned = await planMerge(db, caseId, reply);
    if (!planned.ok || !planned.plan) return planned.ok ? { ok: true as const, summary: mergeSummary(null) } : planned;
    const { plan } = planned;
    let position = Math.max(0, ...(await reviewItemsOf(db, caseId)).map((r) => r.position)) + 1;
    await db.reviewItems.bulkPut(plan.responses.map((r) => ({ caseId, key: r.key, position: position++, value: r.response })));
    await db.signers.bulkPut(plan.signers.map((s) => ({ ...s, caseId })));
    if (plan.verbatim.length > 0) {
      const last = await lastEntry(db, caseId);
      if (!last) throw new Error('That case no longer exists.');
      let rowSum = last.rowSum;
      const stored = plan.verbatim.map((entry) => {
        rowSum = rowSum.slice();
        for (const r of plan.responses) if (r.entry === entry.hash) addHash(rowSum, hexToBytes(r.digest));
        return toStored(entry, caseId, rowSum);
      });
      await db.audit.bulkAdd(stored.map((s) => s.entry));
      await db.auditRows.bulkAdd(stored.flatMap((s) => s.rows));
      await advanceHead(db, caseId, (plan.verbatim[plan.verbatim.length - 1] as AuditEntry).hash);
    }
    await appendAudit(db, caseId, mergeEntry(plan, now), author);
    return { ok: true as const, summary: mergeSummary(plan) };
  });
}
