import type { FrameRecord, OfficerPicture as Picture } from '../../../../../shared/training/presenter.js';
import { CASELOAD_CONCERN, EXCESSIVE_CAPACITY_PCT } from '../../../../../shared/engine/workload.js';
import { count } from '../../../../../shared/domain/words.js';
import { daysBetweenDates } from '../../../../../shared/time/calendar.js';
import { formatUkDate } from '../../../../../shared/time/display.js';

function RecordLine({ record }: { record: FrameRecord }) {
  return (
    <>
      <span className="picture__when">{record.when}</span> {record.what}: <span className="picture__summary">{record.summary}</span>
    </>
  );
}

/**
 * What the officer knew and carried at a moment, as the officer panel derives it, in words for a room (the presenter
 * view) or for the debrief beside the room's choices. Only what the officer knew or could read: what others held is
 * for the hindsight view.
 */
export function OfficerPicture({ picture, headingLevel = 2 }: { picture: Picture; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  const w = picture.workload;
  const t = picture.team;
  const who = picture.name || picture.code;
  return (
    <div className="picture">
      <H className="picture__who">
        {who}
        {picture.grade ? `, ${picture.grade}` : ''}
        <span className="picture__role">{picture.holdsCase ? ' held the case' : ' did not hold the case then'}</span>
      </H>
      <div className="picture__columns">
        <section>
          <H2>What they knew</H2>
          <p>
            Knew {count(picture.counts.known, 'record')}, and could have read {count(picture.counts.onRecord, 'more', 'more')} on the record
            {picture.counts.notHeld > 0 ? `; ${count(picture.counts.notHeld, 'record')} on the record of a case they did not hold then` : ''}.
          </p>
          <dl className="picture__facts">
            {picture.facts.map((d) => (
              <div key={d.label}>
                <dt>{d.label}</dt>
                <dd>
                  {d.value && <strong>{d.value}. </strong>}
                  {d.record ? <RecordLine record={d.record} /> : 'None known or on record'}
                </dd>
              </div>
            ))}
            <div>
              <dt>Open concerns</dt>
              <dd>
                {count(picture.concernCount, 'record')} in the 90 days before
                {picture.concerns.length > 0 && (
                  <ul className="picture__list">
                    {picture.concerns.slice(0, 3).map((r) => <li key={r.id}><RecordLine record={r} /></li>)}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </section>
        <section>
          <H2>What they carried</H2>
          <dl className="picture__facts">
            <div>
              <dt>Workload (WMT)</dt>
              <dd>
                {w ? (
                  <>
                    <strong>{w.capacityPct}% of capacity</strong>
                    {w.excessive ? ', excessive workload' : ''}
                    {w.over110Since && `: over ${EXCESSIVE_CAPACITY_PCT}% since ${formatUkDate(w.over110Since)} (${count(daysBetweenDates(w.over110Since, w.snapshotDate) + 1, 'day')})`}
                    <div className="picture__quiet">
                      Snapshot of {formatUkDate(w.snapshotDate)}{w.staleDays > 0 ? `, ${count(w.staleDays, 'day')} before` : ', the same day'}{w.stale ? ' (stale)' : ''}
                    </div>
                  </>
                ) : (
                  'No workload snapshot by then: no data'
                )}
              </dd>
            </div>
            <div>
              <dt>Caseload</dt>
              <dd>{w?.totalCases != null ? <><strong>{count(w.totalCases, 'case')}</strong>{w.caseloadAtLeast50 ? ` (${CASELOAD_CONCERN} or more)` : ''}</> : 'Not recorded'}</dd>
            </div>
            <div>
              <dt>Team</dt>
              <dd>
                {t.staffingPct !== null ? (
                  <>
                    {t.name ?? t.code}: <strong>{t.staffingPct}% staffed</strong>
                    {t.deliveryStatus ? `, status ${t.deliveryStatus}${t.red ? ' (a reduced service)' : ''}` : ''}
                  </>
                ) : (
                  `${t.code ? `Team ${t.code}: ` : ''}no staffing snapshot by then: no data`
                )}
              </dd>
            </div>
            <div>
              <dt>Other work</dt>
              <dd>{count(picture.otherWork.sameDay, 'contact')} on other cases that day, {count(picture.otherWork.sameWeek, 'contact')} in the seven days to it</dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  );
}
