import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { PLACEHOLDER_REASONS, type KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { StateTag } from '../case/knowledgeLegend.js';
import { PLACEHOLDER, REVEALED } from '../../../../shared/engine/foresight.js';
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

/**
 * The chronology as a grid that stays smooth at 100,000 rows: only the rows in view are in the page.
 * Keyboard: the grid takes focus; arrows, Page Up/Down, Home and End move the selection, which the detail shows.
 * A record the officer could not know at the cursor is a placeholder row: its date and why, never its content.
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
}) {
  const { records, caption, stateOf, displayOf, columns, selectedIndex, onSelect } = props;
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

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (total === 0) return;
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
    [total, selectedIndex, onSelect],
  );

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columnCount = 3 + (columns.time ? 1 : 0) + (columns.who ? 1 : 0) + (stateOf ? 1 : 0);

  return (
    <div className="chronology-scroll" ref={scrollRef}>
      <table
        className="chronology-table"
        role="grid"
        aria-label={caption}
        aria-rowcount={total + 1}
        aria-readonly="true"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={selectedIndex !== null ? rowDomId(selectedIndex) : undefined}
      >
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
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                id={rowDomId(item.index)}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={[selected ? 'is-selected' : '', display === PLACEHOLDER ? 'is-placeholder' : '', display === REVEALED ? 'is-revealed' : ''].join(' ').trim() || undefined}
                onClick={() => onSelect(item.index)}
                data-record-id={record.id}
              >
                {display === PLACEHOLDER ? <PlaceholderCells record={record} state={state} columns={columns} /> : <RecordCells row={rowOf(record)} columns={columns} revealed={display === REVEALED} />}
                {stateOf && <td className="col-state">{state && <StateTag state={state} />}</td>}
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

/** What a placeholder row may say: when, and why the officer could not know it. Never what it was. */
function PlaceholderCells({ record, state, columns }: { record: CaseRecord; state: KnowledgeState | null; columns: OptionalColumns }) {
  const reason = state && state in PLACEHOLDER_REASONS ? PLACEHOLDER_REASONS[state as keyof typeof PLACEHOLDER_REASONS] : 'not known then';
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
