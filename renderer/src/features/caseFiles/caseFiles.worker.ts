/// <reference lib="webworker" />
// Whole-case work off the main thread. One job per worker: it opens the store with the key it is given, does the job
// (app/caseFileJobs.ts) and answers once. A job that fails part-way stores nothing: each change is one transaction.
import { caseFileJobs } from '../../app/caseFileJobs.js';
import type { ForesightDb } from '../../store/db.js';
import { openSealed } from '../../store/openSealed.js';
import { isDamage } from '../../store/sealing.js';
import { CaseFileProblem, type CaseFileJob, type FromCaseFileWorker, type ToCaseFileWorker } from '../../app/caseFileProtocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ToCaseFileWorker>) => {
  const { dataKey, job } = event.data;
  const db = openSealed(dataKey);
  let answer: FromCaseFileWorker;
  try {
    const run = caseFileJobs[job.type] as (db: ForesightDb, job: CaseFileJob) => Promise<unknown>;
    answer = { ok: true, result: await run(db, job) };
  } catch (e) {
    answer = { ok: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof CaseFileProblem ? { about: e.about } : {}), ...(isDamage(e) ? { damaged: true as const } : {}) };
  }
  db.close();
  self.postMessage(answer);
};
