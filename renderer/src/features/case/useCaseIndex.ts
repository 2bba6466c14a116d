import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { caseVersion, loadCaseData } from '../../store/caseData.js';
import { useDb } from '../../store/context.js';

/**
 * A case read from the store and indexed once for the engine; read again when an import changes it, but only while
 * a view that needs it is open (`enabled`): indexing 100,000 records takes the main thread for about half a second,
 * which must not happen behind the import screen.
 * undefined while loading; null when the case is gone.
 */
export function useCaseIndex(caseId: string, enabled: boolean): CaseIndex | null | undefined {
  const db = useDb();
  const version = useLiveQuery(() => caseVersion(db, caseId), [db, caseId]);
  const [state, setState] = useState<{ key: string; index: CaseIndex | null }>();
  const key = `${caseId}@${version ?? ''}`;
  useEffect(() => {
    if (version === undefined || !enabled) return;
    let cancelled = false;
    loadCaseData(db, caseId).then((data) => {
      if (cancelled) return;
      const index = data ? new CaseIndex(data) : null;
      // A User Timing mark, read by `npm run bench`: the case is read and indexed.
      performance.mark('case-indexed');
      setState({ key, index });
    });
    return () => {
      cancelled = true;
    };
  }, [db, caseId, version, key, enabled]);
  // While a newer version loads, the last one stays on screen rather than flashing a loading message.
  return state?.key.startsWith(`${caseId}@`) ? state.index : undefined;
}
