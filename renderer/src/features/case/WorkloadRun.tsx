import { EXCESSIVE_CAPACITY_PCT, type WorkloadAt } from '../../../../shared/engine/workload.js';
import { formatUkDate } from '../../../../shared/time/display.js';

const SHOWN = 10;

/** The snapshots behind a capacity figure: the over-110% run that ends at the latest one, as a short list. */
export function WorkloadRun({ workload }: { workload: WorkloadAt }) {
  const { run } = workload;
  if (run.length === 0) return <p>The latest snapshot is not over {EXCESSIVE_CAPACITY_PCT}%, so there is no run.</p>;
  const latest = run.slice(-SHOWN).reverse();
  return (
    <>
      <p>
        {run.length.toLocaleString('en-GB')} snapshot{run.length === 1 ? '' : 's'} over {EXCESSIVE_CAPACITY_PCT}% in a row, from {formatUkDate(run[0]!.snapshotDate)} to{' '}
        {formatUkDate(workload.snapshot.snapshotDate)}{run.length > SHOWN ? `; the latest ${SHOWN}:` : ':'}
      </p>
      <ul className="record-links">
        {latest.map((s) => <li key={s.snapshotDate}>{formatUkDate(s.snapshotDate)}: {s.capacityPct}%{s.totalCases !== undefined ? `, ${s.totalCases} cases` : ''}</li>)}
      </ul>
    </>
  );
}
