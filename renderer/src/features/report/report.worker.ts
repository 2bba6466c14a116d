/// <reference lib="webworker" />
// The review written as a document, off the window's thread (app/reportProtocol.ts). One job per worker; the window
// ends the worker to cancel. Nothing is stored: a document is only read from the case.
import { makeReport, type ReportPorts } from '../../../../shared/report/make.js';
import type { ElkLike } from '../../../../shared/review/mapLayout.js';
import { redactionPlanOf, reportInputOf } from '../../app/reportJobs.js';
import type { FromReportWorker, ToReportWorker } from '../../app/reportProtocol.js';
import { openSealed } from '../../store/openSealed.js';
import { isDamage } from '../../store/sealing.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromReportWorker) => self.postMessage(message);

/** Answers from the window to a request to draw figures as PNG, in the order asked. */
let pngsWanted: ((pngs: Uint8Array[]) => void) | null = null;

async function elk(): Promise<ElkLike> {
  // elk's bundled build takes over `self.onmessage` in a worker (as it loads, and as an ELK is made): put this
  // worker's handler back once both are done.
  const handler = self.onmessage;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  self.onmessage = handler;
  return elk;
}

/** Figures drawn as PNG by the window, which has the canvas a worker lacks for SVG. */
const rasterise: ReportPorts['rasterise'] = (figures) =>
  new Promise((resolve) => {
    pngsWanted = resolve;
    post({ type: 'rasterise', figures: [...figures] });
  });

/** The ports of one job. elk (1.5 MB of code) starts loading with the job, alongside reading the case, not after it. */
const portsFor = (format: string): ReportPorts => {
  const elkReady = format === 'csv' ? null : elk();
  return { elk: () => elkReady ?? elk(), rasterise };
};

self.onmessage = async (event: MessageEvent<ToReportWorker>) => {
  const message = event.data;
  if (message.type === 'pngs') {
    pngsWanted?.(message.pngs);
    pngsWanted = null;
    return;
  }
  const { dataKey, job } = message;
  const db = openSealed(dataKey);
  try {
    if (job.type === 'plan') post({ type: 'done', result: await redactionPlanOf(db, job.caseId, new Date(job.now)) });
    else {
      const ports = portsFor(job.format);
      const input = await reportInputOf(db, job.caseId, new Date(job.now));
      const steps = makeReport(input, job.format, job.plan, ports);
      for (;;) {
        const next = await steps.next();
        if (next.done) {
          post({ type: 'done', result: next.value });
          break;
        }
        post({ type: 'progress', progress: next.value });
      }
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e), ...(isDamage(e) ? { damaged: true as const } : {}) });
  } finally {
    db.close();
  }
};
