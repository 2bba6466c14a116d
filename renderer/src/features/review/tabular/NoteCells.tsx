import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { whatHappened } from '../../../../../shared/domain/summary.js';
import { ANNOTATION_TEXTS, FACTORS_LABEL, KEY_LABEL, valueOf, type AnnotationChange, type AnnotationText } from '../../../../../shared/review/annotations.js';
import type { CaseRecord } from '../../../../../shared/schemas/index.js';
import type { Annotation, Factor } from '../../../../../shared/schemas/review.js';
import { href } from '../../shell/useHashRoute.js';
import type { TabularNotes } from './useTabularNotes.js';

/** The tabular timeline's columns after the record's own: the four written ones, the factors, and the key-event mark. */
export type NoteField = AnnotationChange['field'];
export const NOTE_COLUMNS: readonly { field: NoteField; label: string }[] = [
  ...ANNOTATION_TEXTS,
  { field: 'factors', label: FACTORS_LABEL },
  { field: 'key', label: KEY_LABEL },
];

/**
 * Where the grid goes once a cell is no longer edited: nowhere (Escape, or saved where it is), down a row (Enter),
 * to the next or previous cell (Tab, Shift+Tab), or nowhere with the focus left where the user put it (a click away,
 * or the row scrolled out of the page).
 */
export type AfterEdit = 'stay' | 'down' | 'next' | 'previous' | 'away';

/** Saved as the user pauses typing (or choosing), not on every keystroke. */
const PAUSE_MS = 800;

/** What one cell shows when it is not being edited. */
export function NoteCellView({ field, annotation, factors, label, onToggleKey }: {
  field: NoteField;
  annotation: Annotation | undefined;
  factors: readonly Factor[];
  label: string;
  onToggleKey: () => void;
}) {
  if (field === 'key') {
    // Not in the tab order: the grid is one stop, and Space or Enter on the cell toggles it.
    return <input type="checkbox" className="tabular__key" tabIndex={-1} checked={annotation?.key === true} aria-label={`${KEY_LABEL}: ${label}`} onChange={onToggleKey} />;
  }
  if (field === 'factors') {
    const chosen = (annotation?.factors ?? []).map((id) => factors.find((f) => f.id === id) ?? { id, text: '' });
    return (
      <div className="clamp clamp--3">
        {chosen.map((f, i) => (
          <span key={f.id}>{i > 0 && '; '}<strong>{f.id}</strong>{f.text && ` ${f.text}`}</span>
        ))}
      </div>
    );
  }
  return <div className="clamp clamp--3">{annotation?.[field]}</div>;
}

/** The record a cell belongs to, in words, for the editor's label. */
export const recordLabel = (record: CaseRecord) => whatHappened(record);

/**
 * One cell being edited. Its own draft until it is done: saved when the user pauses, and when they leave it by Tab,
 * Enter or a click elsewhere (or the row scrolls out of the page); Escape puts back what it held before.
 */
export function NoteEditor({ field, record, notes, onDone }: { field: NoteField; record: CaseRecord; notes: TabularNotes; onDone: (after: AfterEdit) => void }) {
  if (field === 'factors') return <FactorsEditor record={record} notes={notes} onDone={onDone} />;
  // A key event is ticked, not edited.
  if (field === 'key') return null;
  return <TextEditor field={field} record={record} notes={notes} onDone={onDone} />;
}

/**
 * Saving one cell's value as it is edited: `typed` saves it once the user pauses, `finish` when they are done (or,
 * cancelled, puts back the value the cell held when editing began); never the same value twice. Whatever is still
 * unsaved when the editor leaves the page (its row scrolled out) is saved then.
 */
function useCellSaving(record: CaseRecord, notes: TabularNotes, field: NoteField, toChange: (value: string) => AnnotationChange) {
  const [original] = useState(() => valueOf(notes.annotations.get(record.id), field));
  const sent = useRef(original);
  const latest = useRef(original);
  const finished = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const change = notes.change;
  const send = useRef((value: string) => {
    window.clearTimeout(timer.current);
    if (value === sent.current) return;
    sent.current = value;
    void change(record, toChange(value));
  });
  useEffect(() => {
    const { current: sendNow } = send;
    return () => {
      if (!finished.current) sendNow(latest.current);
    };
  }, []);
  return {
    typed(value: string) {
      latest.current = value;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => send.current(value), PAUSE_MS);
    },
    /** Done: save what is there (or, cancelled, what was there before). True the first time only. */
    finish(cancelled: boolean): boolean {
      if (finished.current) return false;
      finished.current = true;
      send.current(cancelled ? original : latest.current);
      return true;
    },
  };
}

/** The cell being edited, grown to hold its editor, scrolled wholly into view (focus shows only its top edge). */
function showWhole(editor: HTMLElement) {
  editor.closest('td')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function TextEditor({ field, record, notes, onDone }: { field: AnnotationText; record: CaseRecord; notes: TabularNotes; onDone: (after: AfterEdit) => void }) {
  const label = ANNOTATION_TEXTS.find((t) => t.field === field)?.label ?? field;
  const [draft, setDraft] = useState(() => valueOf(notes.annotations.get(record.id), field));
  const saving = useCellSaving(record, notes, field, (text) => ({ field, text }));
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    showWhole(el);
  }, []);
  const done = (after: AfterEdit, cancelled = false) => {
    if (saving.finish(cancelled)) onDone(after);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') done('stay', true);
    // Shift+Enter is a new line; Enter alone saves and goes down, as in a spreadsheet.
    else if (e.key === 'Enter' && !e.shiftKey && !e.altKey) done('down');
    else if (e.key === 'Tab') done(e.shiftKey ? 'previous' : 'next');
    else return;
    e.preventDefault();
  };
  return (
    <textarea
      ref={ref}
      className="tabular__editor"
      aria-label={`${label}: ${recordLabel(record)}`}
      aria-describedby="tabular-keys"
      value={draft}
      rows={4}
      onChange={(e) => {
        setDraft(e.target.value);
        saving.typed(e.target.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => done('away')}
    />
  );
}

function FactorsEditor({ record, notes, onDone }: { record: CaseRecord; notes: TabularNotes; onDone: (after: AfterEdit) => void }) {
  const { factors } = notes;
  const [chosen, setChosen] = useState<readonly string[]>(() => notes.annotations.get(record.id)?.factors ?? []);
  const saving = useCellSaving(record, notes, 'factors', (ids) => ({ field: 'factors', factors: ids === '' ? [] : ids.split(',') }));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first factor; with none yet, the group itself (its link to the register is the next Tab).
    const first = ref.current?.querySelector<HTMLElement>('input');
    (first ?? ref.current)?.focus();
    if (ref.current) showWhole(ref.current);
  }, []);
  const done = (after: AfterEdit, cancelled = false) => {
    if (saving.finish(cancelled)) onDone(after);
  };
  const toggle = (id: string) => {
    // Kept in the register's order, whatever order they are ticked in.
    const next = factors.map((f) => f.id).filter((f) => (f === id ? !chosen.includes(f) : chosen.includes(f)));
    setChosen(next);
    saving.typed(next.join(','));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const boxes = [...(ref.current?.querySelectorAll<HTMLElement>('input, a') ?? [])];
    if (e.key === 'Escape') done('stay', true);
    else if (e.key === 'Enter' && (e.target instanceof HTMLInputElement || e.target === e.currentTarget)) done('down');
    // Tab moves between the factors; past the last (or before the first), it saves and moves on, as in any cell.
    else if (e.key === 'Tab' && !e.shiftKey && e.target === boxes[boxes.length - 1]) done('next');
    else if (e.key === 'Tab' && e.shiftKey && e.target === boxes[0]) done('previous');
    else return;
    e.preventDefault();
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) done('away');
  };
  return (
    <div ref={ref} className="tabular__factors" role="group" aria-label={`${FACTORS_LABEL}: ${recordLabel(record)}`} tabIndex={-1} onKeyDown={onKeyDown} onBlur={onBlur}>
      {factors.length === 0 ? (
        <p className="hint">
          The review has no contributory factors yet. <a href={href.review(notes.caseId, 'factors')}>Add them in the review</a>
        </p>
      ) : (
        factors.map((f) => (
          <label key={f.id} className="tabular__factor">
            <input type="checkbox" checked={chosen.includes(f.id)} onChange={() => toggle(f.id)} />
            <span><strong>{f.id}</strong> {f.text}</span>
          </label>
        ))
      )}
    </div>
  );
}
