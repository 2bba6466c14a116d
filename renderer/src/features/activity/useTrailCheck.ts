import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useDataKey, useDb } from '../../store/context.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import type { TrailStatus } from './trailStatus.js';

/**
 * Check a case's audit trail when it opens, again whenever an entry is added, and on demand; in a worker, since it
 * hashes every row. The first check of a day also makes the day's backup.
 */
export function useTrailCheck(caseId: string): { status: TrailStatus; check: () => void } {
  const db = useDb();
  const dataKey = useDataKey();
  const entries = useLiveQuery(() => db.audit.where('caseId').equals(caseId).count(), [db, caseId]);
  const [result, setResult] = useState<{ key: string; status: TrailStatus }>();
  const [asked, setAsked] = useState(0);
  const key = `${caseId}:${entries}:${asked}`;
  useEffect(() => {
    if (entries === undefined) return;
    let current = true;
    runCaseFileJob(dataKey, { type: 'check', caseId, dailyBackup: true }).then(
      ({ trail }) => current && setResult({ key, status: { state: 'done', trail, at: new Date() } }),
      (e: unknown) => current && setResult({ key, status: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      current = false;
    };
  }, [dataKey, caseId, entries, key]);
  const check = useCallback(() => setAsked((n) => n + 1), []);
  return { status: result?.key === key ? result.status : { state: 'checking' }, check };
}
