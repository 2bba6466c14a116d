import { useEffect, useState } from 'react';
import { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { caseVersion } from '../../store/caseData.js';
import { useDb } from '../../store/context.js';
import { openCase } from '../../store/trailCheck.js';
import { useThrowToBoundary } from '../shell/ErrorBoundary.js';
import type { OpenedTrail } from '../activity/trailStatus.js';
import { useStored } from '../../app/useStored.js';

export interface OpenedCaseIndex {
  /** undefined while loading; null when the case is gone. */
  index: CaseIndex | null | undefined;
  /** The quick check of the trail made as the case was read (store/trailCheck.ts). */
  opened: OpenedTrail | undefined;
  /** The case's current version is being read. */
  reading: boolean;
}

/**
 * A case read from the store, its trail checked on the way, and indexed once for the engine; read again when what it
 * holds changes (caseVersion), but only while a view that needs it is open (`enabled`): indexing 100,000 records
 * takes the main thread for about half a second, which must not happen behind the import screen.
 */
export function useCaseIndex(caseId: string, enabled: boolean): OpenedCaseIndex {
  const db = useDb();
  const version = useStored((db) => caseVersion(db, caseId), [caseId]);
  const [state, setState] = useState<{ key: string; index: CaseIndex | null; opened: OpenedTrail | undefined }>();
  const key = `${caseId}@${version ?? ''}`;
  const fail = useThrowToBoundary();
  useEffect(() => {
    if (version === undefined || !enabled) return;
    let cancelled = false;
    openCase(db, caseId).then((found) => {
      if (cancelled) return;
      const index = found ? new CaseIndex(found.data) : null;
      // A User Timing mark, read by `npm run bench`: the case is read and indexed.
      performance.mark('case-indexed');
      setState({ key, index, opened: found ? { trail: found.trail, lastHash: found.lastHash, at: new Date() } : undefined });
    }, (e: unknown) => !cancelled && fail(e));
    return () => {
      cancelled = true;
    };
  }, [db, caseId, version, key, enabled, fail]);
  // While a newer version loads, the last one stays on screen rather than flashing a loading message.
  const shown = state?.key.startsWith(`${caseId}@`) ? state : undefined;
  return { index: shown?.index, opened: shown?.opened, reading: enabled && state?.key !== key };
}
