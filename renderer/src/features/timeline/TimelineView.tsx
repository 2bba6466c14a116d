import { useCallback, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import type { Policy } from '../../../../shared/schemas/review.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { CaseControls } from '../case/CaseControls.js';
import { happeningsOf, stepToRecord } from '../case/cursorSteps.js';
import { KnowledgeLegend } from '../case/knowledgeLegend.js';
import { RecordCount } from '../case/RecordCount.js';
import { FULL, PLACEHOLDER, REVEALED } from '../../../../shared/engine/foresight.js';
import { useCaseAtCursor } from '../case/useCaseAtCursor.js';
import { useSettledValue } from '../case/useSettledValue.js';
import { NoRecordsMessage } from '../chronology/NoRecordsMessage.js';
import { RecordsWithDetail } from '../chronology/RecordsWithDetail.js';
import { AddToEpisode, EpisodeMaker } from '../review/fromTimeline/EpisodeMaker.js';
import { useEpisodeTray } from '../review/fromTimeline/useEpisodeTray.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { HELD_BACK_ROW, type TimelineRow } from './draw.js';
import { RecallTiming } from '../review/RecallTiming.js';
import { caseLayout, caseRecalls, officerBands, recallShown, type CaseLayout } from './model.js';
import { OfficerPanel } from './OfficerPanel.js';
import { href } from '../shell/useHashRoute.js';
import { toLondonIso } from '../../../../shared/time/london.js';
import { TimelineCanvas } from './TimelineCanvas.js';

const SETTLE_MS = 80;
/** One element, so the memoised table is not re-rendered by a new one on every cursor step. */
const NO_RECORDS = <NoRecordsMessage />;
const NO_POLICIES: readonly Policy[] = [];

/**
 * The rows the chart draws. In hindsight, every lane. In foresight, a lane of partner information shows once it holds
 * something the officer could read (its agency's name says something too), and what the officer could not know then
 * is drawn on a row of its own, after the other agencies' lanes.
 */
function visibleRows(layout: CaseLayout, shown: Uint8Array, hindsight: boolean): TimelineRow[] {
  if (hindsight) return layout.lanes.map((_, k) => k);
  let heldBack = false;
  for (let i = 0; i < shown.length && !heldBack; i++) heldBack = shown[i] === PLACEHOLDER || shown[i] === REVEALED;
  const rows: TimelineRow[] = [];
  layout.lanes.forEach((lane, k) => {
    if (lane === 'oversight' && heldBack) rows.push(HELD_BACK_ROW);
    if (lane.startsWith('partner:') && !(layout.lanePositions[k] as Int32Array).some((i) => shown[i] === FULL)) return;
    rows.push(k);
  });
  return rows;
}

/**
 * The view from the tunnel: the case at the cursor as the chosen officer could see it, on a timeline and in a table.
 * `policies` (the review's register) give the recall steps their targets.
 */
export function TimelineView({ caseId, index, policies = NO_POLICIES, training = false }: {
  caseId: string;
  index: CaseIndex;
  policies?: readonly Policy[];
  /** The case can be presented to a room (a training copy, or synthetic): the cursor's moment can become a decision point. */
  training?: boolean;
}) {
  const { state, update } = useCaseViewState();
  const layout = caseLayout(index);
  const { officer, view, shown, states } = useCaseAtCursor(index, state);
  const sequences = caseRecalls(index, policies);
  const { hindsight, revealed } = state;
  const recall = useMemo(() => recallShown(index, sequences, { cursor: state.cursor, states, hindsight, revealed }), [index, sequences, state.cursor, states, hindsight, revealed]);
  const bands = useMemo(() => officerBands(index, officer, view?.teamCode ?? null), [index, officer, view?.teamCode]);
  const rows = useMemo(() => visibleRows(layout, shown, state.hindsight), [layout, shown, state.hindsight]);
  const selected = state.selectedId !== null ? (index.positionOf(state.selectedId) ?? -1) : -1;
  const frame = useMemo(
    () => ({ index, layout, bands, rows, shown, states: view?.states ?? null, cursor: state.cursor, foresight: !state.hindsight, selected, recall }),
    [index, layout, bands, rows, shown, view, state.cursor, state.hindsight, selected, recall],
  );
  const onSelectId = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const onCursor = useCallback((at: number) => update({ cursor: at }), [update]);
  const onReveal = useCallback((id: string) => update({ revealed: new Set([...state.revealed, id]) }), [update, state.revealed]);
  const onStep = useCallback((direction: -1 | 1) => update({ cursor: stepToRecord(happeningsOf(index), state.cursor, direction) }), [index, state.cursor, update]);
  // The canvas follows the cursor at once; the panel and the table follow when it rests, without holding it up.
  const restingCursor = useSettledValue(state.cursor, SETTLE_MS);
  const resting = useCaseAtCursor(index, { ...state, cursor: restingCursor });
  const restingRecall = useMemo(() => recallShown(index, sequences, { cursor: restingCursor, states: resting.states, hindsight, revealed }), [index, sequences, restingCursor, resting.states, hindsight, revealed]);
  // Records collected for a key practice episode: Ctrl- or Cmd-click on the chart or the table, or "Add to the episode".
  const tray = useEpisodeTray(index, resting.shown);
  const { toggle } = tray;
  const onSelect = useCallback(
    (position: number, pick?: boolean) => {
      const id = index.records[position]?.id ?? null;
      onSelectId(id);
      if (pick && id) toggle(id);
    },
    [index, onSelectId, toggle],
  );
  const moment = useMemo(
    () => ({ caseId, index, cursor: restingCursor, officer: state.officer, hindsight: state.hindsight, shown: resting.shown }),
    [caseId, index, restingCursor, state.officer, state.hindsight, resting.shown],
  );
  const addToEpisode = useCallback((record: CaseRecord) => <AddToEpisode id={record.id} tray={tray} hindsight={state.hindsight} />, [tray, state.hindsight]);
  return (
    <div className="timeline-view">
      <CaseControls index={index} view={resting.view} states={resting.states} defaultOfficer={resting.officer} onSelect={onSelectId} />
      <div className="timeline-view__main">
        <div className="timeline-view__chart">
          <TimelineCanvas frame={frame} onSelect={onSelect} onCursor={onCursor} onStep={onStep} />
          <KnowledgeLegend />
          <details className="legend" data-testid="recall-timing">
            <summary>Recall and enforcement timing{hindsight ? '' : ' by the cursor'}: {restingRecall.length === 1 ? '1 breach or recall' : `${restingRecall.length} breaches or recalls`}</summary>
            <p className="hint">The purple ticks across the oversight lane mark each step, bracketed with the time between them.</p>
            <RecallTiming sequences={restingRecall} onOpenRecord={onSelectId} empty={hindsight ? undefined : 'No breach, enforcement or recall records by this moment.'} />
          </details>
        </div>
        {resting.view ? (
          <OfficerPanel index={index} view={resting.view} hindsight={state.hindsight} revealed={state.revealed} onReveal={onReveal} onSelect={onSelectId} />
        ) : (
          <p className="officer-panel hint">This case has no allocations or staff yet: choose an officer to see their view.</p>
        )}
      </div>
      <EpisodeMaker at={moment} tray={tray} />
      {training && (
        <p className="timeline-view__training">
          <a href={href.training(caseId, { at: toLondonIso(restingCursor) })}>Use this moment as a decision point of the walkthrough</a>
        </p>
      )}
      <h2 className="heading-m timeline-view__table-heading">The same records as a table</h2>
      <RecordCount shown={resting.shown} total={index.records.length} hindsight={state.hindsight} filter={state.filter} />
      <RecordsWithDetail
        index={index}
        shown={resting.shown}
        states={resting.view?.states ?? null}
        caption="Records as at the cursor"
        selectedId={state.selectedId}
        onSelectId={onSelectId}
        onReveal={onReveal}
        moment={state.hindsight ? null : restingCursor}
        empty={NO_RECORDS}
        onPickId={toggle}
        detailActions={addToEpisode}
      />
    </div>
  );
}
