import { useCallback, useRef, useState } from 'react';
import type { ReportProgress } from '../../../../shared/report/build.js';
import type { DrawnFigure } from '../../../../shared/report/figureTypes.js';
import type { ReportDocument } from '../../../../shared/report/document.js';
import type { ReportFormat } from '../../../../shared/report/formats.js';
import type { RedactionPlan } from '../../../../shared/report/redaction.js';
import { bridge } from '../../bridge/index.js';
import { useDataKey, useDb } from '../../store/context.js';
import { recordDocumentWritten } from '../../store/documents.js';
import { ReportCancelled, runReportJob } from './runReportJob.js';
import { reachedFile, savedWords, type SaveAnswer } from './savedWords.js';

export const FORMAT_NAMES: Record<ReportFormat, string> = {
  docx: 'Word document',
  print: 'PDF (from the print view)',
  html: 'Web page (HTML)',
  csv: 'Chronology spreadsheet (CSV)',
};

const KINDS = { docx: 'docx', html: 'html', csv: 'csv' } as const;

/** Each document in the words of a sentence: what the button writes, and what the trail says was written. */
export const FORMAT_WORDS: Record<ReportFormat | 'pdf', { writing: string; wrote: string }> = {
  docx: { writing: 'the Word document', wrote: 'a Word document' },
  print: { writing: 'the print view', wrote: 'a PDF' },
  pdf: { writing: 'the PDF', wrote: 'a PDF' },
  html: { writing: 'the web page', wrote: 'a web page (HTML)' },
  csv: { writing: 'the chronology spreadsheet', wrote: 'its chronology as a spreadsheet (CSV)' },
};

export type WriterState =
  | { state: 'idle' }
  | { state: 'working'; format: ReportFormat; progress: ReportProgress | null }
  | { state: 'printing'; doc: ReportDocument; figures: ReadonlyMap<string, DrawnFigure>; fileName: string; redacted: boolean }
  /** `unrecorded`: the document was saved, but the trail entry saying so could not be stored, and why. */
  | { state: 'done'; said: string; unrecorded?: string }
  | { state: 'stopped' }
  | { state: 'failed'; message: string };

/** What the trail says was written: `Wrote the review as a Word document (redacted copy for victims and families), saved as …`. */
function trailWords(format: ReportFormat | 'pdf', redacted: boolean, said: string): string {
  return `Wrote the review as ${FORMAT_WORDS[format].wrote}${redacted ? ' (redacted copy for victims and families)' : ''}. ${said}.`;
}

/**
 * Writing the review as a document: run the report worker with progress and a Cancel that works, save the file where
 * the person chooses, say where, and record it in the case's trail. PDF goes through the print view.
 */
export function useDocumentWriter(caseId: string) {
  const db = useDb();
  const dataKey = useDataKey();
  const [state, setState] = useState<WriterState>({ state: 'idle' });
  const running = useRef<AbortController | null>(null);

  const finish = useCallback(
    async (format: ReportFormat | 'pdf', redacted: boolean, fileName: string, answer: SaveAnswer) => {
      const said = savedWords(answer, fileName);
      if (reachedFile(answer)) {
        // The file is saved whatever happens next: a trail that cannot take the entry is said apart from it.
        try {
          await recordDocumentWritten(db, caseId, trailWords(format, redacted, said));
        } catch (e) {
          setState({ state: 'done', said, unrecorded: e instanceof Error ? e.message : String(e) });
          return;
        }
      }
      setState({ state: 'done', said });
    },
    [db, caseId],
  );

  const write = useCallback(
    async (format: ReportFormat, plan: RedactionPlan | null) => {
      const controller = new AbortController();
      running.current = controller;
      setState({ state: 'working', format, progress: null });
      try {
        const made = await runReportJob(dataKey, { type: 'make', caseId, format, plan, now: new Date().toISOString() }, { signal: controller.signal, onProgress: (progress) => setState({ state: 'working', format, progress }) });
        if (made.format === 'print') setState({ state: 'printing', doc: made.doc, figures: new Map(made.figures), fileName: made.fileName, redacted: plan !== null });
        else await finish(made.format, plan !== null, made.fileName, await bridge.saveDocument({ suggestedName: made.fileName, kind: KINDS[made.format], data: made.bytes }));
      } catch (e) {
        setState(e instanceof ReportCancelled ? { state: 'stopped' } : { state: 'failed', message: e instanceof Error ? e.message : String(e) });
      } finally {
        running.current = null;
      }
    },
    [dataKey, caseId, finish],
  );

  const savePdf = useCallback(async () => {
    if (state.state !== 'printing') return;
    try {
      await finish('pdf', state.redacted, state.fileName, await bridge.printToPdf({ suggestedName: state.fileName }));
    } catch (e) {
      setState({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }, [state, finish]);

  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => setState({ state: 'idle' }), []);
  const planOf = useCallback(() => runReportJob(dataKey, { type: 'plan', caseId, now: new Date().toISOString() }), [dataKey, caseId]);
  return { state, write, cancel, reset, savePdf, planOf };
}
