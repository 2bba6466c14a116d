import { useCallback, useEffect, useState } from 'react';
import { lastEntry } from '../../store/audit.js';
import { useDataKey } from '../../store/context.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import type { CheckAsked } from '../../app/caseFileProtocol.js';
import type { OpenedTrail, TrailStatus } from './trailStatus.js';
import { useStored } from '../../app/useStored.js';

/**
 * A case's audit trail check. Opening the case for the chronology or timeline checks it quickly on the way (`opened`);
 * otherwise, and whenever an entry is added, a worker checks it. After that, the worker makes the day's full check and
 * backup if they are due, and a full check whenever a quick one fails, to name what differs. "Check the trail now"
 * asks for a full check. (store/trailCheck.ts says what each depth checks.)
 */
export function useTrailCheck(caseId: string, opened: OpenedTrail | undefined, reading: boolean): { status: TrailStatus; check: () => void } {
  const dataKey = useDataKey();
  // The trail as it now ends: any change to it (an entry added, a trail restored) is a new trail to check.
  const last = useStored(async (db) => (await lastEntry(db, caseId))?.hash ?? '', [caseId]);
  const [result, setResult] = useState<{ key: string; status: TrailStatus | null }>();
  const [asked, setAsked] = useState<{ n: number; last: string | undefined }>({ n: 0, last: undefined });
  const full = asked.n > 0 && asked.last === last;
  const fromOpening = !full && opened && opened.lastHash === last ? opened : undefined;
  const job: CheckAsked | null = last === undefined ? null : full ? 'full' : fromOpening ? (fromOpening.trail.ok ? 'daily' : 'full') : reading ? null : 'quick';
  const key = `${caseId}:${last}:${asked.n}:${job}`;
  useEffect(() => {
    if (job === null) return;
    let current = true;
    runCaseFileJob(dataKey, { type: 'check', caseId, depth: job }).then(
      (done) => current && setResult({ key, status: done && { state: 'done', trail: done.trail, depth: done.depth, at: new Date() } }),
      (e: unknown) => current && setResult({ key, status: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      current = false;
    };
  }, [dataKey, caseId, job, key]);
  const check = useCallback(() => setAsked((a) => ({ n: a.n + 1, last })), [last]);
  const fromWorker = result?.key === key ? result.status : undefined;
  if (fromWorker) return { status: fromWorker, check };
  // Until the worker answers (or when it had nothing to do), what opening found, unless it found a difference the
  // full check is still naming.
  if (fromOpening?.trail.ok) return { status: { state: 'done', trail: fromOpening.trail, depth: 'quick', at: fromOpening.at }, check };
  return { status: { state: 'checking' }, check };
}
