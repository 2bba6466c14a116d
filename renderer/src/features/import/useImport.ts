import { useCallback, useEffect, useRef, useState } from 'react';
import type { RowsByTable } from '../../../../shared/import/plan.js';
import type { ImportSurvey } from '../../../../shared/import/survey.js';
import type { Allocation, Case } from '../../../../shared/schemas/index.js';
import { useDataKey } from '../../store/context.js';
import { holdKey } from '../../store/keyHolders.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import type { FromWorker, ImportPreview, ImportTarget, MappingAnswer, MappingQuestion } from '../../app/importProtocol.js';

/** The backup every accepted import leaves, made once the import is stored. */
export type BackupState = { state: 'making' } | { state: 'made' } | { state: 'failed'; message: string };

export type ImportState =
  | { step: 'choose' }
  | { step: 'reading' | 'writing'; file: string; done: number; total: number; secondsLeft: number | null }
  | { step: 'mapping'; questions: MappingQuestion[] }
  /** Files read for a case still to be made: which CRNs they hold. */
  | { step: 'survey'; survey: ImportSurvey }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'stored'; caseId: string; written: RowsByTable; replaced: number; backup: BackupState }
  | { step: 'failed'; message: string };

/**
 * Runs one import in a worker, into a case (`into`), or into a case to be made from the files (`into` null: the files
 * are surveyed first, and the case is created with the import, in one transaction). Cancel terminates the worker:
 * nothing is stored before Accept, and a write that is cut short aborts its transaction, so the case stays as it was.
 */
export function useImport(into: ImportTarget | null) {
  const dataKey = useDataKey();
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const worker = useRef<Worker | null>(null);
  const released = useRef<() => void>(() => {});
  const startedAt = useRef(0);
  const target = useRef(into);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    released.current();
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (files: File[]) => {
      stop();
      const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      released.current = holdKey(w);
      startedAt.current = performance.now();
      target.current = into;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') {
          const elapsed = (performance.now() - startedAt.current) / 1000;
          const secondsLeft = m.done > 0 && m.total > m.done ? Math.round((elapsed / m.done) * (m.total - m.done)) : null;
          setState({ step: m.phase, file: m.file, done: m.done, total: m.total, secondsLeft });
        } else if (m.type === 'needsMapping') setState({ step: 'mapping', questions: m.questions });
        else if (m.type === 'survey') setState({ step: 'survey', survey: m.survey });
        else if (m.type === 'preview') setState({ step: 'preview', preview: m.preview });
        else if (m.type === 'stored') {
          const caseId = target.current?.caseId ?? '';
          setState({ step: 'stored', caseId, written: m.written, replaced: m.replaced, backup: { state: 'making' } });
          stop();
          // In a worker of its own, which outlives this screen: the import is stored, and the user may move on.
          const backedUp = (backup: BackupState) => setState((s) => (s.step === 'stored' ? { ...s, backup } : s));
          runCaseFileJob(dataKey, { type: 'backup', caseId, reason: 'import' }).then(
            () => backedUp({ state: 'made' }),
            (e: unknown) => backedUp({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
          );
        } else {
          setState({ step: 'failed', message: m.message });
          stop();
        }
      };
      w.onerror = (e) => setState({ step: 'failed', message: e.message || 'The import stopped unexpectedly.' });
      setState({ step: 'reading', file: files[0]?.name ?? '', done: 0, total: 0, secondsLeft: null });
      w.postMessage({ type: 'read', into, files, dataKey });
    },
    [into, stop, dataKey],
  );

  const answerMapping = useCallback((answers: MappingAnswer[], remember: boolean) => {
    startedAt.current = performance.now();
    setState({ step: 'reading', file: '', done: 0, total: 0, secondsLeft: null });
    worker.current?.postMessage({ type: 'mapped', answers, remember });
  }, []);

  /** After a survey: check the files for the case the reviewer chose. */
  const checkFor = useCallback((chosen: ImportTarget) => {
    target.current = chosen;
    startedAt.current = performance.now();
    setState({ step: 'reading', file: '', done: 0, total: 0, secondsLeft: null });
    worker.current?.postMessage({ type: 'checkFor', into: chosen });
  }, []);

  const accept = useCallback((acceptedChangeKeys: string[], confirmedAllocations: Allocation[], newCase?: Case) => {
    startedAt.current = performance.now();
    setState({ step: 'writing', file: '', done: 0, total: 0, secondsLeft: null });
    worker.current?.postMessage({ type: 'accept', acceptedChangeKeys, confirmedAllocations, ...(newCase ? { newCase } : {}) });
  }, []);

  const cancel = useCallback(() => {
    stop();
    setState({ step: 'choose' });
  }, [stop]);

  return { state, start, answerMapping, checkFor, accept, cancel };
}
