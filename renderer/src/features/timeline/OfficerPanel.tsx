import { memo, type ReactNode } from 'react';
import { holderAt } from '../../../../shared/engine/allocations.js';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_RULES } from '../../../../shared/engine/knowledge.js';
import { CONCERNS_RULE, openConcerns, recordsIn, whatTheyKnew } from '../../../../shared/engine/officerSummary.js';
import { OTHER_WORK_RULE } from '../../../../shared/engine/otherWork.js';
import { TEAM_RULE } from '../../../../shared/engine/team.js';
import { CASELOAD_CONCERN, WORKLOAD_RULES } from '../../../../shared/engine/workload.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { daysBetweenDates } from '../../../../shared/time/calendar.js';
import { formatTime, formatUkDate } from '../../../../shared/time/display.js';
import { earliestInstant, londonDateOf } from '../../../../shared/time/london.js';
import { oneLineSummary } from '../../../../shared/domain/summary.js';

/** A figure with its rule and the records behind it, opened on demand. */
function Why({ rule, children }: { rule: string; children?: ReactNode }) {
  return (
    <details className="why">
      <summary>How this is worked out</summary>
      <p className="why__rule">{rule}</p>
      {children}
    </details>
  );
}

/** Records behind a figure, latest first; `total` when there are more than are listed. */
function RecordLinks({ records, total = records.length, onSelect }: { records: readonly CaseRecord[]; total?: number; onSelect?: (id: string) => void }) {
  if (records.length === 0) return <p className="hint">None.</p>;
  const shown = records;
  return (
    <ul className="record-links">
      {shown.map((r) => (
        <li key={r.id}>
          {onSelect ? <button type="button" className="link-button" onClick={() => onSelect(r.id)}>{formatTime(r.occurred)}</button> : formatTime(r.occurred)}: {oneLineSummary(r)}
        </li>
      ))}
      {total > records.length && <li className="hint">and {(total - records.length).toLocaleString('en-GB')} earlier</li>}
    </ul>
  );
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** What the officer knew and carried at the cursor. Every figure opens to show its rule and its records. */
export const OfficerPanel = memo(function OfficerPanel({ index, view, onSelect }: { index: CaseIndex; view: OfficerView; onSelect: (id: string) => void }) {
  const o = view.officer;
  const held = view.allocations[0];
  const since = held ? daysBetweenDates(londonDateOf(earliestInstant(held.from)), view.date) : null;
  const holder = holderAt(index.data.allocations, view.at);
  const knew = whatTheyKnew(index, view);
  const concerns = openConcerns(index, view);
  const onRecord = recordsIn(index, view, 'onRecord');
  const elsewhere = recordsIn(index, view, 'heldElsewhere');
  const notYetRecorded = recordsIn(index, view, 'notYetRecorded');
  const w = view.workload;
  const team = view.team;
  return (
    <aside className="officer-panel" aria-labelledby="officer-panel-title" data-at={view.at}>
      <h2 id="officer-panel-title" className="heading-m">{o.name || o.code}</h2>
      <p className="officer-panel__meta">
        {o.code}{o.grade ? ` · ${o.grade}` : ''}
        {view.holdsCase ? (
          <> · held the case{since !== null ? ` for ${plural(since, 'day')}` : ''}{held?.cover ? ' (cover)' : ''}</>
        ) : (
          <> · <strong>did not hold the case then</strong>{holder ? ` (${holder.staffName ?? holder.staffCode} did)` : ' (nobody did)'}</>
        )}
      </p>
      {view.allocations.some((a) => a.cover) || (holder?.cover && holder.staffCode !== o.code) ? <p className="hint">Cover was in place at this moment.</p> : null}

      <h3 className="heading-s">What they knew</h3>
      <dl className="summary-list summary-list--compact">
        {knew.map((d) => (
          <div key={d.label} className="summary-list__row">
            <dt className="summary-list__key">{d.label}</dt>
            <dd className="summary-list__value">
              {d.record ? (
                <>
                  {d.value && <strong>{d.value}. </strong>}
                  <button type="button" className="link-button" onClick={() => onSelect(d.record!.id)}>{formatTime(d.record.occurred)}</button>
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
            {plural(concerns.length, 'record')}
            <Why rule={CONCERNS_RULE}><RecordLinks records={[...concerns].reverse().slice(0, 8)} total={concerns.length} onSelect={onSelect} /></Why>
          </dd>
        </div>
      </dl>

      <h3 className="heading-s">On record, not evidenced as known</h3>
      <div>{plural(onRecord.count, 'record')} <Why rule={KNOWLEDGE_RULES.onRecord}><RecordLinks records={onRecord.latest} total={onRecord.count} onSelect={onSelect} /></Why></div>
      <h3 className="heading-s">What others held</h3>
      <div>
        {plural(elsewhere.count, 'record')} held by other agencies, not shared with probation
        <Why rule={KNOWLEDGE_RULES.heldElsewhere}><RecordLinks records={elsewhere.latest} total={elsewhere.count} onSelect={onSelect} /></Why>
      </div>
      {notYetRecorded.count > 0 && (
        <div>
          {plural(notYetRecorded.count, 'record')} had happened but were not yet on the record
          <Why rule={KNOWLEDGE_RULES.notYetRecorded}><RecordLinks records={notYetRecorded.latest} total={notYetRecorded.count} onSelect={onSelect} /></Why>
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
              {!w.excessive && w.over110Since && <span className="tag tag--yellow">Over 110%</span>}
              {w.over110Since && <div>Over 110% since {formatUkDate(w.over110Since)} ({plural(daysBetweenDates(w.over110Since, w.snapshot.snapshotDate) + 1, 'day')})</div>}
              <Why rule={WORKLOAD_RULES.excessive}>
                <p>Snapshots in the run: {w.run.length ? w.run.map((s) => `${formatUkDate(s.snapshotDate)} ${s.capacityPct}%`).slice(-10).join('; ') : 'none (the latest snapshot is not over 110%)'}{w.run.length > 10 ? ' (latest 10 shown)' : ''}</p>
              </Why>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Caseload</dt>
            <dd className="summary-list__value">
              {w.snapshot.totalCases !== undefined ? <strong>{plural(w.snapshot.totalCases, 'case')}</strong> : 'No caseload in the snapshot'}
              {w.caseloadAtLeast50 && <span className="tag tag--red">{CASELOAD_CONCERN} or more</span>}
              <Why rule={WORKLOAD_RULES.caseload} />
            </dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Snapshot</dt>
            <dd className="summary-list__value">
              {formatUkDate(w.snapshot.snapshotDate)}
              {w.staleDays > 0 ? `, ${plural(w.staleDays, 'day')} before this moment` : ', the same day'}
              {w.staleDays > 14 && <span className="tag tag--yellow">Stale</span>}
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
          {team.deliveryStatus && <> · status <span className={`tag ${/red/i.test(team.deliveryStatus) ? 'tag--red' : 'tag--grey'}`}>{team.deliveryStatus}</span></>}
          <Why rule={TEAM_RULE}>
            <p>Snapshot of {formatUkDate(team.snapshotDate)}, from {team.provenance.fileName}, row {team.provenance.row}.</p>
          </Why>
        </div>
      ) : (
        <p>{view.teamCode ? `Team ${view.teamCode}: ` : ''}no staffing snapshot on or before this date: <strong>no data</strong>.</p>
      )}
      <h3 className="heading-s">Their other work</h3>
      <div>
        {plural(view.otherWork.sameDay.length, 'contact')} on other cases that day, {plural(view.otherWork.sameWeek.length, 'contact')} in the seven days to it
        <Why rule={OTHER_WORK_RULE}>
          <RecordLinks records={[...view.otherWork.sameWeek].reverse().slice(0, 10)} total={view.otherWork.sameWeek.length} />
        </Why>
      </div>
    </aside>
  );
});
