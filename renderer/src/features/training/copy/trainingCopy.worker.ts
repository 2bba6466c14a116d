/// <reference lib="webworker" />
// A training copy made off the window's thread (trainingCopyProtocol.ts): one job per worker, its progress posted as
// it goes. The window ends the worker to cancel; a copy is stored in one transaction at the end, so a cancelled one
// stores nothing.
import { openSealed } from '../../../store/openSealed.js';
import { isDamage } from '../../../store/sealing.js';
import { trainingCopyJob } from './trainingCopyJobs.js';
import type { FromTrainingCopyWorker, ToTrainingCopyWorker } from './trainingCopyProtocol.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromTrainingCopyWorker) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToTrainingCopyWorker>) => {
  const { dataKey, job } = event.data;
  const db = openSealed(dataKey);
  try {
    post({ type: 'done', result: await trainingCopyJob(db, job, (progress) => post({ type: 'progress', progress })) });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e), ...(isDamage(e) ? { damaged: true as const } : {}) });
  }
  db.close();
};
