import { pictureScale } from '../../../../shared/report/figureTypes.js';
import type { ReportProgress } from '../../../../shared/report/build.js';
import { runWorkerJob } from '../../app/workerJob.js';
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
  const message: ToReportWorker = { type: 'job', dataKey, job };
  return runWorkerJob<ReportResults[J['type']], FromReportWorker>(() => new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' }), message, {
    ...(options.signal ? { signal: options.signal } : {}),
    cancelled: () => new ReportCancelled(),
    onMessage: async (m, send) => {
      if (m.type === 'progress') return options.onProgress?.(m.progress);
      // One figure at a time, each a short task: the window stays responsive. One that cannot be drawn goes back
      // empty, and the document says so in its place.
      const pngs: Uint8Array[] = [];
      for (const figure of m.figures) {
        if (options.signal?.aborted) return;
        pngs.push(await rasterise(figure, pictureScale(figure)).catch(() => new Uint8Array(0)));
      }
      const reply: ToReportWorker = { type: 'pngs', pngs };
      send(reply, pngs.map((p) => p.buffer as ArrayBuffer));
    },
  });
}
