import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import type { KnowledgeState } from '../../../../shared/engine/knowledge.js';
import { StateTag } from '../case/knowledgeLegend.js';
import { toRow, type ChronologyRow } from './rowView.js';

const ROW_HEIGHT = 36;

export interface RecordList {
  readonly length: number;
  at(index: number): CaseRecord | undefined;
}
const rowCache = new WeakMap<CaseRecord, ChronologyRow>();
function rowOf(record: CaseRecord): ChronologyRow {
  let row = rowCache.get(record);
  if (!row) rowCache.set(record, (row = toRow(record)));
  return row;
}

const STATE_COLUMN = { key: 'state', label: 'Knowledge at cursor', className: 'col-state' } as const;

const COLUMNS: { key: keyof ChronologyRow; label: string; className: string }[] = [
  { key: 'date', label: 'Date', className: 'col-date' },
  { key: 'time', label: 'Time', className: 'col-time' },
  { key: 'kind', label: 'Kind', className: 'col-kind' },
  { key: 'type', label: 'nDelius type', className: 'col-type' },
  { key: 'outcome', label: 'Outcome', className: 'col-outcome' },
  { key: 'who', label: 'Who', className: 'col-who' },
  { key: 'agency', label: 'Source', className: 'col-agency' },
  { key: 'summary', label: 'Summary', className: 'col-summary' },
];

const rowDomId = (index: number) => `chronology-row-${index}`;

/**
 * The chronology as a grid that stays smooth at 100,000 rows: only the rows in view are in the page.
 * Keyboard: the grid takes focus; arrows, Page Up/Down, Home and End move the selection, which the detail shows.
 */
export function ChronologyTable(props: {
  /** The rows, in order: an array, or a view onto the case's records that shows only some. */
  records: RecordList;
  caption: string;
  /** Each record's knowledge state at the cursor, shown in its own column. */
  stateOf?: ((record: CaseRecord) => KnowledgeState | null) | undefined;
  /** Records drawn faintly: not known and not on record. */
  ghosted?: (record: CaseRecord) => boolean;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
}) {
  const { records, caption, stateOf, ghosted, selectedIndex, onSelect } = props;
  const columns = stateOf ? [...COLUMNS, STATE_COLUMN] : COLUMNS;
  const total = records.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
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
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
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
          {columns.map((c) => <col key={c.key} className={c.className} />)}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr role="presentation" style={{ height: before }} />}
          {items.map((item) => {
            const record = records.at(item.index) as CaseRecord;
            const selected = item.index === selectedIndex;
            const row = rowOf(record);
            return (
              <tr
                key={record.id}
                id={rowDomId(item.index)}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={[selected ? 'is-selected' : '', ghosted?.(record) ? 'is-ghost' : ''].join(' ').trim() || undefined}
                style={{ height: ROW_HEIGHT }}
                onClick={() => onSelect(item.index)}
                data-record-id={record.id}
              >
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.className} title={row[c.key] || undefined}>
                    {c.key === 'time' && !row.time ? <span className="visually-hidden">time not known</span> : row[c.key]}
                  </td>
                ))}
                {stateOf && <td className={STATE_COLUMN.className}>{stateOf(record) && <StateTag state={stateOf(record) as KnowledgeState} />}</td>}
              </tr>
            );
          })}
          {after > 0 && <tr role="presentation" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
