import type { Progress } from '../../../../../shared/training/pseudonymise.js';
import type { StoringProgress } from './trainingCopyProtocol.js';
import { StoredValueDamaged } from '../../../app/caseFileProtocol.js';
import { holdKey, StoppedByLock } from '../../../store/keyHolders.js';
import type { FromTrainingCopyWorker, TrainingCopyJob, TrainingCopyResults, ToTrainingCopyWorker } from './trainingCopyProtocol.js';

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
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new TrainingCopyCancelled());
    const worker = new Worker(new URL('./trainingCopy.worker.ts', import.meta.url), { type: 'module' });
    const released = holdKey(worker, () => reject(new StoppedByLock()));
    const end = () => {
      released();
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      end();
      reject(new TrainingCopyCancelled());
    };
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (e: MessageEvent<FromTrainingCopyWorker>) => {
      const m = e.data;
      if (m.type === 'progress') return options.onProgress?.(m.progress);
      end();
      if (m.type === 'done') resolve(m.result as TrainingCopyResults[J['type']]);
      else reject(m.damaged ? new StoredValueDamaged(m.message) : new Error(m.message));
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message || 'The work stopped unexpectedly.'));
    };
    const message: ToTrainingCopyWorker = { dataKey, job };
    worker.postMessage(message);
  });
}
