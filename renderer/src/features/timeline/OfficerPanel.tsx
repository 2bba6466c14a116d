import { memo, type ReactNode } from 'react';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_RULES } from '../../../../shared/engine/knowledge.js';
import { CONCERNS_RULE, openConcerns, recordsIn, whatTheyKnew } from '../../../../shared/engine/officerSummary.js';
import { OTHER_WORK_RULE } from '../../../../shared/engine/otherWork.js';
import { isRedStatus, TEAM_RULE } from '../../../../shared/engine/team.js';
import { CASELOAD_CONCERN, EXCESSIVE_CAPACITY_PCT, isStale, WORKLOAD_RULES } from '../../../../shared/engine/workload.js';
import { oneLineSummary, whatHappened } from '../../../../shared/domain/summary.js';
import { daysBetweenDates } from '../../../../shared/time/calendar.js';
import { formatTime, formatUkDate } from '../../../../shared/time/display.js';
import { RecordLinks, type HeldBack } from '../case/RecordLinks.js';
import { WorkloadRun } from '../case/WorkloadRun.js';
import { count } from '../../../../shared/domain/words.js';

/** A figure's rule and the records behind it, opened on demand. */
function Why({ rule, children }: { rule: string; children?: ReactNode }) {
  return (
    <details className="why">
      <summary>How this is worked out</summary>
      <p className="why__rule">{rule}</p>
      {children}
    </details>
  );
}


/**
 * What the officer knew and carried at the cursor, in more depth than the line above the chart. Every figure opens
 * to show its rule and its records; with hindsight off, what others held is counted and never read unless revealed.
 */
export const OfficerPanel = memo(function OfficerPanel(props: {
  index: CaseIndex;
  view: OfficerView;
  hindsight: boolean;
  revealed: ReadonlySet<string>;
  onReveal: (id: string) => void;
  onSelect: (id: string) => void;
}) {
  const { index, view, onSelect } = props;
  const o = view.officer;
  const knew = whatTheyKnew(index, view);
  const concerns = openConcerns(index, view);
  const heldBack = (reason: HeldBack) => (props.hindsight ? undefined : { reason, isRevealed: (id: string) => props.revealed.has(id), onReveal: props.onReveal });
  const elsewhere = recordsIn(index, view, 'heldElsewhere');
  const notYetRecorded = recordsIn(index, view, 'notYetRecorded');
  const w = view.workload;
  const team = view.team;
  return (
    <aside className="officer-panel" aria-labelledby="officer-panel-title" data-at={view.at}>
      <h2 id="officer-panel-title" className="heading-m">{o.name || o.code}</h2>
      <p className="officer-panel__meta">{o.code}{o.grade ? ` · ${o.grade}` : ''}{view.holdsCase ? ' · held the case' : ' · did not hold the case then'}</p>

      <h3 className="heading-s">What they knew</h3>
      <dl className="summary-list summary-list--compact">
        {knew.map((d) => (
          <div key={d.label} className="summary-list__row">
            <dt className="summary-list__key">{d.label}</dt>
            <dd className="summary-list__value">
              {d.record ? (
                <>
                  {d.value && <strong>{d.value}. </strong>}
                  {whatHappened(d.record)}:{' '}
                  <button type="button" className="link-button" onClick={() => onSelect(d.record!.id)}>{formatTime(d.record.occurred)}</button>
                  <span className="officer-panel__summary">{oneLineSummary(d.record, 120)}</span>
                </>
              ) : (
                'None known or on record'
              )}
              <Why rule={d.rule} />
            </dd>
          </div>
        ))}
        <div className="summary-list__row">
          <dt className="summary-list__key">Open concerns</dt>
          <dd className="summary-list__value">
            {count(concerns.length, 'record')}
            <Why rule={CONCERNS_RULE}><RecordLinks records={[...concerns].reverse().slice(0, 8)} total={concerns.length} onSelect={onSelect} /></Why>
          </dd>
        </div>
      </dl>

      <h3 className="heading-s">What others held</h3>
      <div>
        {count(elsewhere.count, 'record')} held by other agencies, not shared with probation
        <Why rule={KNOWLEDGE_RULES.heldElsewhere}><RecordLinks records={elsewhere.latest} total={elsewhere.count} onSelect={onSelect} heldBack={heldBack('heldElsewhere')} /></Why>
      </div>
      {notYetRecorded.count > 0 && (
        <div>
          {count(notYetRecorded.count, 'record')} had happened but were not yet on the record
          <Why rule={KNOWLEDGE_RULES.notYetRecorded}><RecordLinks records={notYetRecorded.latest} total={notYetRecorded.count} onSelect={onSelect} heldBack={heldBack('notYetRecorded')} /></Why>
        </div>
      )}

      <h3 className="heading-s">What they carried</h3>
      {w ? (
        <dl className="summary-list summary-list--compact" data-testid="workload">
          <div className="summary-list__row">
            <dt className="summary-list__key">Capacity (WMT)</dt>
            <dd className="summary-list__value">
              <strong>{w.snapshot.capacityPct}%</strong>
              {w.excessive && <span className="tag tag--red">Excessive workload</span>}
              {!w.excessive && w.over110Since && <span className="tag tag--yellow">Over {EXCESSIVE_CAPACITY_PCT}%</span>}
              {w.over110Since && <div>Over {EXCESSIVE_CAPACITY_PCT}% since {formatUkDate(w.over110Since)} ({count(daysBetweenDates(w.over110Since, w.snapshot.snapshotDate) + 1, 'day')})</div>}
              <Why rule={WORKLOAD_RULES.excessive}><WorkloadRun workload={w} /></Why>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Caseload</dt>
            <dd className="summary-list__value">
              {w.snapshot.totalCases !== undefined ? <strong>{count(w.snapshot.totalCases, 'case')}</strong> : 'No caseload in the snapshot'}
              {w.caseloadAtLeast50 && <span className="tag tag--red">{CASELOAD_CONCERN} or more</span>}
              <Why rule={WORKLOAD_RULES.caseload} />
            </dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Snapshot</dt>
            <dd className="summary-list__value">
              {formatUkDate(w.snapshot.snapshotDate)}
              {w.staleDays > 0 ? `, ${count(w.staleDays, 'day')} before this moment` : ', the same day'}
              {isStale(w) && <span className="tag tag--yellow">Stale</span>}
              <Why rule={WORKLOAD_RULES.snapshot}><p>From {w.snapshot.provenance.fileName}, row {w.snapshot.provenance.row}.</p></Why>
            </dd>
          </div>
        </dl>
      ) : (
        <p data-testid="workload">No workload snapshot on or before this date: <strong>no data</strong>.</p>
      )}
      <h3 className="heading-s">Team</h3>
      {team ? (
        <div>
          {team.teamName ?? team.teamCode}: <strong>{team.staffingPct}% staffed</strong>
          {team.deliveryStatus && <> · status <span className={`tag ${isRedStatus(team.deliveryStatus) ? 'tag--red' : 'tag--grey'}`}>{team.deliveryStatus}</span></>}
          <Why rule={TEAM_RULE}>
            <p>Snapshot of {formatUkDate(team.snapshotDate)}, from {team.provenance.fileName}, row {team.provenance.row}.</p>
          </Why>
        </div>
      ) : (
        <p>{view.teamCode ? `Team ${view.teamCode}: ` : ''}no staffing snapshot on or before this date: <strong>no data</strong>.</p>
      )}
      <h3 className="heading-s">Their other work</h3>
      <div>
        {count(view.otherWork.sameDay.length, 'contact')} on other cases that day, {count(view.otherWork.sameWeek.length, 'contact')} in the seven days to it
        <Why rule={OTHER_WORK_RULE}>
          <RecordLinks records={[...view.otherWork.sameWeek].reverse().slice(0, 10)} total={view.otherWork.sameWeek.length} />
        </Why>
      </div>
    </aside>
  );
});
