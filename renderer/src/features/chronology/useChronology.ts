import { useEffect, useState } from 'react';
import { chronologySlice, countRecords } from '../../store/cases.js';
import type { ForesightDb, StoredRecord } from '../../store/db.js';

const FIRST_SLICE = 200;
const SLICE = 5000;

export interface LoadedChronology {
  /** How many records the case has: the table's length from the start. */
  total: number;
  /** The records read so far, earliest first; the rest are still loading. */
  records: readonly StoredRecord[];
  complete: boolean;
}

/**
 * Read a case's chronology progressively: its size and first rows at once, then the rest in slices, so a
 * 100,000-record case shows in a fraction of a second instead of after one long read.
 */
export function useChronology(db: ForesightDb, caseId: string, version = 0): LoadedChronology | undefined {
  const [state, setState] = useState<LoadedChronology & { caseId: string; version: number }>();
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const total = await countRecords(db, caseId);
      let records: StoredRecord[] = await chronologySlice(db, caseId, 0, FIRST_SLICE);
      if (cancelled) return;
      setState({ caseId, version, total, records, complete: records.length >= total });
      while (records.length < total) {
        const next = await chronologySlice(db, caseId, records.length, SLICE);
        if (cancelled || next.length === 0) break;
        records = records.concat(next);
        setState({ caseId, version, total, records, complete: records.length >= total });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, caseId, version]);
  return state && state.caseId === caseId && state.version === version ? state : undefined;
}
