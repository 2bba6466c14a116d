import { describe, expect, it } from 'vitest';
import { trainingCopyJob } from '../../renderer/src/features/training/copy/trainingCopyJobs.js';
import type { TrainingPreview } from '../../renderer/src/features/training/copy/trainingCopyProtocol.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { listCases } from '../../renderer/src/store/cases.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { demoStore } from './helpers.js';

describe('a training copy made in the app', () => {
  it('previews without storing, then stores a new case whose trail is the one entry that made it, signed; the original is untouched', async () => {
    const store = await demoStore();
    const db = store.open();
    const before = JSON.stringify(await caseBundleOf(db, store.caseId));
    const progress: number[] = [];

    const preview = (await trainingCopyJob(db, { type: 'preview', caseId: store.caseId, shiftDays: -14 }, (p) => 'done' in p && progress.push(p.done))) as TrainingPreview;
    expect(preview.shiftDays).toBe(-14);
    expect(preview.key.names['James Whitfield']).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const kowalska = preview.toCheck.find((t) => t.word === 'Kowalska')!;
    expect(preview.texts[kowalska.where[0]!]).toContain('Kowalska');
    expect(await listCases(db)).toHaveLength(1);
    expect(progress.length).toBeGreaterThan(0);

    // Past the counted rows, the progress says what it is doing: the copy's trail, then storing it.
    const stages: (string | undefined)[] = [];
    const made = (await trainingCopyJob(db, { type: 'make', caseId: store.caseId, choices: { shiftDays: -14, extra: { Kowalska: 'Abbott' }, redact: [], confirmed: ['Zoë'] } }, (p) => stages.push(p.stage))) as { caseId: string };
    expect(stages.filter((s) => s !== undefined && s !== 'copy')).toEqual(['trail', 'store']);
    const cases = await listCases(db);
    expect(cases.map((c) => c.id).sort()).toEqual([made.caseId, store.caseId].sort());
    const copy = (await caseBundleOf(db, made.caseId))!;
    expect(copy.case.trainingCopy).toBe(true);
    expect(copy.audit).toHaveLength(1);
    expect(copy.audit[0]).toMatchObject({ kind: 'import', who: 'Test Reviewer', what: 'Training copy made: pseudonymised, every date moved by the same whole number of weeks' });
    const report = verifyBundle(copy);
    expect(report).toMatchObject({ ok: true, unsigned: [] });
    expect((await checkTrail(db, made.caseId, 'full'))?.ok).toBe(true);
    expect(JSON.stringify(copy)).not.toMatch(/Kowalska|Whitfield|X900417/);
    expect(JSON.stringify(await caseBundleOf(db, store.caseId))).toBe(before);
    db.close();
  });
});
