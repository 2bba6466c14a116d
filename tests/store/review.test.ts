import { describe, expect, it, vi } from 'vitest';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { caseVersion } from '../../renderer/src/store/caseData.js';
import { storeCaseBundle } from '../../renderer/src/store/cases.js';
import { recordDocumentWritten } from '../../renderer/src/store/documents.js';
import { editReview, readCaseReview, undoableEdit, undoReviewEdit } from '../../renderer/src/store/review.js';
import { readTrail } from '../../renderer/src/store/audit.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';
import { demoStore } from './helpers.js';

const finding = (text: string) => ({ id: 'N1', kind: 'problem', text, evidence: [], factors: [], dismissed: [] });

describe('a case’s review in the store', () => {
  it('saves each change as a signed trail entry with the values before and after, and the trail stays intact at both depths', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('First words.') }] });
    const entry = await editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('Second words.') }] });
    expect(entry).toMatchObject({ kind: 'edit', who: 'Test Reviewer', before: { 'review:finding:N1': finding('First words.') }, after: { 'review:finding:N1': finding('Second words.') } });
    expect(entry?.signature).toMatch(/^[0-9a-f]{128}$/);
    const review = await readCaseReview(db, caseId);
    expect(review?.title).toMatch(/^Review of /);
    expect(review?.reviewer).toBe('Test Reviewer');
    expect(review?.findings.map((f) => f.text)).toEqual(['Second words.']);
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: true });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('records nothing when a change leaves everything as it was', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Same.') }] });
    const entries = (await readTrail(db, caseId)).length;
    expect(await editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('Same.') }] })).toBeNull();
    expect(await readTrail(db, caseId)).toHaveLength(entries);
    db.close();
  });

  it('refuses a change that would leave the review unreadable, storing nothing and writing no entry', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Kept.') }] });
    const entries = (await readTrail(db, caseId)).length;
    await expect(editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: { ...finding('Kept.'), kind: 'blame' } }] })).rejects.toThrow(
      /The review would not be valid after this change \(findings\[0\]\.kind: /,
    );
    expect((await readCaseReview(db, caseId))?.findings.map((f) => f.kind)).toEqual(['problem']);
    expect(await readTrail(db, caseId)).toHaveLength(entries);
    db.close();
  });

  it('deletes an item with a trail entry that takes it out, and the full check still passes', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Gone soon.') }] });
    await editReview(db, caseId, { what: 'Finding N1 deleted', changes: [{ key: 'review:finding:N1', after: null }] });
    expect((await readCaseReview(db, caseId))?.findings).toEqual([]);
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('undoes changes one at a time, newest first, each undo a trail entry of its own, up to the first', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('One.') }] });
    await editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('Two.') }] });
    expect(await undoReviewEdit(db, caseId)).toBe('Finding N1 changed');
    expect((await readCaseReview(db, caseId))?.findings.map((f) => f.text)).toEqual(['One.']);
    expect(await undoReviewEdit(db, caseId)).toBe('Finding N1 added');
    // The first change started the review: undoing it leaves none.
    expect(await readCaseReview(db, caseId)).toBeNull();
    expect(await undoableEdit(db, caseId)).toBeNull();
    expect(await undoReviewEdit(db, caseId)).toBeNull();
    const trail = await readTrail(db, caseId);
    expect(trail.slice(-2).map((e) => e.what)).toEqual(['Undone: Finding N1 changed', 'Undone: Finding N1 added']);
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('does not have the case read and indexed again when only the review changes', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const before = await caseVersion(db, caseId);
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Words.') }] });
    expect(await caseVersion(db, caseId)).toBe(before);
    db.close();
  });

  it('does not read the whole review again to see whether the case changed when a document is written from it, and sees the next edit', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Words.') }] });
    const before = await caseVersion(db, caseId);
    await recordDocumentWritten(db, caseId, 'Wrote the review as a Word document.');
    const reads = vi.spyOn(db.reviewItems, 'where');
    expect(await caseVersion(db, caseId)).toBe(before);
    expect(reads).not.toHaveBeenCalled();
    // A change to the review is a new sum: read again, and still not a change to what the engine reads.
    await editReview(db, caseId, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('Other words.') }] });
    expect(await caseVersion(db, caseId)).toBe(before);
    expect(reads).toHaveBeenCalled();
    db.close();
  });

  it('goes out in the case file with its trail, verifies, and comes back in the same order', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Findings added', changes: [{ key: 'review:finding:N2', after: { ...finding('B.'), id: 'N2' } }, { key: 'review:finding:N1', after: finding('A.') }] });
    const bundle = await caseBundleOf(db, caseId);
    if (!bundle) throw new Error('no case');
    expect(bundle.review?.findings?.map((f) => f.id)).toEqual(['N2', 'N1']);
    const read = readCaseBundle(JSON.stringify(bundle));
    if (!read.ok) throw new Error(read.message);
    expect(verifyBundle(read.bundle, [])).toMatchObject({ ok: true });
    await storeCaseBundle(db, read.bundle, { kind: 'restore', what: 'Restored' });
    expect((await readCaseReview(db, caseId))?.findings.map((f) => f.id)).toEqual(['N2', 'N1']);
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('fails the trail check when a review item is changed on disk', async () => {
    const { open, caseId, onDisk } = await demoStore();
    const db = open();
    await editReview(db, caseId, { what: 'Finding N1 added', changes: [{ key: 'review:finding:N1', after: finding('Kept.') }] });
    db.close();
    // Someone with the disk puts back a copy of another item in its place: it still decrypts, under its own key.
    await onDisk(async (raw) => {
      await raw.table('reviewItems').delete([caseId, 'review:finding:N1']);
    });
    const again = open();
    expect(await checkTrail(again, caseId, 'quick')).toMatchObject({ ok: false });
    expect(await checkTrail(again, caseId, 'full')).toMatchObject({ ok: false, row: 'review:finding:N1' });
    again.close();
  });
});
