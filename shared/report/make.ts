import type { ElkLike } from '../review/mapLayout.js';
import type { CaseIndex } from '../engine/caseIndex.js';
import type { Review } from '../schemas/review.js';
import { reportSteps, type ReportInput, type ReportProgress } from './build.js';
import { chronologyCsvSteps } from './csv.js';
import type { ReportDocument } from './document.js';
import { documentDocx } from './docx.js';
import { drawFigures } from './figureSvgs.js';
import type { DrawnFigure } from './figureTypes.js';
import { documentHtml } from './html.js';
import { redactDocument, redactText, type RedactionPlan } from './redaction.js';
import { reportFileName, type MadeReport, type ReportFormat } from './formats.js';

/** What a format needs from its platform: elk for the systems map's layout, and SVG drawn as PNG (for Word). */
export interface ReportPorts {
  elk: () => Promise<ElkLike>;
  rasterise: (figures: readonly DrawnFigure[]) => Promise<Uint8Array[]>;
}


/**
 * Write the review as one document, a step at a time: build the tree, redact it when asked, draw its figures, then
 * write the format. Each yield is a point where the caller shows progress and may stop (the app runs this in a worker
 * and stops it by ending the worker; the command line runs it through).
 */
export async function* makeReport(
  input: ReportInput & { review: Review | null; index: CaseIndex },
  format: ReportFormat,
  plan: RedactionPlan | null,
  ports: ReportPorts,
): AsyncGenerator<ReportProgress, MadeReport> {
  const redactor = plan ? (s: string) => redactText(s, plan) : null;
  if (format === 'csv') {
    const title = input.review?.title ?? input.bundle.case.title;
    const steps = chronologyCsvSteps(input.index, input.review, redactor ?? undefined);
    for (;;) {
      const next = steps.next();
      if (next.done) return { format, fileName: reportFileName(redactor ? redactor(title) : title, format, plan !== null, true), bytes: new TextEncoder().encode(next.value) };
      yield { done: next.value.done, total: next.value.total, what: 'Chronology rows' };
    }
  }
  const steps = reportSteps(input);
  let built: ReportDocument;
  let total = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      built = next.value;
      break;
    }
    total = next.value.total + 3;
    yield { ...next.value, total };
  }
  const doc = plan ? redactDocument(built, plan) : built;
  yield { done: total - 3, total, what: 'Drawing the charts and the systems map' };
  const figures = await drawFigures(doc, await ports.elk());
  const fileName = reportFileName(doc.title, format, plan !== null);
  if (format === 'print') return { format, fileName, doc, figures: [...figures] };
  if (format === 'html') {
    yield { done: total - 1, total, what: 'Writing the web page' };
    return { format, fileName, bytes: new TextEncoder().encode(documentHtml(doc, figures)) };
  }
  yield { done: total - 2, total, what: 'Drawing the figures as pictures' };
  const drawn = [...figures];
  const pngs = await ports.rasterise(drawn.map(([, f]) => f));
  // A figure the platform could not draw as a picture comes back empty: the document then says it could not be drawn.
  const images = new Map(drawn.flatMap(([id, f], i) => (pngs[i]?.length ? [[id, { png: pngs[i], width: f.width, height: f.height }] as const] : [])));
  yield { done: total - 1, total, what: 'Writing the Word document' };
  return { format, fileName, bytes: await documentDocx(doc, images) };
}

/** Run makeReport to the end (the command line, tests). */
export async function makeReportWhole(...args: Parameters<typeof makeReport>): Promise<MadeReport> {
  const steps = makeReport(...args);
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
  }
}
