import { holdKey, StoppedByLock } from '../../store/keyHolders.js';
import { CaseFileProblem, StoredValueDamaged, type CaseFileJob, type CaseFileResults, type FromCaseFileWorker } from '../../app/caseFileProtocol.js';

/** Run one whole-case job in its own worker; the worker ends with the job. A case file it cannot open rejects with a CaseFileProblem;
 * a stored value that would not open, with StoredValueDamaged. */
export function runCaseFileJob<J extends CaseFileJob>(dataKey: Uint8Array, job: J): Promise<CaseFileResults[J['type']]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./caseFiles.worker.ts', import.meta.url), { type: 'module' });
    const released = holdKey(worker, () => reject(new StoppedByLock()));
    const end = () => {
      released();
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<FromCaseFileWorker>) => {
      end();
      if (e.data.ok) resolve(e.data.result as CaseFileResults[J['type']]);
      else reject(e.data.about ? new CaseFileProblem(e.data.message, e.data.about) : e.data.damaged ? new StoredValueDamaged(e.data.message) : new Error(e.data.message));
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message || 'The work stopped unexpectedly.'));
    };
    worker.postMessage({ dataKey, job });
  });
}
