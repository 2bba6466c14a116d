import { memo } from 'react';
import { isFiltering, type RecordFilter } from '../../../../shared/engine/filters.js';
import { countShown } from '../../../../shared/engine/foresight.js';

/**
 * How many records show, above the table. With hindsight off it counts only what had happened by the moment, and
 * names the placeholders; it never gives the case's total, which would tell of records still to come.
 */
export const RecordCount = memo(function RecordCount({ shown, total, hindsight, filter, id }: { shown: Uint8Array; total: number; hindsight: boolean; filter: RecordFilter; id?: string }) {
  const { full, heldBack, revealed } = countShown(shown);
  const n = (k: number) => k.toLocaleString('en-GB');
  const records = (k: number) => `${n(k)} record${k === 1 ? '' : 's'}`;
  const filtered = isFiltering(filter) ? ' match the filters' : '';
  if (hindsight) {
    return <p className="record-count" id={id} aria-live="polite"><strong>{n(full)}</strong> of {records(total)}{filtered ? ' match the filters' : ''}, every one shown (hindsight).</p>;
  }
  return (
    <p className="record-count" id={id} aria-live="polite">
      <strong>{n(full + heldBack + revealed)}</strong> {full + heldBack + revealed === 1 ? 'record' : 'records'} up to the moment{filtered}
      {heldBack + revealed > 0 && <>, {n(heldBack + revealed)} of them not known to the officer then{revealed > 0 ? ` (${n(revealed)} revealed with hindsight)` : ' (shown as placeholders)'}</>}.
    </p>
  );
});
