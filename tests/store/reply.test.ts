import { describe, expect, it } from 'vitest';
import { appendEntry, rowDigest, type AuditEntry } from '../../shared/audit/trail.js';
import { nextResponse, withResponse } from '../../shared/review/reply.js';
import { decryptBundle, encryptBundle } from '../../shared/bundle/encryption.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import type { ReviewInput } from '../../shared/schemas/review.js';
import { caseFileJobs } from '../../renderer/src/app/caseFileJobs.js';
import { readTrail } from '../../renderer/src/store/audit.js';
import { addResponse, readResponseWordings } from '../../renderer/src/store/reply.js';
import { responseCopy } from '../../renderer/src/store/copyForResponse.js';
import { editReview, readCaseReview, undoableEdit } from '../../renderer/src/store/review.js';
import { editCaseDetails, findCase } from '../../renderer/src/store/cases.js';
import { storeImport } from '../../renderer/src/store/imports.js';
import { editTraining } from '../../renderer/src/store/training.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { checkSignatures } from '../../renderer/src/store/trailSignatures.js';
import type { ForesightDb } from '../../renderer/src/store/types.js';
import { authorOf, demoStore, freshDbAs } from './helpers.js';

const PASSPHRASE = 'a long passphrase for the copy';
const request = { practitioner: { staffCode: 'N07P214', name: 'P. Officer' }, findings: ['N1', 'N2'] };
const finding = (id: string, text: string) => ({ id, kind: 'problem', text, evidence: [], factors: [], dismissed: [] });
const asFile = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

/** The reviewer's store with findings N1 and N2, and the copy they sent the practitioner for response. */
async function sentForResponse() {
  const { open, caseId } = await demoStore();
  const reviewer = open();
  await editReview(reviewer, caseId, { what: 'Findings added', changes: [{ key: 'review:finding:N1', after: finding('N1', 'The notice was not read.') }, { key: 'review:finding:N2', after: finding('N2', 'No home visit.') }] });
  const { bytes } = await caseFileJobs.sendForResponse(reviewer, { type: 'sendForResponse', caseId, passphrase: PASSPHRASE, request });
  return { reviewer, caseId, copy: asFile(bytes, 'for-response.foresight') };
}

/** The practitioner's store: the copy received, responses added (`answers`), the reply sent back. */
async function practitionerReplies(copy: File, caseId: string, answers: (db: ForesightDb) => Promise<unknown>) {
  const { db } = await freshDbAs('P. Officer');
  await caseFileJobs.receive(db, { type: 'receive', file: copy, passphrase: PASSPHRASE, fileName: 'for-response.foresight' });
  await answers(db);
  const { bytes } = await caseFileJobs.sendReply(db, { type: 'sendReply', caseId, passphrase: PASSPHRASE });
  return { practitioner: db, reply: asFile(bytes, 'reply.foresight') };
}

const answerBoth = async (db: ForesightDb, caseId: string) => {
  await addResponse(db, caseId, { finding: 'N1', status: 'disputed', text: 'The notice reached me late.', evidence: [] });
  await addResponse(db, caseId, { finding: 'N2', status: 'context', text: 'The team was at 61%.', evidence: [] });
};

const job = (caseId: string, file: File) => ({ caseId, file, passphrase: PASSPHRASE });

describe('the practitioner’s reply in the store', () => {
  it('receiving a copy sent for response marks it as one; responses are versioned, by the named practitioner, and never undone', async () => {
    const { caseId, copy } = await sentForResponse();
    const { db } = await freshDbAs('P. Officer');
    await caseFileJobs.receive(db, { type: 'receive', file: copy, passphrase: PASSPHRASE, fileName: 'for-response.foresight' });
    expect(await responseCopy(db, caseId)).toMatchObject({ ...request, sentBy: 'Test Reviewer' });
    await addResponse(db, caseId, { finding: 'N1', status: 'disputed', text: 'First.', evidence: [] });
    const second = await addResponse(db, caseId, { finding: 'N1', status: 'accepted', text: 'Second.', evidence: ['offence'] });
    expect(second).toMatchObject({ kind: 'edit', who: 'P. Officer', what: 'Response to N1 (version 2) added' });
    expect((await readCaseReview(db, caseId))?.responses.map((r) => [r.version, r.by, r.text])).toEqual([[1, 'N07P214', 'First.'], [2, 'N07P214', 'Second.']]);
    // A response is a wall for undo: nothing before it can be undone either.
    expect(await undoableEdit(db, caseId)).toBeNull();
    await expect(addResponse(db, caseId, { finding: 'N9', status: 'accepted', text: '.', evidence: [] })).rejects.toThrow('there is no finding N9');
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
  });

  it('in a copy for response only responses can be added: a change to a finding or to a walkthrough is refused, storing nothing', async () => {
    const { caseId, copy } = await sentForResponse();
    const { db } = await freshDbAs('P. Officer');
    await caseFileJobs.receive(db, { type: 'receive', file: copy, passphrase: PASSPHRASE, fileName: 'for-response.foresight' });
    const entries = (await readTrail(db, caseId)).length;
    await expect(editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('N1', 'Softened.') }] })).rejects.toThrow('only your responses can be added');
    await expect(editTraining(db, caseId, { what: 'Walkthrough started', changes: [{ key: 'training:walkthrough', after: { title: 'A case study', outcome: '', order: [] } }] })).rejects.toThrow('only your responses can be added');
    expect(await readTrail(db, caseId)).toHaveLength(entries);
    expect((await readCaseReview(db, caseId))?.findings.find((f) => f.id === 'N1')?.text).toBe('The notice was not read.');
    await addResponse(db, caseId, { finding: 'N1', status: 'accepted', text: 'Agreed.', evidence: [] });
    expect(await readTrail(db, caseId)).toHaveLength(entries + 1);
  });

  it('in a copy for response the case’s details cannot be edited nor files imported, even by a path the screens hide', async () => {
    const { caseId, copy } = await sentForResponse();
    const { db } = await freshDbAs('P. Officer');
    await caseFileJobs.receive(db, { type: 'receive', file: copy, passphrase: PASSPHRASE, fileName: 'for-response.foresight' });
    const entries = (await readTrail(db, caseId)).length;
    const found = await findCase(db, caseId);
    if (!found) throw new Error('the copy was not stored');
    await expect(editCaseDetails(db, caseId, { title: 'Renamed', crn: found.crn, subject: found.subject, offenceAt: found.offenceAt })).rejects.toThrow('only your responses can be added');
    const audit = { author: authorOf('P. Officer'), at: new Date(), what: () => 'Imported nothing' };
    await expect(storeImport(db, caseId, async () => {}, { acceptedChanges: [], existing: new Map(), sources: [], staff: [], audit })).rejects.toThrow('only your responses can be added');
    expect(await readTrail(db, caseId)).toHaveLength(entries);
    expect((await findCase(db, caseId))?.title).toBe(found.title);
  });

  it('merges a reply into the reviewer’s case: the practitioner’s entries chained on, the trail checks at both depths, and merging again adds nothing', async () => {
    const { reviewer, caseId, copy } = await sentForResponse();
    const { reply } = await practitionerReplies(copy, caseId, (db) => answerBoth(db, caseId));
    expect(await caseFileJobs.open(reviewer, { type: 'open', file: reply, passphrase: PASSPHRASE, fileName: 'reply.foresight' })).toMatchObject({ cases: [{ reply: true, forResponse: false }] });
    const before = await readTrail(reviewer, caseId);
    const preview = await caseFileJobs.previewReply(reviewer, { type: 'previewReply', ...job(caseId, reply) });
    expect(preview).toMatchObject({ ok: true, nothingNew: false, from: 'P. Officer', path: 'chained', entries: 5, responses: [{ finding: 'N1', version: 1, by: 'N07P214', status: 'disputed', text: 'The notice reached me late.', earlierWording: false }, { finding: 'N2' }] });
    expect(await readTrail(reviewer, caseId)).toHaveLength(before.length);
    expect(await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) })).toMatchObject({ ok: true, summary: { entries: 5 } });
    const after = await readTrail(reviewer, caseId);
    expect(after.at(-1)).toMatchObject({ who: 'Test Reviewer', what: 'Reply from P. Officer merged: 2 responses (N1 version 1, N2 version 1)' });
    expect(after.slice(before.length, -1).map((e) => e.who)).toEqual(['P. Officer', 'P. Officer', 'P. Officer', 'P. Officer']);
    expect((await readCaseReview(reviewer, caseId))?.responses.map((r) => r.finding)).toEqual(['N1', 'N2']);
    expect(await responseCopy(reviewer, caseId)).toBeNull();
    expect(await checkTrail(reviewer, caseId, 'quick')).toMatchObject({ ok: true });
    expect(await checkTrail(reviewer, caseId, 'full')).toMatchObject({ ok: true });
    expect(await checkSignatures(reviewer, caseId)).toMatchObject({ invalid: 0, unsigned: 0 });
    expect(await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) })).toEqual({ ok: true, summary: { entries: 0, responses: [] } });
    expect(await readTrail(reviewer, caseId)).toEqual(after);
  });

  it('holds the practitioner’s entries in the merge entry when the reviewer reworded a finding since, marking the response to the earlier wording', async () => {
    const { reviewer, caseId, copy } = await sentForResponse();
    const { reply } = await practitionerReplies(copy, caseId, (db) => answerBoth(db, caseId));
    await editReview(reviewer, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('N1', 'The notice was read late.') }] });
    const preview = await caseFileJobs.previewReply(reviewer, { type: 'previewReply', ...job(caseId, reply) });
    expect(preview).toMatchObject({ ok: true, path: 'held', entries: 1, responses: [{ finding: 'N1', earlierWording: true }, { finding: 'N2', earlierWording: false }] });
    const entries = (await readTrail(reviewer, caseId)).length;
    expect(await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) })).toMatchObject({ ok: true, summary: { entries: 1 } });
    expect(await readTrail(reviewer, caseId)).toHaveLength(entries + 1);
    expect(await checkTrail(reviewer, caseId, 'quick')).toMatchObject({ ok: true });
    expect(await checkTrail(reviewer, caseId, 'full')).toMatchObject({ ok: true });
    expect(await checkSignatures(reviewer, caseId)).toMatchObject({ invalid: 0 });
    expect(await readResponseWordings(reviewer, caseId)).toEqual({
      'review:response:N1:1': { finding: 'N1', version: 1, reworded: true, earlier: finding('N1', 'The notice was not read.') },
      'review:response:N2:1': { finding: 'N2', version: 1, reworded: false, earlier: null },
    });
    expect(await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) })).toMatchObject({ ok: true, summary: { entries: 0 } });
    expect(await readTrail(reviewer, caseId)).toHaveLength(entries + 1);
  });

  it('refuses a reply that changes a finding, storing nothing', async () => {
    const { reviewer, caseId, copy } = await sentForResponse();
    const { reply: sent } = await practitionerReplies(copy, caseId, (db) => answerBoth(db, caseId));
    // The app refuses such a change in a copy for response, so the reply is changed outside it, as a tampered file would be.
    const opened = await decryptBundle(new Uint8Array(await sent.arrayBuffer()), PASSPHRASE);
    if (!opened.ok) throw new Error(opened.message);
    const bundle = JSON.parse(opened.json) as CaseBundle;
    const changed = finding('N2', 'A visit was planned.');
    const review = { ...(bundle.review as ReviewInput), findings: (bundle.review?.findings ?? []).map((f) => (f.id === 'N2' ? changed : f)) };
    const audit = appendEntry(bundle.audit, { at: new Date().toISOString(), who: 'P. Officer', kind: 'edit', what: 'Finding N2 changed', after: { 'review:finding:N2': changed }, rows: { 'review:finding:N2': rowDigest(changed) } });
    const reply = asFile(await encryptBundle(JSON.stringify({ ...bundle, review, audit }), PASSPHRASE), 'reply.foresight');
    const before = await readTrail(reviewer, caseId);
    const refused = await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) });
    expect(refused).toMatchObject({ ok: false, entry: before.length + 5, reason: expect.stringMatching(/"Finding N2 changed"\) changes review:finding:N2, not a response$/) });
    expect(await readTrail(reviewer, caseId)).toEqual(before);
    expect((await readCaseReview(reviewer, caseId))?.responses).toEqual([]);
  });

  it('checks the reply against the rows the store recorded: a shared entry changed in the reply (its hash kept) cannot pass off a changed finding', async () => {
    const { reviewer, caseId, copy } = await sentForResponse();
    const opened = await decryptBundle(new Uint8Array(await copy.arrayBuffer()), PASSPHRASE);
    if (!opened.ok) throw new Error(opened.message);
    const sent = JSON.parse(opened.json) as CaseBundle;
    const added = nextResponse(sent.review ?? null, { finding: 'N1', status: 'disputed', text: 'The notice reached me late.', evidence: [] }, 'N07P214', new Date().toISOString());
    if (!added.ok) throw new Error(added.message);
    const answered = withResponse(sent, added, 'P. Officer', new Date());
    // The entry that stored N2, shared with the reviewer's case, rewritten to say it stored the softer words; its hash kept.
    const key = 'review:finding:N2';
    const softer = finding('N2', 'A visit was planned.');
    const audit = structuredClone(answered.audit);
    const storedN2 = audit.find((e) => e.rows?.[key]) as AuditEntry;
    storedN2.rows = { ...storedN2.rows, [key]: rowDigest(softer) };
    const review = { ...(answered.review as ReviewInput), findings: (answered.review?.findings ?? []).map((f) => (f.id === 'N2' ? softer : f)) };
    const riding = appendEntry(audit, { at: new Date().toISOString(), who: 'P. Officer', kind: 'edit', what: 'Finding N2 changed', rows: { [key]: rowDigest(softer) } });
    const reply = asFile(await encryptBundle(JSON.stringify({ ...answered, review, audit: riding }), PASSPHRASE), 'reply.foresight');
    const before = await readTrail(reviewer, caseId);
    expect(await caseFileJobs.mergeReply(reviewer, { type: 'mergeReply', ...job(caseId, reply) })).toMatchObject({ ok: false, entry: riding.length, reason: expect.stringMatching(/"Finding N2 changed"\) changes review:finding:N2, not a response$/) });
    expect(await readTrail(reviewer, caseId)).toEqual(before);
    expect((await readCaseReview(reviewer, caseId))?.responses).toEqual([]);
  });
});
