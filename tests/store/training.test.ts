import { describe, expect, it } from 'vitest';
import { readTrail } from '../../renderer/src/store/audit.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { caseVersion } from '../../renderer/src/store/caseData.js';
import { storeCaseBundle } from '../../renderer/src/store/cases.js';
import { addSession, editTraining, readTraining, saveAnswer, undoTrainingEdit } from '../../renderer/src/store/training.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { caseFileJobs } from '../../renderer/src/app/caseFileJobs.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { movePoint, putPoint, putWalkthroughDetails, removePoint } from '../../shared/training/walkthroughEdits.js';
import { decryptBundle } from '../../shared/bundle/encryption.js';
import type { CaseTraining, DecisionPoint } from '../../shared/training/walkthrough.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import { demoStore } from './helpers.js';

const point = (id: string): DecisionPoint => ({ id, at: '2023-10-30T13:00', title: `Point ${id}`, question: 'Recall now?', options: ['Recall', 'Warn'], actual: 'Warned.' });
const session = { id: 'S1', at: '2026-12-01T10:00:00.000Z', mode: 'walkthrough' as const, groups: [{ id: 'G1', name: 'The room', toldOutcome: false }], answers: [] };

/** A walkthrough of two points, D1 then D2, made a change at a time as the editor makes it. */
async function twoPoints(db: ForesightDb, caseId: string): Promise<CaseTraining> {
  await editTraining(db, caseId, putWalkthroughDetails(undefined, 'Case study', 'A further offence.'));
  for (const id of ['D1', 'D2']) {
    const now = await readTraining(db, caseId);
    if (!now?.walkthrough) throw new Error('no walkthrough');
    await editTraining(db, caseId, putPoint(now.walkthrough, point(id)));
  }
  return (await readTraining(db, caseId)) as CaseTraining;
}

describe('a case’s walkthrough in the store', () => {
  it('saves each change as a signed edit entry naming its rows, and the trail stays intact at both depths', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const before = (await readTrail(db, caseId)).length;
    const training = await twoPoints(db, caseId);
    const trail = await readTrail(db, caseId);
    expect(trail.slice(before).map((e) => [e.kind, e.what, Object.keys(e.rows ?? {})])).toEqual([
      ['edit', 'Walkthrough "Case study" started', ['training:walkthrough']],
      ['edit', 'Decision point D1 added: "Point D1", at 30 Oct 2023, 13:00', ['training:point:D1', 'training:walkthrough']],
      ['edit', 'Decision point D2 added: "Point D2", at 30 Oct 2023, 13:00', ['training:point:D2', 'training:walkthrough']],
    ]);
    expect(trail.at(-1)?.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(training.walkthrough?.points.map((p) => p.id)).toEqual(['D1', 'D2']);
    await editTraining(db, caseId, movePoint(training.walkthrough as NonNullable<CaseTraining['walkthrough']>, 'D2', -1) as NonNullable<ReturnType<typeof movePoint>>);
    expect((await readTraining(db, caseId))?.walkthrough?.points.map((p) => p.id)).toEqual(['D2', 'D1']);
    await editTraining(db, caseId, removePoint((await readTraining(db, caseId))?.walkthrough as NonNullable<CaseTraining['walkthrough']>, 'D1'));
    expect((await readTraining(db, caseId))?.walkthrough?.points.map((p) => p.id)).toEqual(['D2']);
    expect(await checkTrail(db, caseId, 'quick')).toMatchObject({ ok: true });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('refuses a point the walkthrough’s order does not name, storing nothing', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await twoPoints(db, caseId);
    const entries = (await readTrail(db, caseId)).length;
    await expect(editTraining(db, caseId, { what: 'Stray', changes: [{ key: 'training:point:D9', after: point('D9') }] })).rejects.toThrow(/not be valid after this change \(decision point D9 is not in/);
    await expect(editTraining(db, caseId, { what: 'Bad', changes: [{ key: 'training:point:D1', after: { ...point('D1'), options: ['Only one'] } }] })).rejects.toThrow(/walkthrough\.points\.0\.options/);
    expect(await readTrail(db, caseId)).toHaveLength(entries);
    db.close();
  });

  it('undoes the newest change first, each undo an entry of its own, as far as the walkthrough’s start', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const training = await twoPoints(db, caseId);
    await editTraining(db, caseId, removePoint(training.walkthrough as NonNullable<CaseTraining['walkthrough']>, 'D1'));
    expect(await undoTrainingEdit(db, caseId)).toBe('Decision point D1 deleted ("Point D1")');
    expect((await readTraining(db, caseId))?.walkthrough?.points.map((p) => p.id)).toEqual(['D1', 'D2']);
    expect(await undoTrainingEdit(db, caseId)).toBe('Decision point D2 added: "Point D2", at 30 Oct 2023, 13:00');
    expect(await undoTrainingEdit(db, caseId)).toMatch(/^Decision point D1 added/);
    expect(await undoTrainingEdit(db, caseId)).toBe('Walkthrough "Case study" started');
    expect(await readTraining(db, caseId)).toBeNull();
    expect(await undoTrainingEdit(db, caseId)).toBeNull();
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('keeps a session and replaces a group’s answer at a point, and the case is not read again for it', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const version = await caseVersion(db, caseId);
    await twoPoints(db, caseId);
    await addSession(db, caseId, session);
    await saveAnswer(db, caseId, 'S1', { point: 'D1', group: 'G1', choice: 0 });
    await saveAnswer(db, caseId, 'S1', { point: 'D1', group: 'G1', choice: 1 });
    await saveAnswer(db, caseId, 'S1', { point: 'D2', group: 'G1', choice: 0 });
    expect((await readTraining(db, caseId))?.sessions[0]?.answers).toEqual([{ point: 'D1', group: 'G1', choice: 1 }, { point: 'D2', group: 'G1', choice: 0 }]);
    expect((await readTrail(db, caseId)).at(-1)?.what).toBe("Session S1: The room's answer at decision point D2 saved");
    await expect(saveAnswer(db, caseId, 'S9', { point: 'D1', group: 'G1', choice: 0 })).rejects.toThrow('Session S9 is not part of this case.');
    expect(await caseVersion(db, caseId)).toBe(version);
    db.close();
  });

  it('goes out in the case file with its sessions, verifies, and comes back in the same order', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    const training = await twoPoints(db, caseId);
    await editTraining(db, caseId, movePoint(training.walkthrough as NonNullable<CaseTraining['walkthrough']>, 'D2', -1) as NonNullable<ReturnType<typeof movePoint>>);
    await addSession(db, caseId, session);
    const bundle = await caseBundleOf(db, caseId);
    if (!bundle) throw new Error('no case');
    expect(bundle.training?.walkthrough?.points?.map((p) => p.id)).toEqual(['D2', 'D1']);
    const read = readCaseBundle(JSON.stringify(bundle));
    if (!read.ok) throw new Error(read.message);
    expect(verifyBundle(read.bundle)).toMatchObject({ ok: true });
    await storeCaseBundle(db, read.bundle, { kind: 'restore', what: 'Restored' });
    const back = await readTraining(db, caseId);
    expect(back?.walkthrough?.points.map((p) => p.id)).toEqual(['D2', 'D1']);
    expect(back?.sessions.map((s) => s.id)).toEqual(['S1']);
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    db.close();
  });

  it('fails verify on a case file whose decision point was changed, naming the point', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await twoPoints(db, caseId);
    const bundle = await caseBundleOf(db, caseId);
    if (!bundle?.training?.walkthrough?.points) throw new Error('no walkthrough');
    const changed = { ...bundle, training: { ...bundle.training, walkthrough: { ...bundle.training.walkthrough, points: bundle.training.walkthrough.points.map((p) => (p.id === 'D2' ? { ...p, actual: 'Recalled at once.' } : p)) } } };
    expect(verifyBundle(changed)).toMatchObject({ ok: false, row: 'training:point:D2' });
    db.close();
  });

  it('fails the trail check when a decision point is taken out on disk', async () => {
    const { open, caseId, onDisk } = await demoStore();
    const db = open();
    await twoPoints(db, caseId);
    db.close();
    await onDisk(async (raw) => {
      await raw.table('trainingItems').delete([caseId, 'training:point:D1']);
    });
    const again = open();
    expect(await checkTrail(again, caseId, 'quick')).toMatchObject({ ok: false });
    // The walkthrough read back no longer holds D1 in its order: its own row is the first that differs.
    expect(await checkTrail(again, caseId, 'full')).toMatchObject({ ok: false, row: 'training:walkthrough' });
    again.close();
  });

  it('saves a training pack whose newest entry marks it, and refuses one with no decision points', async () => {
    const { open, caseId } = await demoStore();
    const db = open();
    await editTraining(db, caseId, putWalkthroughDetails(undefined, 'Case study', ''));
    await expect(caseFileJobs.trainingPack(db, { type: 'trainingPack', caseId, passphrase: 'a long passphrase', fileName: 'pack.foresight' })).rejects.toThrow(/no decision points yet/);
    await twoPoints(db, caseId);
    const { bytes } = await caseFileJobs.trainingPack(db, { type: 'trainingPack', caseId, passphrase: 'a long passphrase', fileName: 'pack.foresight' });
    const json = await decryptBundle(bytes, 'a long passphrase');
    if (!json.ok) throw new Error(json.message);
    const read = readCaseBundle(json.json);
    if (!read.ok) throw new Error(read.message);
    expect(read.bundle.audit.at(-1)).toMatchObject({ kind: 'bundleSent', what: 'Saved as an encrypted training pack (pack.foresight)', after: { trainingPack: true } });
    expect(verifyBundle(read.bundle)).toMatchObject({ ok: true });
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>]) as File;
    const opened = await caseFileJobs.open(db, { type: 'open', file, passphrase: 'a long passphrase', fileName: 'pack.foresight' });
    expect(opened.cases.map((c) => c.trainingPack)).toEqual([true]);
    db.close();
  });
});
