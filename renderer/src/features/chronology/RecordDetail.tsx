import { KNOWLEDGE_RULES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { StateTag } from '../case/knowledgeLegend.js';
import { recordKind } from '../../../../shared/domain/recordKind.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { formatTime } from '../../../../shared/time/display.js';
import type { TimeValue } from '../../../../shared/time/precision.js';
import { londonDateOfTime } from '../../../../shared/time/london.js';

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

/** Everything one record holds: its notes, every time it carries, and where it came from. */
export function RecordDetail({ record, state }: { record: CaseRecord; state?: KnowledgeState | null }) {
  const late = record.kind === 'contact' ? lateBy(record.occurred, record.recorded) : null;
  return (
    <section className="record-detail" aria-labelledby="record-detail-title">
      <p className="caption">{recordKind(record)}</p>
      <h2 id="record-detail-title" className="heading-m">
        {record.kind === 'contact' ? record.typeDescription ?? record.typeCode : `Information held by ${record.sourceAgency}`}
      </h2>
      {state && (
        <div className="record-detail__state">
          <StateTag state={state} /> <span className="hint">for the chosen officer at the cursor. {KNOWLEDGE_RULES[state]}</span>
        </div>
      )}
      <h3 className="heading-s">Times</h3>
      <dl className="summary-list">
        <Row label="Occurred">{formatTime(record.occurred)}</Row>
        {record.kind === 'contact' && (
          <Row label="Recorded">
            {formatTime(record.recorded)}
            {late && <strong className="tag tag--yellow">{late}</strong>}
          </Row>
        )}
        {record.kind === 'information' && (
          <>
            <Row label="Reached probation">
              {record.sourceAgency === 'Probation'
                ? 'Held by probation'
                : record.reachedProbation ? formatTime(record.reachedProbation) : 'Never shared with probation before the further offence'}
            </Row>
            <Row label="Came to light">{record.cameToLight ? `${formatTime(record.cameToLight)} (after the further offence)` : 'Not recorded'}</Row>
          </>
        )}
      </dl>
      <h3 className="heading-s">What</h3>
      <dl className="summary-list">
        {record.kind === 'contact' ? (
          <>
            <Row label="Type">{record.typeCode ? `${record.typeCode}: ${record.typeDescription ?? ''}` : record.typeDescription}</Row>
            {(record.outcomeCode || record.outcomeDescription) && (
              <Row label="Outcome">{[record.outcomeCode, record.outcomeDescription].filter(Boolean).join(': ')}</Row>
            )}
            {(record.enforcementCode || record.enforcementDescription) && (
              <Row label="Enforcement">{[record.enforcementCode, record.enforcementDescription].filter(Boolean).join(': ')}</Row>
            )}
            <Row label="Who">
              {record.staffName ?? 'Name not given'} ({record.staffCode}{record.staffGrade ? `, ${record.staffGrade}` : ''})
            </Row>
            {record.teamCode && <Row label="Team">{record.teamCode}</Row>}
            {record.sensitive && <Row label="Sensitive">Marked sensitive in nDelius</Row>}
          </>
        ) : (
          <>
            <Row label="Source agency">{record.sourceAgency}</Row>
            <Row label="Summary">{record.summary}</Row>
            {record.knownToStaffCode && record.knownFrom && (
              <Row label="Known to">{record.knownToStaffCode}, from {formatTime(record.knownFrom)}</Row>
            )}
            {record.evidenceRef && <Row label="Evidence">{record.evidenceRef}</Row>}
          </>
        )}
      </dl>
      {record.notes && (
        <>
          <h3 className="heading-s">Notes</h3>
          <p className="record-notes">{record.notes}</p>
        </>
      )}
      <h3 className="heading-s">Where it came from</h3>
      <dl className="summary-list">
        <Row label="File">{record.provenance.fileName}</Row>
        <Row label="Row">{record.provenance.row}</Row>
        <Row label="File SHA-256"><code className="hash">{record.provenance.sha256}</code></Row>
        <Row label="Record id">{record.id}</Row>
      </dl>
    </section>
  );
}
