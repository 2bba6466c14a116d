import { useEffect, useState } from 'react';
import { chronology } from '../../store/cases.js';
import type { ForesightDb, StoredRecord } from '../../store/db.js';

/** A case's whole chronology, earliest first: read in one pass over its blocks (about 1 s at 100,000 records). */
export function useChronology(db: ForesightDb, caseId: string): readonly StoredRecord[] | undefined {
  const [state, setState] = useState<{ caseId: string; records: readonly StoredRecord[] }>();
  useEffect(() => {
    let cancelled = false;
    chronology(db, caseId).then((records) => {
      if (!cancelled) setState({ caseId, records });
    });
    return () => {
      cancelled = true;
    };
  }, [db, caseId]);
  return state?.caseId === caseId ? state.records : undefined;
}
