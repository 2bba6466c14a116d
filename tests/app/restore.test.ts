import { gzipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { caseFileJobs } from '../../renderer/src/app/caseFileJobs.js';
import { loadDemoCase } from '../../renderer/src/features/demo/loadDemo.js';
import { readEntries } from '../../renderer/src/store/audit.js';
import { listBackups, makeBackup } from '../../renderer/src/store/backups.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import type { ForesightDb } from '../../renderer/src/store/db.js';
import { checkTrail } from '../../renderer/src/store/trailCheck.js';
import { encryptBundle } from '../../shared/bundle/encryption.js';
import type { ContactRecord } from '../../shared/schemas/index.js';
import { demoBytes } from '../helpers/demoFiles.js';
import { freshDbAs } from '../store/helpers.js';

let db: ForesightDb;
afterEach(() => db?.close());

/** A store holding the demo case and a backup of it. */
async function withBackup() {
  ({ db } = await freshDbAs());
  const demo = await loadDemoCase(db, async (name) => demoBytes(name));
  const backup = await makeBackup(db, demo.id, 'daily', new Date('2026-11-30T09:00:00Z'));
  if (!backup) throw new Error('no backup');
  return { caseId: demo.id, backup };
}

/** Lose a block of the case's records, as a disk fault or someone with the disk could. */
async function loseBlock(caseId: string) {
  const [block] = await db.blocks.where('caseId').equals(caseId).filter((b) => b.table === 'records').toArray();
  if (!block) throw new Error('no block');
  await db.blocks.delete([caseId, block.table, block.block]);
}

describe('backups and restores check the trail first', () => {
  it('refuses to restore a backup that does not match its own trail, and leaves the case as it was', async () => {
    const { caseId, backup } = await withBackup();
    const inBackup = await caseBundleOf(db, caseId);
    if (!inBackup) throw new Error('no case');
    const [first, ...rest] = inBackup.records as ContactRecord[];
    const altered = { ...inBackup, records: [{ ...(first as ContactRecord), notes: 'Rewritten after the event' }, ...rest] };
    await db.backupData.put({ id: backup.id, bytes: gzipSync(strToU8(JSON.stringify(altered))) });
    const entries = (await readEntries(db, caseId)).length;

    await expect(caseFileJobs.restore(db, { type: 'restore', backupId: backup.id })).rejects.toThrow(/does not match its own audit trail .* cannot be restored/);
    expect((await readEntries(db, caseId)).length).toBe(entries);
    expect(await listBackups(db, caseId)).toHaveLength(1);
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
  });

  it('makes no backup of a case whose check fails', async () => {
    const { caseId } = await withBackup();
    await loseBlock(caseId);
    await expect(makeBackup(db, caseId, 'import')).rejects.toThrow(/No backup was made: the case does not match its audit trail/);
    expect(await listBackups(db, caseId)).toHaveLength(1);
  });

  it('restores a sound backup over a damaged case, keeping no backup of the damaged one, and says so in the trail', async () => {
    const { caseId, backup } = await withBackup();
    await loseBlock(caseId);
    await caseFileJobs.restore(db, { type: 'restore', backupId: backup.id });
    expect(await checkTrail(db, caseId, 'full')).toMatchObject({ ok: true });
    expect((await listBackups(db, caseId)).map((b) => b.reason)).toEqual(['daily']);
    const last = (await readEntries(db, caseId)).at(-1);
    expect(last?.what).toMatch(/^Restored from the backup of .*; the case it replaced did not check out, so no backup of it was kept$/);
  });
});

describe('a case file written before audit trails', () => {
  it('opens as "no trail: unverified", never intact, and its receipt says so in the trail it starts', async () => {
    const { caseId } = await withBackup();
    const bundle = await caseBundleOf(db, caseId);
    const v1 = { ...bundle, case: { ...bundle?.case, id: 'old-case' }, schemaVersion: 1 } as Record<string, unknown>;
    delete v1.audit;
    delete v1.signers;
    const bytes = await encryptBundle(JSON.stringify(v1), 'a long passphrase');
    const job = { file: new File([bytes as Uint8Array<ArrayBuffer>], 'old.foresight'), passphrase: 'a long passphrase', fileName: 'old.foresight' };

    const opened = await caseFileJobs.open(db, { type: 'open', ...job });
    expect(opened.cases).toMatchObject([{ id: 'old-case', unverified: true, signers: [], unsigned: 0 }]);
    await caseFileJobs.receive(db, { type: 'receive', ...job });
    expect((await readEntries(db, 'old-case')).map((e) => e.what)).toEqual(['Received from an encrypted case file (old.foresight), written before audit trails: no trail, unverified']);
  });
});
