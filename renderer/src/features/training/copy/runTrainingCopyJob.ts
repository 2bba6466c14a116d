import type { Progress } from '../../../../../shared/training/pseudonymise.js';
import { runWorkerJob } from '../../../app/workerJob.js';
import type { FromTrainingCopyWorker, StoringProgress, TrainingCopyJob, TrainingCopyResults, ToTrainingCopyWorker } from './trainingCopyProtocol.js';

/** A copy the trainer stopped: nothing was stored. */
export class TrainingCopyCancelled extends Error {
  constructor() {
    super('Stopped: no training copy was made.');
  }
}

/** Run one training copy job in its own worker, with its progress; `signal` stops it at once (the worker is ended). */
export function runTrainingCopyJob<J extends TrainingCopyJob>(
  dataKey: Uint8Array,
  job: J,
  options: { signal?: AbortSignal; onProgress?: (p: Progress | StoringProgress) => void } = {},
): Promise<TrainingCopyResults[J['type']]> {
  const message: ToTrainingCopyWorker = { dataKey, job };
  return runWorkerJob<TrainingCopyResults[J['type']], FromTrainingCopyWorker>(() => new Worker(new URL('./trainingCopy.worker.ts', import.meta.url), { type: 'module' }), message, {
    ...(options.signal ? { signal: options.signal } : {}),
    cancelled: () => new TrainingCopyCancelled(),
    onMessage: (m) => options.onProgress?.(m.progress),
  });
}
