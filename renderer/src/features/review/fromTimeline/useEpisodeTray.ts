import { useCallback, useMemo, useState } from 'react';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { pickable } from '../../../../../shared/review/episodeFromTimeline.js';

/** The records collected for a new key practice episode, in chronology order, and the ways to change them. */
export interface EpisodeTray {
  records: readonly string[];
  /** Whether a record may go in now (with hindsight off: only one the officer could know at the cursor). */
  canPick: (id: string) => boolean;
  /** In if it was out (when it may be picked), out if it was in. */
  toggle: (id: string) => void;
  /** Several in at once (the records between two moments); those already in stay once. Returns how many were new. */
  addAll: (ids: readonly string[]) => number;
  clear: () => void;
}

/** The episode tray of the Timeline: what may be picked follows how records show at the cursor (`shown`). */
export function useEpisodeTray(index: CaseIndex, shown: Uint8Array): EpisodeTray {
  const [records, setRecords] = useState<readonly string[]>([]);
  const canPick = useCallback((id: string) => {
    const p = index.positionOf(id);
    return p !== undefined && pickable(shown, p);
  }, [index, shown]);
  const inOrder = useCallback((ids: Iterable<string>) => [...ids].sort((a, b) => (index.positionOf(a) ?? 0) - (index.positionOf(b) ?? 0)), [index]);
  const toggle = useCallback(
    (id: string) => setRecords((now) => (now.includes(id) ? now.filter((r) => r !== id) : canPick(id) ? inOrder([...now, id]) : now)),
    [canPick, inOrder],
  );
  const addAll = useCallback(
    (ids: readonly string[]) => {
      const fresh = ids.filter((id) => !records.includes(id) && canPick(id));
      if (fresh.length > 0) setRecords(inOrder(new Set([...records, ...fresh])));
      return fresh.length;
    },
    [records, canPick, inOrder],
  );
  const clear = useCallback(() => setRecords([]), []);
  return useMemo(() => ({ records, canPick, toggle, addAll, clear }), [records, canPick, toggle, addAll, clear]);
}
