import { describe, expect, it } from 'vitest';
import { newSigningKey, signingAs, type Signing } from '../../shared/audit/signatures.js';
import { appendEntry, entryHash, rowDigest, type AuditEntry, type NewAuditEntry } from '../../shared/audit/trail.js';
import { bundleRows, withWholeCaseEntry } from '../../shared/bundle/bundleRows.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { mergeReply, nextResponse, REPLY_SENT, respondingTo, responseCopyOf, responseWordings, sentForResponse, sentForResponseEntry, withResponse } from '../../shared/review/reply.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import type { ReviewInput } from '../../shared/schemas/review.js';
import { DEMO_REVIEW, demoWithReview } from '../helpers/demoReview.js';

const reviewer = signingAs(newSigningKey('A. Reviewer'));
const officer = signingAs(newSigningKey('P. Officer'));
const SENT = new Date('2026-12-01T10:00:00Z');
const ANSWERED = new Date('2026-12-02T09:00:00Z');
const MERGED = new Date('2026-12-04T15:00:00Z');
const request = { practitioner: { staffCode: 'N07P214', name: 'P. Officer' }, findings: ['N1', 'N2'] };

/** An entry added to a bundle, signed, and the bundle carrying the signer's key. */
function signed(bundle: CaseBundle, entry: Omit<NewAuditEntry, 'who'>, as: Signing): CaseBundle {
  const signers = bundle.signers?.some((s) => s.publicKey === as.as.publicKey) ? bundle.signers : [...(bundle.signers ?? []), as.as];
  return { ...bundle, signers, audit: appendEntry(bundle.audit, { ...entry, who: as.as.name }, as.entry) };
}

/** A finding reworded by an edit, as the app records it: the values before and after, and the row's new hash. */
function reword(bundle: CaseBundle, id: string, text: string, as: Signing, at: Date): CaseBundle {
  const review = bundle.review as ReviewInput;
  const old = review.findings?.find((f) => f.id === id);
  const changed = { ...old, text } as NonNullable<ReviewInput['findings']>[number];
  const key = `review:finding:${id}`;
  const next = signed(bundle, { at: at.toISOString(), kind: 'edit', what: `Finding ${id} changed`, before: { [key]: old }, after: { [key]: changed }, rows: { [key]: rowDigest(changed) } }, as);
  return { ...next, review: { ...review, findings: review.findings?.map((f) => (f.id === id ? changed : f)) } };
}

/** The reviewer's case, up to sending it for response (made once: every merge here is pure). */
let made: CaseBundle | undefined;
function reviewersCase(): CaseBundle {
  made ??= sentCase();
  return made;
}

function sentCase(): CaseBundle {
  const { bundle } = demoWithReview({ ...DEMO_REVIEW, responses: [] });
  const imported = { ...bundle, audit: [], signers: [] };
  const built = withWholeCaseEntry(imported, { who: 'A. Reviewer', at: new Date('2026-11-30T09:00:00Z'), kind: 'import', what: 'Case built' }, reviewer);
  return signed(built, { at: SENT.toISOString(), ...sentForResponseEntry(request) }, reviewer);
}

/** The practitioner's copy: received (marking the copy), responses to N1 and N2, then the reply sent. */
function practitionersReply(copy: CaseBundle): CaseBundle {
  const sent = sentForResponse(copy.audit) as string;
  let reply = withWholeCaseEntry(copy, { who: 'P. Officer', at: ANSWERED, kind: 'bundleReceived', what: 'Received', after: respondingTo(sent) }, officer);
  for (const [finding, status] of [['N1', 'disputed'], ['N2', 'context']] as const) {
    const added = nextResponse(reply.review ?? null, { finding, status, text: `About ${finding}.`, evidence: [] }, 'N07P214', ANSWERED.toISOString());
    if (!added.ok) throw new Error(added.message);
    reply = withResponse(reply, added, 'P. Officer', ANSWERED, officer);
  }
  return signed(reply, { at: ANSWERED.toISOString(), ...REPLY_SENT }, officer);
}

const merge = (here: CaseBundle, reply: CaseBundle) => mergeReply(here, reply, { who: 'A. Reviewer', at: MERGED, signing: reviewer });

function merged(here: CaseBundle, reply: CaseBundle): CaseBundle {
  const result = merge(here, reply);
  if (!result.ok) throw new Error(result.reason);
  return result.bundle;
}

describe('the practitioner’s copy for response', () => {
  it('is a copy for response from the practitioner’s receipt until a reply is merged', () => {
    const here = reviewersCase();
    expect(responseCopyOf(here.audit)).toBeNull();
    const reply = practitionersReply(here);
    expect(responseCopyOf(reply.audit)).toEqual({ ...request, sentBy: 'A. Reviewer', sentAt: SENT.toISOString(), sentEntry: here.audit[1]?.hash });
    expect(responseCopyOf(merged(here, reply).audit)).toBeNull();
  });

  it('versions responses: a second response to a finding is version 2, beside the first', () => {
    const reply = practitionersReply(reviewersCase());
    const again = nextResponse(reply.review ?? null, { finding: 'N1', status: 'accepted', text: 'On reflection.', evidence: [] }, 'N07P214', ANSWERED.toISOString());
    expect(again).toMatchObject({ ok: true, response: { finding: 'N1', version: 2 }, edit: { what: 'Response to N1 (version 2) added' } });
    expect(nextResponse(reply.review ?? null, { finding: 'N9', status: 'accepted', text: '.', evidence: [] }, 'x', 'y')).toEqual({ ok: false, message: 'there is no finding N9 in this case\'s review' });
    expect(nextResponse(reply.review ?? null, { finding: 'N1', status: 'accepted', text: '.', evidence: ['contact:1'] }, 'x', 'y', new Set(['offence']))).toEqual({ ok: false, message: 'there is no record contact:1 in this case' });
  });
});

describe('merging a reply (REVIEW.md §3)', () => {
  it('chains the practitioner’s entries on when the reviewer has not changed the case since, each keeping its author and signature', () => {
    const here = reviewersCase();
    const reply = practitionersReply(here);
    const result = merge(here, reply);
    expect(result).toMatchObject({ ok: true, summary: { entries: 5, responses: [
      { finding: 'N1', version: 1, by: 'N07P214', status: 'disputed', earlierWording: false },
      { finding: 'N2', version: 1, by: 'N07P214', status: 'context', earlierWording: false },
    ] } });
    if (!result.ok) return;
    const { bundle } = result;
    expect(bundle.audit.slice(0, reply.audit.length)).toEqual(reply.audit);
    const last = bundle.audit[bundle.audit.length - 1] as AuditEntry;
    expect(last).toMatchObject({ kind: 'bundleReceived', who: 'A. Reviewer', what: 'Reply from P. Officer merged: 2 responses (N1 version 1, N2 version 1)', after: { replyMerged: { from: 'P. Officer', entries: reply.audit.slice(2).map((e) => e.hash) } } });
    expect(last.rows).toBeUndefined();
    expect(bundle.review?.responses?.map((r) => `${r.finding}:${r.version}`)).toEqual(['N1:1', 'N2:1']);
    expect(bundle.signers?.map((s) => s.name)).toEqual(['A. Reviewer', 'P. Officer']);
    expect(verifyBundle(bundle)).toMatchObject({ ok: true, unsigned: [], signers: [{ name: 'A. Reviewer', entries: 3 }, { name: 'P. Officer', entries: 4 }] });
  });

  it('brings in only the keys that signed the practitioner’s entries: a key the reply merely carries, under any name, stays out of the case', () => {
    const sent = reviewersCase();
    const reply = practitionersReply(sent);
    const planted = signingAs(newSigningKey('A. Reviewer')).as;
    const bundle = merged(sent, { ...reply, signers: [...(reply.signers ?? []), planted] });
    expect(bundle.signers?.map((s) => s.publicKey)).not.toContain(planted.publicKey);
    expect(bundle.signers?.map((s) => s.name)).toEqual(['A. Reviewer', 'P. Officer']);
  });

  it('holds the practitioner’s entries whole in one merge entry when the reviewer has changed the case since, and the case verifies', () => {
    const sent = reviewersCase();
    const reply = practitionersReply(sent);
    const here = reword(sent, 'N3', 'A careful plan.', reviewer, new Date('2026-12-03T10:00:00Z'));
    const bundle = merged(here, reply);
    expect(bundle.audit).toHaveLength(here.audit.length + 1);
    const last = bundle.audit[bundle.audit.length - 1] as AuditEntry;
    expect((last.after as { replyMerged: { entries: AuditEntry[] } }).replyMerged.entries).toEqual(reply.audit.slice(2));
    expect(Object.keys(last.rows ?? {})).toEqual(['review:response:N1:1', 'review:response:N2:1']);
    expect(verifyBundle(bundle)).toMatchObject({ ok: true, signers: [{ name: 'A. Reviewer', entries: 4 }, { name: 'P. Officer', entries: 4 }] });
  });

  it('is idempotent: merging the same reply twice adds nothing, byte for byte, on either path', () => {
    const sent = reviewersCase();
    const reply = practitionersReply(sent);
    for (const here of [sent, reword(sent, 'N3', 'A careful plan.', reviewer, MERGED)]) {
      const once = merged(here, reply);
      const twice = merge(once, reply);
      expect(twice).toMatchObject({ ok: true, summary: { entries: 0, responses: [] } });
      if (twice.ok) expect(JSON.stringify(twice.bundle)).toBe(JSON.stringify(once));
    }
  });

  it('merges only what is new when the practitioner answers again on the same copy', () => {
    const here = reviewersCase();
    const first = practitionersReply(here);
    const once = merged(here, first);
    const again = nextResponse(first.review ?? null, { finding: 'N1', status: 'accepted', text: 'On reflection.', evidence: [] }, 'N07P214', ANSWERED.toISOString());
    if (!again.ok) throw new Error(again.message);
    const second = withResponse(first, again, 'P. Officer', ANSWERED, officer);
    const result = merge(once, second);
    expect(result).toMatchObject({ ok: true, summary: { entries: 1, responses: [{ finding: 'N1', version: 2 }] } });
    if (result.ok) expect(verifyBundle(result.bundle)).toMatchObject({ ok: true });
  });

  it('refuses a reply from another case, or one that is not a copy of this case', () => {
    const here = reviewersCase();
    const other = demoWithReview({ ...DEMO_REVIEW, responses: [] }, { id: 'another' }).bundle;
    expect(merge(here, other)).toEqual({ ok: false, reason: expect.stringMatching(/^the reply is a copy of another case \(/) });
    const rebuilt = withWholeCaseEntry({ ...here, audit: [], signers: [] }, { who: 'A. Reviewer', at: MERGED, kind: 'import', what: 'Case built again' }, reviewer);
    expect(merge(here, rebuilt)).toEqual({ ok: false, entry: 1, reason: 'the reply is not a copy of this case: its trail does not start with this case’s' });
  });

  it('refuses a reply whose copy had an earlier entry changed before it was sent for response', () => {
    const here = reviewersCase();
    // The same case sent with other words in the sending entry: entry 2 differs, re-signed with a key of the reviewer's.
    const altered = signed({ ...here, audit: here.audit.slice(0, 1) }, { at: SENT.toISOString(), ...sentForResponseEntry({ ...request, findings: ['N1'] }) }, reviewer);
    expect(merge(here, practitionersReply(altered))).toEqual({ ok: false, entry: 2, reason: 'entry 2 of the reply differs from entry 2 of this case: the copy was changed before it was sent for response' });
  });

  it('refuses the whole reply, naming the first entry that changes anything but responses, and changes nothing', () => {
    const here = reviewersCase();
    const reply = practitionersReply(here);
    const changed = reword(reply, 'N1', 'Softer words.', officer, new Date('2026-12-02T09:30:00Z'));
    const before = JSON.stringify(here);
    expect(merge(here, changed)).toEqual({ ok: false, entry: 7, reason: 'entry 7 (by P. Officer, 2 Dec 2026, 09:30: "Finding N1 changed") changes review:finding:N1, not a response' });
    expect(JSON.stringify(here)).toBe(before);
    // A response changed in place (not a new version) is refused too.
    const response = changed.review?.responses?.[0];
    const rewritten = { ...response, text: 'Other words.' };
    const inPlace = signed(reply, { at: ANSWERED.toISOString(), kind: 'edit', what: 'Response to N1 (version 1) changed', rows: { 'review:response:N1:1': rowDigest(rewritten) } }, officer);
    const withRewritten = { ...inPlace, review: { ...inPlace.review, responses: [rewritten, ...(inPlace.review?.responses ?? []).slice(1)] } } as CaseBundle;
    expect(merge(here, withRewritten)).toMatchObject({ ok: false, entry: 7, reason: expect.stringMatching(/changes review:response:N1:1, an earlier response/) });
  });

  it('refuses a reply with an entry that says it merged a reply or sent a copy: only the reviewer’s case may', () => {
    const here = reviewersCase();
    const reply = practitionersReply(here);
    const passedOff = signed(reply, { at: ANSWERED.toISOString(), kind: 'note', what: 'A note', after: { replyMerged: { from: 'P. Officer', entries: ['0'.repeat(64)] } } }, officer);
    expect(merge(here, passedOff)).toMatchObject({ ok: false, entry: 7, reason: expect.stringMatching(/says it merged a reply, which only the reviewer's case may$/) });
    const sentAgain = signed(reply, { at: ANSWERED.toISOString(), ...sentForResponseEntry(request) }, officer);
    expect(merge(here, sentAgain)).toMatchObject({ ok: false, entry: 7, reason: expect.stringMatching(/says it sent a copy for response/) });
  });

  it('refuses a response that is not as the entry that added it recorded it, or that is missing from the reply, naming that entry', () => {
    const here = reviewersCase();
    const reply = practitionersReply(here);
    const tampered = { ...reply, review: { ...reply.review, responses: reply.review?.responses?.map((r) => ({ ...r, text: 'Changed in the file.' })) } } as CaseBundle;
    expect(merge(here, tampered)).toEqual({ ok: false, entry: 4, reason: 'the reply\'s audit trail is not intact (review:response:N1:1 has been changed since entry 4 recorded it)' });
    const missing = { ...reply, review: { ...reply.review, responses: reply.review?.responses?.slice(0, 1) } } as CaseBundle;
    expect(merge(here, missing)).toEqual({ ok: false, entry: 5, reason: 'the reply\'s audit trail is not intact (review:response:N2:1 was stored by entry 5 but is missing from the reply)' });
  });

  it('refuses a new entry changed since it was written, or signed by a key that is not its signer’s, naming it', () => {
    const here = reviewersCase();
    const reply = practitionersReply(here);
    const reworded = structuredClone(reply.audit);
    (reworded[3] as AuditEntry).what = 'Response to N1 (version 1) added, and agreed';
    expect(merge(here, { ...reply, audit: reworded })).toEqual({ ok: false, entry: 4, reason: 'the reply\'s audit trail is not intact (entry 4 has been changed since it was written)' });
    // The response rewritten and its entry hashed again: only the practitioner's key could sign the new hash.
    const forged = structuredClone(reply.audit);
    const entry = forged[3] as AuditEntry;
    const response = { ...(reply.review?.responses?.[0] as object), status: 'accepted', text: 'I accept every word.' };
    Object.assign(entry, { after: { 'review:response:N1:1': response }, rows: { 'review:response:N1:1': rowDigest(response) } });
    entry.hash = entryHash((({ hash: _h, signature: _s, ...rest }) => rest)(entry));
    entry.signature = reviewer.entry.sign(entry.hash);
    const withForged = { ...reply, audit: forged, review: { ...reply.review, responses: [response, ...(reply.review?.responses ?? []).slice(1)] } } as CaseBundle;
    expect(merge(here, withForged)).toEqual({ ok: false, entry: 4, reason: 'the reply\'s audit trail is not intact (entry 4 is not validly signed: its signature does not match)' });
  });

  it('refuses a receipt that records a record with another hash, naming the receipt and the record', () => {
    const here = reviewersCase();
    const [first, ...rest] = here.records;
    const reply = practitionersReply({ ...here, records: [{ ...first, notes: 'Changed in the copy.' } as CaseBundle['records'][number], ...rest] });
    const key = [...bundleRows(here).keys()].find((k) => k.startsWith('records:'));
    expect(merge(here, reply)).toEqual({ ok: false, entry: 3, reason: `entry 3 (by P. Officer, 2 Dec 2026, 09:00: "Received") changes ${key}, not a response` });
  });

  it('reads the rows the copy shares with this case from this case’s own entries: a shared entry changed in the reply (its hash kept) changes nothing', () => {
    const here = reviewersCase();
    // A reply written on the copy itself, as `respond` writes it: no receipt re-records the case after the shared start.
    const added = nextResponse(here.review ?? null, { finding: 'N1', status: 'disputed', text: 'About N1.', evidence: [] }, 'N07P214', ANSWERED.toISOString());
    if (!added.ok) throw new Error(added.message);
    const reply = withResponse(here, added, 'P. Officer', ANSWERED, officer);
    // Entry 1, shared with this case, says finding N2 was stored with softer words; its hash is left as it was.
    const key = 'review:finding:N2';
    const softer = { ...(here.review?.findings?.find((f) => f.id === 'N2') as object), text: 'Softer words.' };
    const audit = structuredClone(reply.audit);
    (audit[0] as AuditEntry).rows = { ...(audit[0] as AuditEntry).rows, [key]: rowDigest(softer) };
    const changedShared = { ...reply, audit };
    // Nothing of the changed entry reaches the case: the merge is the one of the reply as written.
    const asWritten = merge(here, reply);
    expect(asWritten).toMatchObject({ ok: true, summary: { entries: 2 } });
    expect(JSON.stringify(merge(here, changedShared))).toBe(JSON.stringify(asWritten));
    // A later entry rewording N2 as the changed entry says it was stored is a change to this case's finding, and refused.
    const review = { ...changedShared.review, findings: changedShared.review?.findings?.map((f) => (f.id === 'N2' ? softer : f)) } as ReviewInput;
    const riding = signed({ ...changedShared, review }, { at: ANSWERED.toISOString(), kind: 'edit', what: 'Finding N2 changed', rows: { [key]: rowDigest(softer) } }, officer);
    expect(merge(here, riding)).toEqual({ ok: false, entry: 4, reason: 'entry 4 (by P. Officer, 2 Dec 2026, 09:00: "Finding N2 changed") changes review:finding:N2, not a response' });
  });
});

describe('a response to an earlier wording', () => {
  it('is marked when the reviewer rewords the finding before merging, and both wordings stay readable', () => {
    const sent = reviewersCase();
    const reply = practitionersReply(sent);
    const here = reword(sent, 'N1', 'The notice was not acted on.', reviewer, new Date('2026-12-03T10:00:00Z'));
    const result = merge(here, reply);
    expect(result).toMatchObject({ ok: true, summary: { responses: [{ finding: 'N1', earlierWording: true }, { finding: 'N2', earlierWording: false }] } });
    if (!result.ok) return;
    const wordings = responseWordings(result.bundle.audit, result.bundle.review as ReviewInput);
    const copyWording = DEMO_REVIEW.findings?.[0];
    expect(wordings).toEqual({ 'review:response:N1:1': { finding: 'N1', version: 1, reworded: true, earlier: copyWording }, 'review:response:N2:1': { finding: 'N2', version: 1, reworded: false, earlier: null } });
    expect(result.bundle.review?.findings?.[0]?.text).toBe('The notice was not acted on.');
  });

  it('refuses a reply whose copy of the reworded finding is not as its trail recorded it: that wording is kept in the case', () => {
    const sent = reviewersCase();
    const reply = practitionersReply(sent);
    const here = reword(sent, 'N1', 'The notice was not acted on.', reviewer, new Date('2026-12-03T10:00:00Z'));
    const review = { ...reply.review, findings: reply.review?.findings?.map((f) => (f.id === 'N1' ? { ...f, text: 'The notice was read and acted on.' } : f)) } as ReviewInput;
    expect(merge(here, { ...reply, review })).toEqual({ ok: false, entry: 4, reason: 'the reply\'s audit trail is not intact (review:finding:N1 has been changed since the trail recorded it)' });
  });

  it('is marked when the reviewer rewords the finding after merging, the earlier words read from the edit', () => {
    const here = reviewersCase();
    const reworded = reword(merged(here, practitionersReply(here)), 'N1', 'The notice was not acted on.', reviewer, new Date('2026-12-05T10:00:00Z'));
    const wordings = responseWordings(reworded.audit, reworded.review as ReviewInput);
    expect(wordings['review:response:N1:1']).toEqual({ finding: 'N1', version: 1, reworded: true, earlier: DEMO_REVIEW.findings?.[0] });
    expect(verifyBundle(reworded).ok).toBe(true);
  });
});

describe('verifying a merged case', () => {
  /** The reviewer forges the practitioner's response: the held entry and the merge entry rewritten, hashed again, the merge entry re-signed. */
  function forge(bundle: CaseBundle, rehashHeld: boolean): CaseBundle {
    const audit = structuredClone(bundle.audit);
    const outer = audit[audit.length - 1] as AuditEntry;
    const held = (outer.after as { replyMerged: { entries: AuditEntry[] } }).replyMerged.entries;
    const i = held.findIndex((e) => e.rows?.['review:response:N1:1']);
    const entry = held[i] as AuditEntry;
    const response = { ...(entry.after as Record<string, object>)['review:response:N1:1'], text: 'I accept every word.', status: 'accepted' };
    entry.after = { 'review:response:N1:1': response };
    entry.rows = { 'review:response:N1:1': rowDigest(response) };
    if (rehashHeld) entry.hash = entryHash((({ hash: _, ...rest }) => rest)(entry));
    outer.rows = { ...outer.rows, 'review:response:N1:1': rowDigest(response) };
    const { hash: _h, signature: _s, ...unhashed } = outer;
    const hash = entryHash(unhashed);
    audit[audit.length - 1] = { ...unhashed, hash, signature: reviewer.entry.sign(hash) };
    const review = bundle.review as ReviewInput;
    return { ...bundle, audit, review: { ...review, responses: review.responses?.map((r) => (r.finding === 'N1' && r.version === 1 ? response : r)) as ReviewInput['responses'] } };
  }

  it('fails when an entry held whole is forged, naming the entry that holds it', () => {
    const sent = reviewersCase();
    const bundle = merged(reword(sent, 'N3', 'A careful plan.', reviewer, MERGED), practitionersReply(sent));
    const seq = bundle.audit.length;
    expect(verifyBundle(forge(bundle, true))).toMatchObject({ ok: false, entry: seq, reason: `entry ${seq} holds a practitioner’s entry (entry 4 of their copy) that is not validly signed: its signature does not match` });
    expect(verifyBundle(forge(bundle, false))).toMatchObject({ ok: false, entry: seq, reason: `entry ${seq} holds a practitioner’s entry (entry 4 of their copy) that has been changed since it was written` });
  });
});
