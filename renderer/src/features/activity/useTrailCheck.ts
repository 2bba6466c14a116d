import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useDataKey, useDb } from '../../store/context.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import type { TrailCheckDepth } from '../../store/trailCheck.js';
import type { TrailStatus } from './trailStatus.js';

/**
 * Check a case's audit trail when it opens, again whenever an entry is added, and on demand; in a worker. The first
 * check of a day is full and also makes the day's backup (store/trailCheck.ts says what each depth checks).
 */
export function useTrailCheck(caseId: string): { status: TrailStatus; check: () => void } {
  const db = useDb();
  const dataKey = useDataKey();
  const entries = useLiveQuery(() => db.audit.where('caseId').equals(caseId).count(), [db, caseId]);
  const [result, setResult] = useState<{ key: string; status: TrailStatus }>();
  // "Check the trail now" asks for a full check of the trail as it is when asked; opening and new entries, a quick one.
  const [asked, setAsked] = useState<{ n: number; entries: number | undefined }>({ n: 0, entries: undefined });
  const depth: TrailCheckDepth = asked.n > 0 && asked.entries === entries ? 'full' : 'quick';
  const key = `${caseId}:${entries}:${asked.n}:${depth}`;
  useEffect(() => {
    if (entries === undefined) return;
    let current = true;
    runCaseFileJob(dataKey, { type: 'check', caseId, depth }).then(
      ({ trail, depth: done }) => current && setResult({ key, status: { state: 'done', trail, depth: done, at: new Date() } }),
      (e: unknown) => current && setResult({ key, status: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      current = false;
    };
  }, [dataKey, caseId, entries, depth, key]);
  const check = useCallback(() => setAsked((a) => ({ n: a.n + 1, entries })), [entries]);
  return { status: result?.key === key ? result.status : { state: 'checking' }, check };
}
