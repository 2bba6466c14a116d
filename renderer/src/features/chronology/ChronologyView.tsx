import { useCallback, useState } from 'react';
import { useDb } from '../../store/context.js';
import { href } from '../shell/useHashRoute.js';
import { ChronologyTable } from './ChronologyTable.js';
import { RecordDetail } from './RecordDetail.js';
import { useChronology } from './useChronology.js';

export function ChronologyView({ caseId }: { caseId: string }) {
  const db = useDb();
  const records = useChronology(db, caseId);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const onSelect = useCallback((i: number) => setSelectedIndex(i), []);
  if (records === undefined) return <p aria-live="polite">Loading the chronology…</p>;
  if (records.length === 0) {
    return (
      <div className="not-built">
        <h2 className="heading-m">This case has no records yet</h2>
        <p>Records come from nDelius contact exports, partner-agency information, allocations and workload snapshots.</p>
        <p><a href={href.case(caseId, 'import')}>Import files into this case</a></p>
      </div>
    );
  }
  const selected = selectedIndex !== null ? records[selectedIndex] : undefined;
  return (
    <div className="chronology">
      <div className="chronology__table">
        <p className="chronology__count" id="chronology-count">
          <strong>{records.length.toLocaleString('en-GB')}</strong> records, earliest first. Select a row, or focus the table and use the arrow keys.
        </p>
        <ChronologyTable records={records} selectedIndex={selectedIndex} onSelect={onSelect} />
      </div>
      <aside className="chronology__detail" aria-label="Selected record" tabIndex={0}>
        {selected ? (
          <RecordDetail record={selected} />
        ) : (
          <p className="hint">Select a record to see its notes, its times and where it came from.</p>
        )}
      </aside>
    </div>
  );
}
