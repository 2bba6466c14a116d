import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { PLACEHOLDER_REASONS, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { StateTag } from '../case/knowledgeLegend.js';
import { PLACEHOLDER, REVEALED } from '../../../../shared/engine/foresight.js';
import { NOTE_COLUMNS, NoteCellView, NoteEditor, recordLabel, type AfterEdit } from '../review/tabular/NoteCells.js';
import type { TabularNotes } from '../review/tabular/useTabularNotes.js';
import { recordDate, toRow, type ChronologyRow } from './rowView.js';

/** A first guess at a row's height; each row is measured once drawn (summaries wrap to up to three lines). */
const ROW_ESTIMATE = 44;

export interface RecordList {
  readonly length: number;
  at(index: number): CaseRecord | undefined;
}
const rowCache = new WeakMap<CaseRecord, ChronologyRow>();
export function rowOf(record: CaseRecord): ChronologyRow {
  let row = rowCache.get(record);
  if (!row) rowCache.set(record, (row = toRow(record)));
  return row;
}

/** Columns that can be empty in a case: a column no record fills takes no space. */
export interface OptionalColumns {
  time: boolean;
  who: boolean;
}

const rowDomId = (index: number) => `chronology-row-${index}`;
const cellDomId = (index: number, column: number) => `chronology-cell-${index}-${column}`;

/**
 * The chronology as a grid that stays smooth at 100,000 rows: only the rows in view are in the page.
 * Keyboard: the grid takes focus; arrows, Page Up/Down, Home and End move the selection, which the detail shows.
 * A record the officer could not know at the cursor is a placeholder row: its date and why, never its content.
 *
 * As the tabular timeline (`notes` given), each row carries the review's columns, and the grid moves by cell: left and
 * right arrows between cells, Enter or F2 to edit one in place (Space or Enter ticks a key event), Tab or Enter to save
 * and move on, Escape to put it back as it was. A held-back row's notes are held back with it.
 */
export function ChronologyTable(props: {
  /** The rows, in order: an array, or a view onto the case's records that shows only some. */
  records: RecordList;
  caption: string;
  /** Each record's knowledge state at the cursor, shown in its own column. */
  stateOf?: ((record: CaseRecord) => KnowledgeState | null) | undefined;
  /** How each record shows: FULL, PLACEHOLDER or REVEALED (see useCaseAtCursor). */
  displayOf: (record: CaseRecord) => number;
  columns: OptionalColumns;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
  /** What to say when no record shows. */
  empty: ReactNode;
  /** The tabular timeline: the review's notes on each record, edited in place. Absent: the plain chronology. */
  notes?: TabularNotes | undefined;
  /** A row Ctrl- or Cmd-clicked: picked as well as selected (the timeline's episode tray collects records so). */
  onPick?: ((index: number) => void) | undefined;
}) {
  const { records, caption, stateOf, displayOf, columns, selectedIndex, onSelect, notes, onPick } = props;
  const total = records.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (i) => records.at(i)?.id ?? i,
    overscan: 10,
  });

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // A User Timing mark, visible in developer tools and read by `npm run bench`: start to chronology shown.
  useEffect(() => {
    if (records.length > 0 && performance.getEntriesByName('chronology-shown').length === 0) performance.mark('chronology-shown');
  }, [records.length]);

  // The tabular timeline's cells: date, what happened, the state (when shown), then the review's columns.
  const tableRef = useRef<HTMLTableElement>(null);
  const firstNote = 2 + (stateOf ? 1 : 0);
  const lastColumn = firstNote + NOTE_COLUMNS.length - 1;
  const [column, setColumn] = useState<number | null>(null);
  const active = Math.min(column ?? firstNote, lastColumn);
  const [editing, setEditing] = useState<{ id: string; column: number } | null>(null);
  const editable = useCallback((r: CaseRecord) => notes?.ready === true && displayOf(r) !== PLACEHOLDER, [notes, displayOf]);
  const toggleKey = useCallback((r: CaseRecord) => void notes?.change(r, { field: 'key', key: notes.annotations.get(r.id)?.key !== true }), [notes]);
  const startEdit = useCallback(
    (index: number, at: number) => {
      const record = records.at(index);
      const field = NOTE_COLUMNS[at - firstNote]?.field;
      if (!record || !field || !editable(record)) return;
      if (field === 'key') toggleKey(record);
      else setEditing({ id: record.id, column: at });
    },
    [records, firstNote, editable, toggleKey],
  );
  const onDone = useCallback(
    (after: AfterEdit) => {
      setEditing(null);
      const row = selectedIndex ?? 0;
      const toRow = (i: number) => onSelect(Math.min(total - 1, Math.max(0, i)));
      if (after === 'down') toRow(row + 1);
      else if (after === 'next' && active < lastColumn) setColumn(active + 1);
      else if (after === 'next') {
        setColumn(firstNote);
        toRow(row + 1);
      } else if (after === 'previous' && active > firstNote) setColumn(active - 1);
      else if (after === 'previous') {
        setColumn(lastColumn);
        toRow(row - 1);
      }
      if (after !== 'away') tableRef.current?.focus();
    },
    [selectedIndex, onSelect, total, active, firstNote, lastColumn],
  );

  // The active cell scrolled into view sideways: past the record's own columns, which stay in view at the left.
  useEffect(() => {
    const scroller = scrollRef.current;
    const head = tableRef.current?.tHead?.rows[0]?.cells;
    const cell = head?.[active];
    if (!notes || !scroller || !head || !cell || active < firstNote) return;
    // The two columns that stay (date, what happened) start at the table's left edge.
    const left = (head[0]?.offsetWidth ?? 0) + (head[1]?.offsetWidth ?? 0);
    if (cell.offsetLeft < scroller.scrollLeft + left) scroller.scrollLeft = cell.offsetLeft - left;
    else if (cell.offsetLeft + cell.offsetWidth > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = cell.offsetLeft + cell.offsetWidth - scroller.clientWidth;
  }, [notes, active, firstNote]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      // Keys typed into a cell being edited are the editor's.
      if (total === 0 || e.target !== e.currentTarget) return;
      if (notes) {
        const cellKeys: Record<string, () => void> = {
          ArrowLeft: () => setColumn(Math.max(0, active - 1)),
          ArrowRight: () => setColumn(Math.min(lastColumn, active + 1)),
          Enter: () => (selectedIndex === null ? onSelect(0) : startEdit(selectedIndex, active)),
          F2: () => selectedIndex !== null && startEdit(selectedIndex, active),
          ' ': () => selectedIndex !== null && NOTE_COLUMNS[active - firstNote]?.field === 'key' && startEdit(selectedIndex, active),
        };
        const cellKey = cellKeys[e.key];
        if (cellKey) {
          e.preventDefault();
          cellKey();
          return;
        }
      }
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_ESTIMATE) - 1);
      const current = selectedIndex ?? -1;
      const moves: Record<string, number> = {
        ArrowDown: current + 1,
        ArrowUp: current - 1,
        PageDown: current + page,
        PageUp: current - page,
        Home: 0,
        End: total - 1,
      };
      const target = moves[e.key];
      if (target === undefined) return;
      e.preventDefault();
      onSelect(Math.min(total - 1, Math.max(0, target)));
    },
    [total, selectedIndex, onSelect, notes, active, lastColumn, firstNote, startEdit],
  );

  const onRowClick = (e: MouseEvent, index: number) => {
    onSelect(index);
    if (onPick && (e.ctrlKey || e.metaKey)) onPick(index);
    const at = Number((e.target as HTMLElement).closest('td')?.dataset.col);
    if (notes && Number.isInteger(at)) setColumn(at);
  };
  const onRowDoubleClick = (e: MouseEvent, index: number) => {
    const at = Number((e.target as HTMLElement).closest('td')?.dataset.col);
    // A double click on the key box has ticked it twice already: leave it.
    if (notes && Number.isInteger(at) && !(e.target instanceof HTMLInputElement)) startEdit(index, at);
  };

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columnCount = notes ? lastColumn + 1 : 3 + (columns.time ? 1 : 0) + (columns.who ? 1 : 0) + (stateOf ? 1 : 0);
  const activeId = selectedIndex === null ? undefined : notes ? cellDomId(selectedIndex, active) : rowDomId(selectedIndex);

  return (
    <div className="chronology-scroll" ref={scrollRef}>
      <table
        ref={tableRef}
        className={notes ? 'chronology-table chronology-table--tabular' : 'chronology-table'}
        role="grid"
        aria-label={caption}
        aria-rowcount={total + 1}
        aria-readonly={notes ? undefined : 'true'}
        aria-describedby={notes ? 'tabular-keys' : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={activeId}
      >
        {notes ? (
          <TabularHead withState={stateOf !== undefined} />
        ) : (
          <>
            <colgroup>
              <col className="col-date" />
              {columns.time && <col className="col-time" />}
              <col className="col-what" />
              {columns.who && <col className="col-who" />}
              <col className="col-summary" />
              {stateOf && <col className="col-state" />}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">Date</th>
                {columns.time && <th scope="col">Time</th>}
                <th scope="col">What happened</th>
                {columns.who && <th scope="col">Who</th>}
                <th scope="col">Summary</th>
                {stateOf && <th scope="col">Knowledge at the cursor</th>}
              </tr>
            </thead>
          </>
        )}
        <tbody>
          {total === 0 && (
            <tr>
              <td colSpan={columnCount} className="chronology-table__empty">{props.empty}</td>
            </tr>
          )}
          {before > 0 && <tr role="presentation" style={{ height: before }} />}
          {items.map((item) => {
            const record = records.at(item.index) as CaseRecord;
            const selected = item.index === selectedIndex;
            const display = displayOf(record);
            const state = stateOf?.(record) ?? null;
            const cellId = (c: number) => (selected && notes ? cellDomId(item.index, c) : undefined);
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                id={rowDomId(item.index)}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={[selected ? 'is-selected' : '', display === PLACEHOLDER ? 'is-placeholder' : '', display === REVEALED ? 'is-revealed' : ''].join(' ').trim() || undefined}
                onClick={(e) => onRowClick(e, item.index)}
                onDoubleClick={notes ? (e) => onRowDoubleClick(e, item.index) : undefined}
                data-record-id={record.id}
              >
                {notes ? (
                  <>
                    {display === PLACEHOLDER ? <TabularPlaceholderCells record={record} state={state} cellId={cellId} /> : <TabularRecordCells row={rowOf(record)} revealed={display === REVEALED} cellId={cellId} />}
                    {stateOf && <td className="col-state" id={cellId(2)} data-col={2} aria-readonly="true">{state && <StateTag state={state} />}</td>}
                    {NOTE_COLUMNS.map(({ field }, k) => {
                      const c = firstNote + k;
                      const classes = `col-note col-note--${field}${selected && c === active ? ' is-active' : ''}`;
                      if (display === PLACEHOLDER) {
                        // Notes on a record held back say something of it: they are held back with it.
                        return <td key={field} className={classes} id={cellId(c)} data-col={c} aria-readonly="true">{k === 0 && <span className="hint">Notes held back with the record</span>}</td>;
                      }
                      const isEditing = editing?.id === record.id && editing.column === c;
                      return (
                        <td key={field} className={`${classes}${isEditing ? ' is-editing' : ''}`} id={cellId(c)} data-col={c}>
                          {isEditing ? (
                            <NoteEditor field={field} record={record} notes={notes} onDone={onDone} />
                          ) : (
                            <NoteCellView field={field} annotation={notes.annotations.get(record.id)} factors={notes.factors} label={recordLabel(record)} onToggleKey={() => toggleKey(record)} />
                          )}
                        </td>
                      );
                    })}
                  </>
                ) : (
                  <>
                    {display === PLACEHOLDER ? <PlaceholderCells record={record} state={state} columns={columns} /> : <RecordCells row={rowOf(record)} columns={columns} revealed={display === REVEALED} />}
                    {stateOf && <td className="col-state">{state && <StateTag state={state} />}</td>}
                  </>
                )}
              </tr>
            );
          })}
          {after > 0 && <tr role="presentation" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}

function RecordCells({ row, columns, revealed }: { row: ChronologyRow; columns: OptionalColumns; revealed: boolean }) {
  return (
    <>
      <td className="col-date">{row.date}</td>
      {columns.time && <td className="col-time">{row.time || <span className="visually-hidden">time not known</span>}</td>}
      <td className="col-what">
        <div className="clamp">{row.what}</div>
        {row.outcome && <div className="chronology-table__outcome clamp">{row.outcome}</div>}
      </td>
      {columns.who && <td className="col-who"><div className="clamp">{row.who}</div></td>}
      <td className="col-summary">
        {revealed && <strong className="tag tag--red tag--inline">Revealed with hindsight</strong>}
        <div className="clamp clamp--3">{row.summary}</div>
      </td>
    </>
  );
}

type CellId = (column: number) => string | undefined;

/** What a placeholder row may say: when, and why the officer could not know it. Never what it was. */
function PlaceholderCells({ record, state, columns }: { record: CaseRecord; state: KnowledgeState | null; columns: OptionalColumns }) {
  const reason = placeholderReason(state);
  return (
    <>
      <td className="col-date">{recordDate(record)}</td>
      {columns.time && <td className="col-time" />}
      <td className="col-what">Not known to the officer then</td>
      {columns.who && <td className="col-who" />}
      <td className="col-summary">1 record {reason}. Select it to reveal it with hindsight.</td>
    </>
  );
}

const placeholderReason = (state: KnowledgeState | null) => (state && state in PLACEHOLDER_REASONS ? PLACEHOLDER_REASONS[state as keyof typeof PLACEHOLDER_REASONS] : 'not known then');

/** The tabular timeline's placeholder: the same, in its columns. */
function TabularPlaceholderCells({ record, state, cellId }: { record: CaseRecord; state: KnowledgeState | null; cellId: CellId }) {
  return (
    <>
      <td className="col-date" id={cellId(0)} data-col={0} aria-readonly="true">{recordDate(record)}</td>
      <td className="col-what" id={cellId(1)} data-col={1} aria-readonly="true">
        Not known to the officer then
        <div className="chronology-table__outcome">1 record {placeholderReason(state)}. Select it to reveal it with hindsight.</div>
      </td>
    </>
  );
}

/** The tabular timeline's own columns for the record: its date over its time, and what happened over its summary. */
function TabularRecordCells({ row, revealed, cellId }: { row: ChronologyRow; revealed: boolean; cellId: CellId }) {
  return (
    <>
      <td className="col-date" id={cellId(0)} data-col={0} aria-readonly="true">
        {row.date}
        {row.time && <div className="chronology-table__outcome">{row.time}</div>}
      </td>
      <td className="col-what" id={cellId(1)} data-col={1} aria-readonly="true">
        {revealed && <strong className="tag tag--red tag--inline">Revealed with hindsight</strong>}
        <div className="clamp"><strong>{row.what}</strong></div>
        <div className="clamp clamp--3">{row.summary}</div>
      </td>
    </>
  );
}

function TabularHead({ withState }: { withState: boolean }) {
  return (
    <>
      <colgroup>
        <col className="col-date" />
        <col className="col-what" />
        {withState && <col className="col-state" />}
        {NOTE_COLUMNS.map(({ field }) => <col key={field} className={`col-note col-note--${field}`} />)}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="col-date">Date</th>
          <th scope="col" className="col-what">What happened</th>
          {withState && <th scope="col">Knowledge at the cursor</th>}
          {NOTE_COLUMNS.map(({ field, label }) => <th key={field} scope="col">{label}</th>)}
        </tr>
      </thead>
    </>
  );
}
