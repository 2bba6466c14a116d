import type { ReportProgress } from '../../../shared/report/build.js';
import type { DrawnFigure } from '../../../shared/report/figureTypes.js';
import type { ReportDocument } from '../../../shared/report/document.js';
import type { MadeReport, ReportFormat } from '../../../shared/report/formats.js';
import type { RedactionPlan } from '../../../shared/report/redaction.js';

/**
 * The review written as a document, in a worker of its own so the window stays responsive with 100,000 records and
 * Cancel can end it at once: the worker reads the case from the store, builds the document and writes the format.
 * Drawing figures as PNG needs a canvas, which a worker lacks for SVG, so it asks the window for that one step.
 */
export type ReportJob =
  /** What a redacted copy would replace, for the person to see and adjust before anything is written. */
  | { type: 'plan'; caseId: string; now: string }
  | { type: 'make'; caseId: string; format: ReportFormat; plan: RedactionPlan | null; now: string };

export interface ReportResults {
  plan: { plan: RedactionPlan; doc: ReportDocument };
  make: MadeReport;
}

export type ToReportWorker = { type: 'job'; dataKey: Uint8Array; job: ReportJob } | { type: 'pngs'; pngs: Uint8Array[] };

export type FromReportWorker =
  | { type: 'progress'; progress: ReportProgress }
  | { type: 'rasterise'; figures: DrawnFigure[] }
  | { type: 'done'; result: ReportResults[ReportJob['type']] }
  | { type: 'failed'; message: string; damaged?: true };
