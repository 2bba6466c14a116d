import { isProbation, KNOWLEDGE_RULES, PLACEHOLDER_REASONS, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { StateTag } from '../case/knowledgeLegend.js';
import { PLACEHOLDER, REVEALED } from '../../../../shared/engine/foresight.js';
import { recordKind } from '../../../../shared/domain/recordKind.js';
import { plainThenCode, whatHappened } from '../../../../shared/domain/summary.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { formatTime } from '../../../../shared/time/display.js';
import type { TimeValue } from '../../../../shared/time/precision.js';
import { latestInstant, londonDateOfTime } from '../../../../shared/time/london.js';
import { recordDate } from './rowView.js';

function lateBy(occurred: TimeValue, recorded: TimeValue): string | null {
  const days = Math.round((Date.parse(londonDateOfTime(recorded)) - Date.parse(londonDateOfTime(occurred))) / 86_400_000);
  return days > 0 ? `written up ${days} day${days === 1 ? '' : 's'} after` : null;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

/**
 * Everything one record holds, headed by what happened and its notes, then its times, and where it came from behind
 * "Technical details". A record the officer could not know at the cursor says only that, until it is revealed.
 */
export function RecordDetail({ record, state, display, moment, onReveal }: {
  record: CaseRecord;
  state: KnowledgeState | null;
  display: number;
  /** The cursor, in foresight: a time of the record after it is not told (null with hindsight on). */
  moment: number | null;
  onReveal: (id: string) => void;
}) {
  if (display === PLACEHOLDER) return <Placeholder record={record} state={state} onReveal={onReveal} />;
  // In foresight a time after the cursor is not told: when it was written up, or reached probation, came later.
  const byNow = (t: TimeValue) => moment === null || latestInstant(t) <= moment;
  const late = record.kind === 'contact' && byNow(record.recorded) ? lateBy(record.occurred, record.recorded) : null;
  const text = record.kind === 'contact' ? record.notes ?? record.summary : [record.summary, record.notes].filter(Boolean).join('\n\n');
  return (
    <section className="record-detail" aria-labelledby="record-detail-title">
      {display === REVEALED && (
        <p className="hindsight-note" role="note"><strong>Revealed with hindsight.</strong> The officer could not know this at the moment of the cursor.</p>
      )}
      <p className="caption">{recordKind(record)} · {formatTime(record.occurred)}</p>
      <h2 id="record-detail-title" className="heading-m">{whatHappened(record)}</h2>
      {state && (
        <div className="record-detail__state">
          <StateTag state={state} /> <span className="hint">for the chosen officer at the cursor. {KNOWLEDGE_RULES[state]}</span>
        </div>
      )}
      {text && <p className="record-notes">{text}</p>}
      <dl className="summary-list">
        {record.kind === 'contact' ? (
          <>
            {(record.outcomeCode || record.outcomeDescription) && <Row label="Outcome">{plainThenCode(record.outcomeDescription, record.outcomeCode)}</Row>}
            {(record.enforcementCode || record.enforcementDescription) && <Row label="Enforcement">{plainThenCode(record.enforcementDescription, record.enforcementCode)}</Row>}
            <Row label="Who">
              {record.staffName ?? 'Name not given'} ({record.staffCode}{record.staffGrade ? `, ${record.staffGrade}` : ''})
            </Row>
            {record.teamCode && <Row label="Team">{record.teamCode}</Row>}
            {record.sensitive && <Row label="Sensitive">Marked sensitive in nDelius</Row>}
          </>
        ) : (
          <>
            <Row label="Held by">{record.sourceAgency}</Row>
            {record.knownToStaffCode && record.knownFrom && byNow(record.knownFrom) && <Row label="Known to">{record.knownToStaffCode}, from {formatTime(record.knownFrom)}</Row>}
            {record.evidenceRef && <Row label="Evidence">{record.evidenceRef}</Row>}
          </>
        )}
      </dl>
      <h3 className="heading-s">Times</h3>
      <dl className="summary-list">
        <Row label="Happened">{formatTime(record.occurred)}</Row>
        {record.kind === 'contact' && (
          <Row label="Recorded">
            {byNow(record.recorded) ? formatTime(record.recorded) : 'Not yet on the record at this moment'}
            {late && <strong className="tag tag--yellow">{late}</strong>}
          </Row>
        )}
        {record.kind === 'information' && (
          <>
            <Row label="Reached probation">
              {isProbation(record.sourceAgency)
                ? 'Held by probation'
                : record.reachedProbation && byNow(record.reachedProbation)
                  ? formatTime(record.reachedProbation)
                  : moment !== null ? 'Not by this moment' : 'Never shared with probation before the further offence'}
            </Row>
            <Row label="Came to light">{record.cameToLight ? `${formatTime(record.cameToLight)} (after the further offence)` : 'Not recorded'}</Row>
          </>
        )}
      </dl>
      <details className="details">
        <summary>Technical details</summary>
        <dl>
          {record.kind === 'contact' && record.typeCode && <><dt>nDelius type</dt><dd>{record.typeCode}</dd></>}
          <dt>File</dt><dd>{record.provenance.fileName}</dd>
          <dt>Row</dt><dd>{record.provenance.row}</dd>
          <dt>File SHA-256</dt><dd><code className="hash">{record.provenance.sha256}</code></dd>
          <dt>Record id</dt><dd>{record.id}</dd>
        </dl>
      </details>
    </section>
  );
}

/** A record the officer could not know at the cursor: when, and why not; its content only on an explicit reveal. */
function Placeholder({ record, state, onReveal }: { record: CaseRecord; state: KnowledgeState | null; onReveal: (id: string) => void }) {
  const reason = state && state in PLACEHOLDER_REASONS ? PLACEHOLDER_REASONS[state as keyof typeof PLACEHOLDER_REASONS] : 'not known then';
  return (
    <section className="record-detail" aria-labelledby="record-detail-title">
      <p className="caption">{recordDate(record)}</p>
      <h2 id="record-detail-title" className="heading-m">Not known to the officer then</h2>
      <p>This record {reason}: at the moment of the cursor the officer could not know it, so foresight holds it back.</p>
      {state && <p className="hint">{KNOWLEDGE_RULES[state]}</p>}
      <button type="button" className="button button--secondary" onClick={() => onReveal(record.id)}>
        Reveal it with hindsight
      </button>
    </section>
  );
}
