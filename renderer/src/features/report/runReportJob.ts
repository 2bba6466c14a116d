import { pictureScale } from '../../../../shared/report/figureTypes.js';
import type { ReportProgress } from '../../../../shared/report/build.js';
import { holdKey, StoppedByLock } from '../../store/keyHolders.js';
import { StoredValueDamaged } from '../../app/caseFileProtocol.js';
import type { FromReportWorker, ReportJob, ReportResults, ToReportWorker } from '../../app/reportProtocol.js';
import { rasterise } from './rasterise.js';

/** A document the person stopped: nothing was written. */
export class ReportCancelled extends Error {
  constructor() {
    super('Stopped: nothing was written.');
  }
}

/**
 * Run one report job in its own worker, showing its progress; `signal` stops it at once (the worker is ended). The
 * worker asks the window to draw figures as PNG, the one step that needs a canvas.
 */
export function runReportJob<J extends ReportJob>(
  dataKey: Uint8Array,
  job: J,
  options: { signal?: AbortSignal; onProgress?: (p: ReportProgress) => void } = {},
): Promise<ReportResults[J['type']]> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ReportCancelled());
    const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
    const released = holdKey(worker, () => reject(new StoppedByLock()));
    const end = () => {
      released();
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      end();
      reject(new ReportCancelled());
    };
    options.signal?.addEventListener('abort', cancel);
    const send = (message: ToReportWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
    worker.onmessage = async (e: MessageEvent<FromReportWorker>) => {
      const m = e.data;
      if (m.type === 'progress') options.onProgress?.(m.progress);
      else if (m.type === 'rasterise') {
        // One figure at a time, each a short task: the window stays responsive. One that cannot be drawn goes back
        // empty, and the document says so in its place.
        const pngs: Uint8Array[] = [];
        for (const figure of m.figures) {
          if (options.signal?.aborted) return;
          pngs.push(await rasterise(figure, pictureScale(figure)).catch(() => new Uint8Array(0)));
        }
        send({ type: 'pngs', pngs }, pngs.map((p) => p.buffer as ArrayBuffer));
      } else {
        end();
        if (m.type === 'done') resolve(m.result as ReportResults[J['type']]);
        else reject(m.damaged ? new StoredValueDamaged(m.message) : new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message || 'The work stopped unexpectedly.'));
    };
    send({ type: 'job', dataKey, job });
  });
}
