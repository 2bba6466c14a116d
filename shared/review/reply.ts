import { heldEntryBreak, mergedHashes, replyMergedOf, RESPONSE_PREFIX, type ReplyMerged } from '../audit/embedded.js';
import { requestOf, responseCopyOf } from './responseCopy.js';

// The copy's own rules are in responseCopy.ts (light, read as every case opens); the merge's callers find them here too.
export { copiesSent, isReply, Practitioner, REPLY_SENT, respondingTo, responseCopyOf, ResponseRequest, sentForResponse, sentForResponseEntry } from './responseCopy.js';
export type { ResponseCopy, SentCopy } from './responseCopy.js';
import { fingerprintOf, type Signer, type Signing } from '../audit/signatures.js';
import { appendEntry, checkChain, entryHash, recordedRows, ROW_REMOVED, rowDigest, type AuditEntry, type NewAuditEntry } from '../audit/trail.js';
import { signatureReport } from '../bundle/verifyBundle.js';
import { count } from '../domain/words.js';
import type { CaseBundle } from '../schemas/bundle.js';
import type { Finding, ReviewInput, ReviewResponse, ResponseStatus } from '../schemas/review.js';
import { formatInstant } from '../time/display.js';
import { putItem, type ReviewEdit } from './edits.js';
import { reviewItemKey } from './reviewRows.js';

/**
 * The practitioner's reply (REVIEW.md §3): a copy of the case sent for response, the responses added to it, and the
 * rule for merging the copy back into the reviewer's case. The command line and the store both use these.
 */

/** What the practitioner writes in a response. */
export interface ResponseInput {
  finding: string;
  status: ResponseStatus;
  text: string;
  evidence: readonly string[];
}

/**
 * The next version of the response to a finding (one more than its highest; a later version never erases an earlier
 * one) and the change that adds it. Refused naming the finding or record it cannot find; `records` (the case's
 * record ids, and `offence`) checks the evidence when given.
 */
export function nextResponse(
  review: ReviewInput | null,
  input: ResponseInput,
  by: string,
  at: string,
  records?: ReadonlySet<string>,
): { ok: true; response: ReviewResponse; edit: ReviewEdit } | { ok: false; message: string } {
  if (!review?.findings?.some((f) => f.id === input.finding)) return { ok: false, message: `there is no finding ${input.finding} in this case's review` };
  const unknown = records && input.evidence.find((ref) => !records.has(ref));
  if (unknown) return { ok: false, message: `there is no record ${unknown} in this case` };
  const version = Math.max(0, ...(review.responses ?? []).filter((r) => r.finding === input.finding).map((r) => r.version)) + 1;
  const response: ReviewResponse = { finding: input.finding, by, status: input.status, text: input.text, evidence: [...input.evidence], version, at };
  return { ok: true, response, edit: putItem('responses', response, true) };
}

/** A bundle with a response added, as the command line writes it: the response, and one signed `edit` entry recording it. */
export function withResponse(bundle: CaseBundle, added: { response: ReviewResponse; edit: ReviewEdit }, who: string, at: Date, signing?: Signing): CaseBundle {
  const key = reviewItemKey('responses', added.response);
  const review = bundle.review as ReviewInput;
  const audit = appendEntry(
    bundle.audit,
    { at: at.toISOString(), who, kind: 'edit', what: added.edit.what, before: { [key]: null }, after: { [key]: added.response }, rows: { [key]: rowDigest(added.response) } },
    signing?.entry,
  );
  return withSigners({ ...bundle, review: { ...review, responses: [...(review.responses ?? []), added.response] }, audit }, signing ? [signing.as] : []);
}

function withSigners(bundle: CaseBundle, signers: readonly Signer[]): CaseBundle {
  const held = bundle.signers ?? [];
  const more = signers.filter((s) => !held.some((h) => h.publicKey === s.publicKey));
  return more.length === 0 ? bundle : { ...bundle, signers: [...held, ...more] };
}

// ---------------------------------------------------------------------------------------------------------------
// Merging a reply.

/** Why a reply is refused, naming the first entry at fault when there is one (nothing is stored). */
export interface ReplyRefusal {
  ok: false;
  entry?: number;
  reason: string;
}

/** How many entries, from the first, a reply's trail shares with this case's (the same hashes). */
export function sharedStart(trail: readonly Pick<AuditEntry, 'hash'>[], theirs: readonly Pick<AuditEntry, 'hash'>[]): number {
  let k = 0;
  while (k < theirs.length && k < trail.length && theirs[k]?.hash === trail[k]?.hash) k++;
  return k;
}

/**
 * The reply's own trail, as far as a merge relies on it: every link, and each entry after the `shared` start hashed
 * again over its content, its signature checked, and any practitioner's entries it holds checked too. The shared
 * start's entries are not hashed again: a merge reads nothing of them from the reply (it reads this case's own, which
 * carry the same hashes). The refusal names the first entry that fails.
 */
export function checkReplyTrail(reply: CaseBundle, shared: number): ReplyRefusal | null {
  const after = reply.audit.slice(shared);
  const changed = after.find(({ hash, ...unhashed }) => entryHash(unhashed) !== hash);
  const signed = signatureReport(after, reply.signers ?? []).failure;
  const breaks: { entry?: number; reason?: string }[] = [
    checkChain(reply.audit, { rehash: false }) ?? {},
    changed ? { entry: changed.seq, reason: `entry ${changed.seq} has been changed since it was written` } : {},
    heldEntryBreak(after) ?? {},
    signed ?? {},
  ];
  // The first entry that fails; of two failures at one entry, its hash or link is named before its signature.
  let first: { entry: number; reason: string } | null = null;
  for (const { entry, reason = '' } of breaks) if (entry !== undefined && (!first || entry < first.entry)) first = { entry, reason };
  return first && { ok: false, entry: first.entry, reason: `the reply's audit trail is not intact (${first.reason})` };
}

/**
 * What a merge needs of the reviewer's case: its id, its trail's entries (rows not needed), its review and signers,
 * and the hash each row was last recorded with after the trail's first `recorded.upTo` entries, which must be the
 * start it shares with the reply (sharedStart): the rows the merge checks the reply's later entries against come from
 * the case's own entries, never from the reply's copies of them.
 */
export interface CaseSide {
  caseId: string;
  trail: readonly Pick<AuditEntry, 'seq' | 'hash' | 'kind' | 'after' | 'who' | 'at'>[];
  recorded: { upTo: number; rows: ReadonlyMap<string, string> };
  review: ReviewInput | null;
  signers: readonly Signer[];
}

/** A response as written in a review (its trail hashed it so). */
type ResponseAsWritten = NonNullable<ReviewInput['responses']>[number];

/** A response the reply adds, under its trail key, and the hash of the practitioner's entry that added it. */
export interface IncomingResponse {
  key: string;
  response: ResponseAsWritten;
  digest: string;
  entry: string;
  /** The finding has been reworded in the reviewer's case since the copy was made: the response answers the copy's wording. */
  earlierWording: boolean;
}

/** A merge worked out, to be applied to a bundle (applyReplyPlan) or a store (store/reply.ts). */
export interface ReplyPlan {
  /** The practitioner's name, as the request named them (else the author of their first new entry). */
  from: string;
  /** The reply's new entries, to chain on as they are: the reviewer's trail ends where the copy was made. */
  verbatim: AuditEntry[];
  /** The reply's new entries, to be held whole in the merge entry: the reviewer has changed the case since. */
  held: AuditEntry[];
  responses: IncomingResponse[];
  /** The copy's wording of each finding reworded since, by id: the merge entry keeps it. */
  earlierWordings: Record<string, Finding>;
  /** The keys that signed the reply's new entries, of those the case does not carry yet. */
  signers: Signer[];
}

/** What a merge adds, for the command line's `--json` and the screens. */
export interface MergeSummary {
  /** Entries added to the case's trail (the practitioner's chained on, and the merge entry). */
  entries: number;
  responses: { finding: string; version: number; by: string; status: ResponseStatus; earlierWording: boolean }[];
}

const described = (e: AuditEntry) => `entry ${e.seq} (by ${e.who}, ${formatInstant(e.at)}: "${e.what}")`;

/**
 * Work out how a reply merges into the reviewer's case (REVIEW.md §3), or why it cannot: the reply must be of this
 * case, start with entries identical to the case's own up to the copy point, its later entries must be intact and
 * signed (checkReplyTrail) and only add responses (a row re-recorded with the hash it already had, as the
 * practitioner's receipt re-records the whole case, is no change), and each response it adds must be as its entry
 * recorded it. Nothing else of the reply's rows is read: the merge stores none of them. The plan is null when
 * everything in the reply is merged already.
 */
export function planReplyMerge(here: CaseSide, reply: CaseBundle): { ok: true; plan: ReplyPlan | null } | ReplyRefusal {
  if (reply.case.id !== here.caseId) return { ok: false, reason: `the reply is a copy of another case (${reply.case.title}, CRN ${reply.case.crn})` };
  const theirs = reply.audit;
  const k = sharedStart(here.trail, theirs);
  if (k === 0) return { ok: false, ...(theirs[0] ? { entry: 1 } : {}), reason: 'the reply is not a copy of this case: its trail does not start with this case’s' };
  if (here.recorded.upTo !== k) throw new Error(`The rows recorded after entry ${here.recorded.upTo} were given for a reply that shares ${k} entries with this case.`);
  const broken = checkReplyTrail(reply, k);
  if (broken) return broken;
  // From here on the reply's trail is read as this case's own entries up to k, then the reply's, checked above.
  const trail = [...here.trail.slice(0, k), ...theirs.slice(k)];
  // A copy sent for response must hold this case's trail unchanged up to the entry that sent it.
  const copy = responseCopyOf(trail);
  const copyPoint = copy ? trail.findIndex((e) => e.hash === copy.sentEntry) + 1 : 0;
  if (copyPoint > k) return { ok: false, entry: k + 1, reason: `entry ${k + 1} of the reply differs from entry ${k + 1} of this case: the copy was changed before it was sent for response` };

  // The responses the reply's later entries add, over the rows recorded at the shared start (100,000 of them: not copied).
  const copied = here.recorded.rows;
  const added = new Map<string, string>();
  const addedBy = new Map<string, AuditEntry>();
  for (const e of theirs.slice(k)) {
    // Only the reviewer's trail sends copies and merges replies: in a reply, such a mark would pass off entries as
    // merged already, or make the case a copy for response again.
    if (replyMergedOf(e) || requestOf(e)) return { ok: false, entry: e.seq, reason: `${described(e)} says it ${replyMergedOf(e) ? 'merged a reply' : 'sent a copy for response'}, which only the reviewer's case may` };
    for (const [key, digest] of Object.entries(e.rows ?? {})) {
      const had = added.get(key) ?? copied.get(key);
      if (had === digest) continue;
      const refuse = (what: string): ReplyRefusal => ({ ok: false, entry: e.seq, reason: `${described(e)} ${what}` });
      if (digest === ROW_REMOVED) return refuse(`takes out ${key}, not a response`);
      if (!key.startsWith(RESPONSE_PREFIX)) return refuse(had === undefined ? `adds ${key}, not a response` : `changes ${key}, not a response`);
      if (had !== undefined) return refuse(`changes ${key}, an earlier response: a response is never changed, a later version is added`);
      added.set(key, digest);
      addedBy.set(key, e);
    }
  }

  const known = mergedHashes(here.trail);
  const fresh = theirs.slice(k).filter((e) => !known.has(e.hash));
  if (fresh.length === 0) return { ok: true, plan: null };
  const chainsOn = here.trail.length === k && fresh.length === theirs.length - k;

  const findingsHere = new Map((here.review?.findings ?? []).map((f) => [f.id, f]));
  const responsesHere = new Map((here.review?.responses ?? []).map((r) => [reviewItemKey('responses', r), rowDigest(r)]));
  const freshHashes = new Set(fresh.map((e) => e.hash));
  const responses: IncomingResponse[] = [];
  const taken = new Set<string>();
  const earlierWordings: Record<string, Finding> = {};
  const notIntact = (entry: AuditEntry, what: string): ReplyRefusal => ({ ok: false, entry: entry.seq, reason: `the reply's audit trail is not intact (${what})` });
  for (const response of reply.review?.responses ?? []) {
    const key = reviewItemKey('responses', response);
    const entry = addedBy.get(key);
    if (!entry || !freshHashes.has(entry.hash) || taken.has(key)) continue;
    taken.add(key);
    // The response is taken from the reply's rows: it must be what the entry that added it recorded.
    const digest = rowDigest(response);
    if (digest !== added.get(key)) return notIntact(entry, `${key} has been changed since entry ${entry.seq} recorded it`);
    const held = responsesHere.get(key);
    if (held === digest) continue;
    const refuse = (what: string): ReplyRefusal => ({ ok: false, entry: entry.seq, reason: `${described(entry)} ${what}` });
    if (held !== undefined) return refuse(`adds version ${response.version} of the response to ${response.finding}, but this case already holds a different version ${response.version} (from another reply)`);
    const now = findingsHere.get(response.finding);
    if (!now) return refuse(`answers finding ${response.finding}, which this case no longer holds`);
    // The finding as the copy held it, by the hash recorded at the shared start (no later entry of the reply may change it).
    const findingKey = reviewItemKey('findings', now);
    const digestThen = copied.get(findingKey);
    const reworded = digestThen !== undefined && digestThen !== rowDigest(now);
    if (reworded) {
      // The copy's wording, kept in the merge entry, is read from the reply's rows: it must be as the trail recorded it.
      const then = reply.review?.findings?.find((f) => f.id === response.finding);
      if (!then || rowDigest(then) !== digestThen) return notIntact(entry, `${findingKey} ${then ? 'has been changed since the trail recorded it' : 'was stored by the trail but is missing from the reply'}`);
      earlierWordings[response.finding] = then as Finding;
    }
    responses.push({ key, response, digest, entry: entry.hash, earlierWording: reworded });
  }
  // Every response a new entry added must be in the reply: its entry is added to this case, which must then hold it.
  for (const [key, entry] of addedBy) {
    if (freshHashes.has(entry.hash) && !taken.has(key)) return notIntact(entry, `${key} was stored by entry ${entry.seq} but is missing from the reply`);
  }
  const from = copy?.practitioner.name ?? addedBy.values().next().value?.who ?? (fresh[0] as AuditEntry).who;
  // Only the keys that signed the entries merged: any other key the reply carries could be planted under anyone's name.
  const signedBy = new Set(fresh.map((e) => e.signer));
  const signers = (reply.signers ?? []).filter((s) => signedBy.has(fingerprintOf(s.publicKey)) && !here.signers.some((h) => h.publicKey === s.publicKey));
  return { ok: true, plan: { from, verbatim: chainsOn ? fresh : [], held: chainsOn ? [] : fresh, responses, earlierWordings, signers } };
}

/** The reviewer's entry that records a merge: the practitioner's entries by hash (chained on) or whole (held), and the responses held ones added. */
export function mergeEntry(plan: ReplyPlan, at: Date): Omit<NewAuditEntry, 'who'> {
  const listed = plan.responses.map((r) => `${r.response.finding} version ${r.response.version}`).join(', ');
  const what = `Reply from ${plan.from} merged: ${count(plan.responses.length, 'response')}${listed ? ` (${listed})` : ''}`;
  const replyMerged: ReplyMerged = {
    from: plan.from,
    entries: plan.verbatim.length > 0 ? plan.verbatim.map((e) => e.hash) : plan.held,
    ...(Object.keys(plan.earlierWordings).length > 0 ? { earlierWordings: plan.earlierWordings } : {}),
  };
  const rows = plan.held.length > 0 && plan.responses.length > 0 ? { rows: Object.fromEntries(plan.responses.map((r) => [r.key, r.digest])) } : {};
  return { at: at.toISOString(), kind: 'bundleReceived', what, after: { replyMerged }, ...rows };
}

/** The summary of a plan (null: nothing new), as `merge --json` prints it. */
export function mergeSummary(plan: ReplyPlan | null): MergeSummary {
  if (!plan) return { entries: 0, responses: [] };
  return {
    entries: plan.verbatim.length + 1,
    responses: plan.responses.map(({ response: r, earlierWording }) => ({ finding: r.finding, version: r.version, by: r.by, status: r.status, earlierWording })),
  };
}

/** A bundle with a planned merge applied: the responses added to its review, the entries to its trail, the signers to its keys. */
export function applyReplyPlan(bundle: CaseBundle, plan: ReplyPlan, who: string, at: Date, signing?: Signing): CaseBundle {
  const review = bundle.review as ReviewInput;
  const withResponses = plan.responses.length > 0 ? { ...review, responses: [...(review.responses ?? []), ...plan.responses.map((r) => r.response)] } : review;
  const audit = appendEntry([...bundle.audit, ...plan.verbatim], { ...mergeEntry(plan, at), who }, signing?.entry);
  return withSigners({ ...bundle, review: withResponses, audit }, [...plan.signers, ...(signing ? [signing.as] : [])]);
}

/** Who merges, and when: the merge entry's author. */
export interface Merger {
  who: string;
  at: Date;
  signing?: Signing;
}

/**
 * Merge a practitioner's reply into the reviewer's case bundle (REVIEW.md §3): the merged bundle, unchanged when
 * everything in the reply is there already, or the refusal naming the first entry at fault.
 */
export function mergeReply(caseBundle: CaseBundle, reply: CaseBundle, by: Merger): { ok: true; bundle: CaseBundle; summary: MergeSummary } | ReplyRefusal {
  const { audit } = caseBundle;
  const upTo = sharedStart(audit, reply.audit);
  const here: CaseSide = { caseId: caseBundle.case.id, trail: audit, recorded: { upTo, rows: recordedRows(audit.slice(0, upTo)) }, review: caseBundle.review ?? null, signers: caseBundle.signers ?? [] };
  const planned = planReplyMerge(here, reply);
  if (!planned.ok) return planned;
  const { plan } = planned;
  return { ok: true, bundle: plan ? applyReplyPlan(caseBundle, plan, by.who, by.at, by.signing) : caseBundle, summary: mergeSummary(plan) };
}

// ---------------------------------------------------------------------------------------------------------------
// Earlier wordings.

/** Whether a response answers a finding's earlier wording, and that wording when the trail holds it. */
export interface ResponseWording {
  finding: string;
  version: number;
  reworded: boolean;
  /** The finding as the practitioner read it (null: not reworded, or its words are not in the trail). */
  earlier: Finding | null;
}

const FINDING_PREFIX = 'review:finding:';
const findingOfResponse = (key: string) => key.slice(RESPONSE_PREFIX.length, key.lastIndexOf(':'));

/**
 * For each response of a review, by its trail key: whether the finding it answers has been reworded since (its row's
 * hash when the response was added differs from its hash now), and the earlier wording, found in the values the trail
 * keeps (edits' before and after, the practitioner's entries a merge holds, and a merge's earlier wordings).
 */
export function responseWordings(trail: readonly Pick<AuditEntry, 'rows' | 'before' | 'after'>[], review: ReviewInput): Record<string, ResponseWording> {
  const current = new Map<string, string>();
  const answered = new Map<string, string>();
  const wordings = new Map<string, Finding>();
  const keep = (values: unknown) => {
    if (!values || typeof values !== 'object') return;
    for (const [key, value] of Object.entries(values)) if (key.startsWith(FINDING_PREFIX) && value && typeof value === 'object') wordings.set(rowDigest(value), value as Finding);
  };
  for (const entry of trail) {
    keep(entry.before);
    keep(entry.after);
    const merged = replyMergedOf(entry);
    for (const value of Object.values(merged?.earlierWordings ?? {})) wordings.set(rowDigest(value), value as Finding);
    for (const held of merged?.entries ?? []) {
      if (typeof held === 'string') continue;
      keep(held.before);
      keep(held.after);
      // A response held whole answered the copy's wording: the merge kept it when the reviewer had reworded the finding.
      for (const key of Object.keys(held.rows ?? {})) {
        if (!key.startsWith(RESPONSE_PREFIX) || answered.has(key)) continue;
        const finding = findingOfResponse(key);
        const then = merged?.earlierWordings?.[finding];
        const digest = then ? rowDigest(then) : current.get(FINDING_PREFIX + finding);
        if (digest) answered.set(key, digest);
      }
    }
    for (const [key, digest] of Object.entries(entry.rows ?? {})) {
      if (key.startsWith(FINDING_PREFIX)) {
        if (digest === ROW_REMOVED) current.delete(key);
        else current.set(key, digest);
      } else if (key.startsWith(RESPONSE_PREFIX) && !answered.has(key)) {
        const digestThen = current.get(FINDING_PREFIX + findingOfResponse(key));
        if (digestThen) answered.set(key, digestThen);
      }
    }
  }
  const found: Record<string, ResponseWording> = {};
  for (const response of review.responses ?? []) {
    const key = reviewItemKey('responses', response);
    const then = answered.get(key);
    const now = review.findings?.find((f) => f.id === response.finding);
    const reworded = then !== undefined && now !== undefined && rowDigest(now) !== then;
    found[key] = { finding: response.finding, version: response.version, reworded, earlier: reworded ? (wordings.get(then) ?? null) : null };
  }
  return found;
}
