import type { ReactNode } from 'react';
import {
  gapWords,
  intervalWords,
  RECALL_STEP_LABELS,
  TARGET_STATUS_WORDS,
  targetWords,
  type RecallSequence,
  type StepHit,
  type StepRow,
  type TargetCheck,
  type TargetStatus,
} from '../../../../shared/review/recallTiming.js';
import { formatTime, formatUkDate } from '../../../../shared/time/display.js';

const STATUS_TAGS: Record<TargetStatus, string> = {
  met: 'tag--green',
  missed: 'tag--red',
  overdue: 'tag--red',
  cannotTell: 'tag--grey',
  notApplicable: 'tag--grey',
  pending: 'tag--yellow',
};

const DECISIONS = { recall: 'decision to recall', noRecall: 'decision not to recall' } as const;

/** What a sequence is, for its caption: where it starts, and the decision when one is recorded. */
function title(sequence: RecallSequence): string {
  const first = sequence.steps.find((r): r is Extract<StepRow, { status: 'found' }> => r.status === 'found');
  if (!first) return 'Recall steps';
  const breach = sequence.steps[0];
  const noBreach = breach && breach.status !== 'found' ? ` (breach: ${breach.reason.charAt(0).toLowerCase()}${breach.reason.slice(1, -1)})` : '';
  const start = `${RECALL_STEP_LABELS[first.step]}, ${formatTime(first.time)}${noBreach}`;
  return sequence.decision ? `${start}: ${DECISIONS[sequence.decision]}` : start;
}

function RecordLink({ hit, onOpenRecord }: { hit: StepHit; onOpenRecord: (id: string) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onOpenRecord(hit.record)}>
      {formatTime(hit.time)}
      <span className="visually-hidden">: open the record, {hit.meaning}</span>
    </button>
  );
}

function Targets({ targets }: { targets: readonly TargetCheck[] }) {
  if (targets.length === 0) return null;
  return (
    <ul className="recall-timing__targets">
      {targets.map((t) => (
        <li key={`${t.policy}:${t.from}`}>
          {targetWords(t)} <span className="hint">({t.policyName})</span>
          <strong className={`tag tag--inline ${STATUS_TAGS[t.status]}`}>{TARGET_STATUS_WORDS[t.status]}</strong>
          <span className="recall-timing__reason">
            {t.elapsed && `Took ${intervalWords(t.elapsed)}. `}
            {t.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Step({ row, sequence, onOpenRecord, withTargets }: { row: StepRow; sequence: RecallSequence; onOpenRecord: (id: string) => void; withTargets: boolean }) {
  const targets = sequence.targets.filter((t) => t.to === row.step);
  const more = row.step === 'breach' ? sequence.breaches.slice(1) : [];
  return (
    <tr className={row.status === 'found' ? undefined : 'recall-timing__missing'}>
      <th scope="row">
        {RECALL_STEP_LABELS[row.step]}
        {row.status === 'found' && <span className="recall-timing__meaning">{row.meaning}</span>}
        {more.length > 0 && (
          <span className="recall-timing__meaning">
            And {more.length === 1 ? 'a further failure' : `${more.length} further failures`} in the same breach:{' '}
            {more.map((hit, k) => (
              <span key={hit.record}>
                {k > 0 && ', '}
                <RecordLink hit={hit} onOpenRecord={onOpenRecord} />
              </span>
            ))}
          </span>
        )}
      </th>
      {row.status === 'found' ? (
        <>
          <td>
            <RecordLink hit={row} onOpenRecord={onOpenRecord} />
            {row.recorded && <span className="recall-timing__meaning">On the record {formatTime(row.recorded)}</span>}
            {row.notYetRecorded && <span className="recall-timing__meaning">Not yet on the record at this moment</span>}
          </td>
          <td>{row.sincePrevious ? gapWords(row.sincePrevious) : 'First step in the data'}</td>
        </>
      ) : (
        <td colSpan={2}>{row.reason}</td>
      )}
      {withTargets && (
        <td>
          <Targets targets={targets} />
        </td>
      )}
    </tr>
  );
}

/**
 * Recall and enforcement timing: each sequence from a breach as a table of its steps, when each happened (as exactly
 * as the data knows it), the time since the step before, and the targets of the policies in force then. Each time
 * opens its record; steps the data does not hold say so. It shows what it is given: pass the sequences as at a moment
 * (recallSequencesBy) for a view in foresight.
 */
export function RecallTiming(props: {
  sequences: readonly RecallSequence[];
  /** Open (select) a record by its id, as the rest of the case does. */
  onOpenRecord: (id: string) => void;
  /** What to say when there are none. */
  empty?: ReactNode;
}) {
  const { sequences, onOpenRecord, empty = 'No breach, enforcement or recall records in the data.' } = props;
  if (sequences.length === 0) return <p className="hint">{empty}</p>;
  return (
    <div className="recall-timing">
      {sequences.map((sequence) => {
        const withTargets = sequence.targets.length > 0;
        return (
          <table key={sequence.id} className="table table--compact recall-timing__sequence" data-sequence={sequence.id}>
            <caption className="table__caption">{title(sequence)}</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">When</th>
                <th scope="col">Time since the step before</th>
                {withTargets && <th scope="col">Target</th>}
              </tr>
            </thead>
            <tbody>
              {sequence.steps.map((row) => (
                <Step key={row.step} row={row} sequence={sequence} onOpenRecord={onOpenRecord} withTargets={withTargets} />
              ))}
            </tbody>
            {!withTargets && (
              <tfoot>
                <tr>
                  <td colSpan={3} className="hint">No policy in force on {formatUkDate(sequence.date)} sets a time limit between these steps.</td>
                </tr>
              </tfoot>
            )}
          </table>
        );
      })}
    </div>
  );
}
