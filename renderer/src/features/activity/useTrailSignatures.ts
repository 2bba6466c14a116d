import { useEffect, useState } from 'react';
import { lastEntry } from '../../store/audit.js';
import { useDataKey } from '../../store/context.js';
import type { TrailSignatures } from '../../store/trailSignatures.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import { useStored } from '../../app/useStored.js';

export type SignatureStatus = { state: 'checking' } | { state: 'done'; signatures: TrailSignatures } | { state: 'failed'; message: string };

/** Each entry's signature, checked in a worker (Ed25519 stays out of the window), again whenever an entry is added. */
export function useTrailSignatures(caseId: string): SignatureStatus {
  const dataKey = useDataKey();
  const last = useStored(async (db) => (await lastEntry(db, caseId))?.hash ?? '', [caseId]);
  const [result, setResult] = useState<{ key: string; status: SignatureStatus }>();
  const key = `${caseId}:${last}`;
  useEffect(() => {
    if (last === undefined) return;
    let current = true;
    runCaseFileJob(dataKey, { type: 'signatures', caseId }).then(
      (signatures) => current && setResult({ key, status: { state: 'done', signatures } }),
      (e: unknown) => current && setResult({ key, status: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      current = false;
    };
  }, [dataKey, caseId, last, key]);
  return result?.key === key ? result.status : { state: 'checking' };
}
