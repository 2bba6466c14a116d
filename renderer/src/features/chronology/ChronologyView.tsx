import { useCallback, useMemo } from 'react';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { PLACEHOLDER } from '../../../../shared/engine/foresight.js';
import { keyEventsShown } from '../../../../shared/review/annotations.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { CaseControls } from '../case/CaseControls.js';
import { RecordCount } from '../case/RecordCount.js';
import { useCaseAtCursor } from '../case/useCaseAtCursor.js';
import { NotesSummary } from '../review/tabular/NotesSummary.js';
import { TabularBar } from '../review/tabular/TabularBar.js';
import { useTabularNotes } from '../review/tabular/useTabularNotes.js';
import { href } from '../shell/useHashRoute.js';
import { NoRecordsMessage } from './NoRecordsMessage.js';
import { RecordsWithDetail } from './RecordsWithDetail.js';

/**
 * The case's records, earliest first, with each one's knowledge state at the shared moment. It follows foresight as
 * the timeline does: with hindsight off, nothing after the moment shows, and what the officer could not know then is
 * a placeholder. As the tabular timeline it carries the review's notes on each record, which follow the same rule.
 */
const NO_RECORDS = <NoRecordsMessage />;
const NO_KEY_EVENTS = <><strong>No key events show at this moment.</strong> Tick "Key event" on a record in the tabular timeline to mark one.</>;

export function ChronologyView({ caseId, index }: { caseId: string; index: CaseIndex }) {
  const { state, update } = useCaseViewState();
  const { officer, view, shown, states } = useCaseAtCursor(index, state);
  const { notes, status } = useTabularNotes(caseId);
  const positionOf = useCallback((id: string) => index.positionOf(id), [index]);
  const { keyEventsOnly } = state;
  const showing = useMemo(() => (keyEventsOnly ? keyEventsShown(positionOf, shown, notes.annotations) : shown), [keyEventsOnly, positionOf, shown, notes.annotations]);
  const keyEvents = useMemo(() => (keyEventsOnly ? showing.reduce((n, s) => n + (s === 0 ? 0 : 1), 0) : 0), [keyEventsOnly, showing]);
  const onSelectId = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const onReveal = useCallback((id: string) => update({ revealed: new Set([...state.revealed, id]) }), [update, state.revealed]);
  const { annotations, factors } = notes;
  const notesOf = useCallback(
    (record: CaseRecord, display: number) => (display === PLACEHOLDER ? null : <NotesSummary annotation={annotations.get(record.id)} factors={factors} />),
    [annotations, factors],
  );
  if (index.records.length === 0) {
    return (
      <div className="not-built">
        <h2 className="heading-m">This case has no records yet</h2>
        <p>Records come from nDelius contact exports, partner-agency information, allocations and workload snapshots.</p>
        <p><a href={href.case(caseId, 'import')}>Import files into this case</a></p>
      </div>
    );
  }
  return (
    <div className="chronology-view">
      <CaseControls index={index} view={view} states={states} defaultOfficer={officer} onSelect={onSelectId} />
      <TabularBar tabular={state.tabular} keyEventsOnly={keyEventsOnly} status={status} onChange={update} />
      {keyEventsOnly ? (
        <p className="record-count" id="chronology-count" aria-live="polite">
          <strong>{keyEvents.toLocaleString('en-GB')}</strong> key {keyEvents === 1 ? 'event' : 'events'}
          {state.hindsight ? ' (hindsight).' : ' up to the moment. Key events the officer could not know then are left out.'}
        </p>
      ) : (
        <RecordCount id="chronology-count" shown={shown} total={index.records.length} hindsight={state.hindsight} filter={state.filter} />
      )}
      <RecordsWithDetail
        index={index}
        shown={showing}
        states={view?.states ?? null}
        caption={state.tabular ? 'Tabular timeline' : 'Chronology'}
        selectedId={state.selectedId}
        onSelectId={onSelectId}
        onReveal={onReveal}
        moment={state.hindsight ? null : state.cursor}
        empty={keyEventsOnly ? NO_KEY_EVENTS : NO_RECORDS}
        notes={state.tabular ? notes : undefined}
        detailExtra={state.tabular ? notesOf : undefined}
      />
    </div>
  );
}
