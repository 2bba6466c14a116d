import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { CaseIndex, OfficerView } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_RULES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { countStates, recordsIn } from '../../../../shared/engine/officerSummary.js';
import { OTHER_WORK_RULE } from '../../../../shared/engine/otherWork.js';
import { isRedStatus, TEAM_RULE } from '../../../../shared/engine/team.js';
import { EXCESSIVE_CAPACITY_PCT, isStale, WORKLOAD_RULES } from '../../../../shared/engine/workload.js';
import { daysBetweenDates } from '../../../../shared/time/calendar.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { earliestInstant, londonDateOf } from '../../../../shared/time/london.js';
import { holderAt } from '../../../../shared/engine/allocations.js';
import { useCaseViewState } from './caseViewState.js';
import { RecordLinks, type HeldBack } from './RecordLinks.js';
import { WorkloadRun } from './WorkloadRun.js';
import { count } from '../../../../shared/domain/words.js';

const LISTED = 12;

interface Part {
  key: string;
  text: string;
  /** Drawn as a warning: the figure is over a line the rules draw. */
  concern?: boolean;
  title: string;
  detail: () => ReactNode;
}

/**
 * What the officer knew and carried at the cursor, in one line: each part opens to its rule and its records. With
 * hindsight off, what others held is counted, never read, until a record is revealed.
 */
export function AtAGlance(props: {
  index: CaseIndex;
  /** The view once the cursor rests: the line follows it, not every step of a moving cursor. */
  view: OfficerView | null;
  /** The officer seen by default (whoever held the case then). */
  defaultOfficer: string | null;
  onSelect: (id: string) => void;
}) {
  const { state, update } = useCaseViewState();
  const onOfficer = useCallback((officer: string | null) => update({ officer }), [update]);
  const onReveal = useCallback((id: string) => update({ revealed: new Set([...state.revealed, id]) }), [update, state.revealed]);
  return (
    <GlanceLine
      {...props}
      at={props.view?.at ?? state.cursor}
      chosen={state.officer}
      hindsight={state.hindsight}
      revealed={state.revealed}
      onOfficer={onOfficer}
      onReveal={onReveal}
    />
  );
}

const GlanceLine = memo(function GlanceLine(props: {
  index: CaseIndex;
  view: OfficerView | null;
  defaultOfficer: string | null;
  onSelect: (id: string) => void;
  at: number;
  /** The officer chosen, if any (null: whoever held the case). */
  chosen: string | null;
  hindsight: boolean;
  revealed: ReadonlySet<string>;
  onOfficer: (officer: string | null) => void;
  onReveal: (id: string) => void;
}) {
  const { index, view, at, chosen, hindsight } = props;
  const [open, setOpen] = useState<string | null>(null);
  // With hindsight off, the list names only officers on the case by the moment, and whoever is chosen.
  const onCase = useMemo(() => (hindsight ? index.officers() : index.officersBy(at)), [index, at, hindsight]);
  const counts = useMemo(() => (view ? countStates(view.states) : null), [view]);
  const officers = chosen && !onCase.some((o) => o.code === chosen) ? [...onCase, index.staffMember(chosen)] : onCase;
  const defaultName = props.defaultOfficer ? index.staffMember(props.defaultOfficer).name || props.defaultOfficer : null;
  const picker = (
    <span className="glance__who">
      <label htmlFor="officer">View of</label>
      <select id="officer" className="select" value={chosen ?? ''} onChange={(e) => props.onOfficer(e.target.value || null)}>
        <option value="">whoever held the case{defaultName && !chosen ? ` (${defaultName})` : ''}</option>
        {officers.map((o) => <option key={o.code} value={o.code}>{o.name ? `${o.name} (${o.code}${o.grade ? `, ${o.grade}` : ''})` : o.code}</option>)}
      </select>
    </span>
  );
  if (!view) {
    return (
      <section className="glance" aria-label="What the officer knew and carried">
        <p className="glance__line">{picker} <span>This case has no allocations or staff yet, so there is nobody to see it from.</span></p>
      </section>
    );
  }
  const parts = glanceParts(index, view, counts as Record<KnowledgeState, number>, hindsight, props.revealed, props.onReveal, props.onSelect);
  const opened = parts.find((p) => p.key === open);
  const held = view.allocations[0];
  const holder = holderAt(index.data.allocations, view.at);
  const since = held ? daysBetweenDates(londonDateOf(earliestInstant(held.from)), view.date) : null;
  return (
    <section className="glance" aria-label="What the officer knew and carried" data-at={view.at}>
      <div className="glance__line">
        {picker}
        <span className="glance__role">
          {view.holdsCase
            ? `held the case${since !== null ? ` for ${count(since, 'day')}` : ''}${held?.cover ? ' (cover)' : ''}`
            : `did not hold the case then${holder ? ` (${holder.staffName ?? holder.staffCode} did)` : ''}`}
        </span>
        <ul className="glance__parts">
          {parts.map((p) => (
            <li key={p.key}>
              <button
                type="button"
                className={`glance__part${p.concern ? ' glance__part--concern' : ''}`}
                aria-expanded={open === p.key}
                aria-controls="glance-detail"
                data-part={p.key}
                onClick={() => setOpen(open === p.key ? null : p.key)}
              >
                {p.text}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {opened && (
        <div id="glance-detail" className="glance__detail" role="region" aria-label={opened.title}>
          <div className="glance__detail-head">
            <h2 className="heading-s">{opened.title}</h2>
            <button type="button" className="link-button" onClick={() => setOpen(null)}>Close</button>
          </div>
          {opened.detail()}
        </div>
      )}
    </section>
  );
});

function glanceParts(index: CaseIndex, view: OfficerView, counts: Record<KnowledgeState, number>, hindsight: boolean, revealed: ReadonlySet<string>, onReveal: (id: string) => void, onSelect: (id: string) => void): Part[] {
  const listOf = (s: KnowledgeState, heldBack?: HeldBack) => {
    const { count, latest } = recordsIn(index, view, s, LISTED);
    return (
      <>
        <p className="why__rule">{KNOWLEDGE_RULES[s]}</p>
        <RecordLinks
          records={latest}
          total={count}
          onSelect={onSelect}
          heldBack={heldBack && !hindsight ? { reason: heldBack, isRevealed: (id) => revealed.has(id), onReveal } : undefined}
        />
      </>
    );
  };
  const parts: Part[] = [
    { key: 'known', text: `Knew ${counts.known.toLocaleString('en-GB')}`, title: `What ${view.officer.name || view.officer.code} knew: ${count(counts.known, 'record')}`, detail: () => listOf('known') },
    { key: 'onRecord', text: `on record ${counts.onRecord.toLocaleString('en-GB')}`, title: `On the record, not evidenced as read: ${count(counts.onRecord, 'record')}`, detail: () => listOf('onRecord') },
    { key: 'heldElsewhere', text: `held by others ${counts.heldElsewhere.toLocaleString('en-GB')}`, title: `Held by other agencies, not shared with probation: ${count(counts.heldElsewhere, 'record')}`, detail: () => listOf('heldElsewhere', 'heldElsewhere') },
  ];
  if (counts.notYetRecorded > 0) parts.push({ key: 'notYetRecorded', text: `not yet recorded ${counts.notYetRecorded}`, title: `Had happened, not yet on the record: ${count(counts.notYetRecorded, 'record')}`, detail: () => listOf('notYetRecorded', 'notYetRecorded') });
  if (counts.hindsightOnly > 0) parts.push({ key: 'hindsightOnly', text: `came to light later ${counts.hindsightOnly}`, title: `Came to light only after the further offence: ${count(counts.hindsightOnly, 'record')}`, detail: () => listOf('hindsightOnly', 'hindsightOnly') });

  const w = view.workload;
  const source = (p: { fileName: string; row: number }) => <p className="hint">From {p.fileName}, row {p.row}.</p>;
  if (w) {
    const stale = isStale(w) ? ` (snapshot ${count(w.staleDays, 'day')} old)` : '';
    const run = w.over110Since ? `, ${w.excessive ? 'excessive: ' : ''}over ${EXCESSIVE_CAPACITY_PCT}% since ${formatUkDate(w.over110Since)}` : '';
    parts.push({
      key: 'workload',
      text: `${w.snapshot.capacityPct}% WMT${run}${stale}`,
      concern: w.excessive,
      title: `Workload (WMT capacity) on ${formatUkDate(w.snapshot.snapshotDate)}: ${w.snapshot.capacityPct}%`,
      detail: () => (
        <>
          <p className="why__rule">{WORKLOAD_RULES.excessive}</p>
          <WorkloadRun workload={w} />
          <p className="why__rule">{WORKLOAD_RULES.snapshot}</p>
          {source(w.snapshot.provenance)}
        </>
      ),
    });
    parts.push(
      w.snapshot.totalCases !== undefined
        ? { key: 'caseload', text: count(w.snapshot.totalCases, 'case'), concern: w.caseloadAtLeast50 === true, title: `Caseload on ${formatUkDate(w.snapshot.snapshotDate)}: ${count(w.snapshot.totalCases, 'case')}`, detail: () => <><p className="why__rule">{WORKLOAD_RULES.caseload}</p>{source(w.snapshot.provenance)}</> }
        : { key: 'caseload', text: 'caseload not recorded', title: 'Caseload', detail: () => <p>The workload snapshot of {formatUkDate(w.snapshot.snapshotDate)} does not give the number of cases.</p> },
    );
  } else {
    parts.push({ key: 'workload', text: 'no workload data', title: 'Workload', detail: () => <p>There is no workload snapshot for this officer on or before this date, so there is no figure. {WORKLOAD_RULES.snapshot}</p> });
  }
  const t = view.team;
  parts.push(
    t
      ? { key: 'team', text: `team ${t.staffingPct}%${t.deliveryStatus ? ` (${t.deliveryStatus})` : ''}`, concern: isRedStatus(t.deliveryStatus), title: `${t.teamName ?? t.teamCode} on ${formatUkDate(t.snapshotDate)}: ${t.staffingPct}% staffed`, detail: () => <><p className="why__rule">{TEAM_RULE}</p>{source(t.provenance)}</> }
      : { key: 'team', text: 'no team data', title: 'Team staffing', detail: () => <p>{view.teamCode ? `Team ${view.teamCode} has` : 'The officer’s team has'} no staffing snapshot on or before this date, so there is no figure.</p> },
  );
  const day = view.otherWork.sameDay;
  parts.push({
    key: 'otherWork',
    text: `${count(day.length, 'other contact')} that day`,
    title: `Other work on ${formatUkDate(view.date)}: ${count(day.length, 'contact')} on other cases (${view.otherWork.sameWeek.length.toLocaleString('en-GB')} in the seven days to it)`,
    detail: () => <><p className="why__rule">{OTHER_WORK_RULE}</p><RecordLinks records={[...day].reverse().slice(0, LISTED)} total={day.length} /></>,
  });
  return parts;
}
