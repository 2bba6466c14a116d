/// <reference lib="webworker" />
// Whole-case work off the main thread. One job per worker: it opens the store with the key it is given, does the job
// and answers once. A job that fails part-way stores nothing: each change is one transaction.
import { everythingJson } from '../../../../shared/bundle/caseFile.js';
import { encryptBundle } from '../../../../shared/bundle/encryption.js';
import type { CaseBundle } from '../../../../shared/schemas/index.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { appendAudit, currentUser, trailTables } from '../../store/audit.js';
import { backupBundle, dailyBackupDue, makeBackup } from '../../store/backups.js';
import { caseBundleOf } from '../../store/caseBundle.js';
import { listCases, storeCaseBundle } from '../../store/cases.js';
import { openDatabase, type ForesightDb } from '../../store/db.js';
import { sealerFor } from '../../store/sealing.js';
import { checkTrail, type TrailCheckDepth } from '../../store/trailCheck.js';
import { readCaseFile } from './readCaseFile.js';
import { CaseFileProblem, type CaseFileJob, type CaseFileResults, type FromCaseFileWorker, type ToCaseFileWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

async function bundleOrFail(db: ForesightDb, caseId: string): Promise<CaseBundle> {
  const bundle = await caseBundleOf(db, caseId);
  if (!bundle) throw new Error('That case no longer exists.');
  return bundle;
}

const jobs: { [K in CaseFileJob['type']]: (db: ForesightDb, job: Extract<CaseFileJob, { type: K }>) => Promise<CaseFileResults[K]> } = {
  async check(db, { caseId, depth }) {
    // The first check of a day is a full one, and makes the day's backup when the case passes it. A quick check that
    // fails is followed by a full one, which names the first entry or row that differs.
    const daily = await dailyBackupDue(db, caseId);
    if (depth === 'daily' && !daily) return null;
    let done: TrailCheckDepth = depth === 'quick' && !daily ? 'quick' : 'full';
    let trail = await checkTrail(db, caseId, done);
    if (trail && !trail.ok && done === 'quick') {
      done = 'full';
      trail = await checkTrail(db, caseId, done);
    }
    if (!trail) throw new Error('That case no longer exists.');
    const backedUp = trail.ok && daily && (await makeBackup(db, caseId, 'daily')) !== null;
    return { trail, depth: done, backedUp };
  },

  async export(db, { caseId, passphrase, fileName }) {
    // The export is recorded first, so the file carries the entry that says it was sent.
    const who = await currentUser(db);
    await db.transaction('rw', trailTables(db), () => appendAudit(db, caseId, { at: new Date().toISOString(), who, kind: 'bundleSent', what: `Exported as an encrypted case file (${fileName})` }));
    const bundle = await bundleOrFail(db, caseId);
    return { bytes: await encryptBundle(JSON.stringify(bundle), passphrase) };
  },

  async exportEverything(db, { passphrase }) {
    const cases = await listCases(db);
    const bundles: CaseBundle[] = [];
    const who = await currentUser(db);
    for (const c of cases) {
      await db.transaction('rw', trailTables(db), () => appendAudit(db, c.id, { at: new Date().toISOString(), who, kind: 'export', what: 'Exported with every case on this computer ("export everything")' }));
      bundles.push(await bundleOrFail(db, c.id));
    }
    return { bytes: await encryptBundle(everythingJson(bundles, new Date()), passphrase), cases: bundles.length };
  },

  async open(db, { file, passphrase }) {
    const bundles = await readCaseFile(file, passphrase);
    const here = new Set((await db.cases.toCollection().primaryKeys()) as string[]);
    return {
      cases: bundles.map((b) => ({ id: b.case.id, title: b.case.title, crn: b.case.crn, records: b.records.length, entries: b.audit.length, alreadyHere: here.has(b.case.id) })),
    };
  },

  async receive(db, { file, passphrase, fileName }) {
    const bundles = await readCaseFile(file, passphrase);
    for (const bundle of bundles) {
      // A case being replaced is backed up first: receiving a file never loses what was here.
      if (await db.cases.get(bundle.case.id)) await makeBackup(db, bundle.case.id, 'beforeRestore');
      await storeCaseBundle(db, bundle, { kind: 'bundleReceived', what: `Received from an encrypted case file (${fileName})` });
    }
    return { caseIds: bundles.map((b) => b.case.id) };
  },

  async restore(db, { backupId }) {
    const backup = await db.backups.get(backupId);
    if (!backup) throw new Error('That backup no longer exists.');
    const bundle = await backupBundle(db, backupId);
    if (await db.cases.get(bundle.case.id)) await makeBackup(db, bundle.case.id, 'beforeRestore');
    await storeCaseBundle(db, bundle, { kind: 'restore', what: `Restored from the backup of ${formatInstant(backup.at)}` });
    return { caseId: bundle.case.id };
  },

  async backup(db, { caseId, reason }) {
    return { made: (await makeBackup(db, caseId, reason)) !== null };
  },
};

self.onmessage = async (event: MessageEvent<ToCaseFileWorker>) => {
  const { dataKey, job } = event.data;
  const db = openDatabase(undefined, { sealer: sealerFor(dataKey) });
  let answer: FromCaseFileWorker;
  try {
    const run = jobs[job.type] as (db: ForesightDb, job: CaseFileJob) => Promise<unknown>;
    answer = { ok: true, result: await run(db, job) };
  } catch (e) {
    answer = { ok: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof CaseFileProblem ? { about: e.about } : {}) };
  }
  db.close();
  self.postMessage(answer);
};
