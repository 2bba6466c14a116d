import { useEffect, useRef, useState, type ReactNode } from 'react';
import { londonDateOf } from '../../../../../shared/time/london.js';

/** What a register's form is doing: adding an item, changing one, or asking before deleting one. */
export type Editing = { mode: 'add' } | { mode: 'change'; id: string } | { mode: 'delete'; id: string } | null;

/**
 * A register's one open form at a time. Closing it gives focus back to the button that opened it, or, after a delete
 * (its row is going), to the section's heading, so a keyboard user is never left at the top of the page.
 */
export function useRegister() {
  const [editing, setEditing] = useState<Editing>(null);
  const opener = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const refocus = useRef<'opener' | 'heading' | null>(null);
  useEffect(() => {
    if (editing !== null || refocus.current === null) return;
    const to = refocus.current === 'opener' && opener.current?.isConnected ? opener.current : heading.current;
    refocus.current = null;
    to?.focus();
  }, [editing]);
  return {
    editing,
    heading,
    open(next: Exclude<Editing, null>) {
      if (editing === null) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setEditing(next);
    },
    close() {
      refocus.current = 'opener';
      setEditing(null);
    },
    deleted() {
      refocus.current = 'heading';
      setEditing(null);
    },
  };
}

/** The panel a register's form opens in: its heading takes focus, so a screen reader starts from what it is for. */
export function RegisterPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="register-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="heading-s register-panel__title" tabIndex={-1} ref={heading}>{title}</h3>
      {children}
    </section>
  );
}

/** Change and Delete for one row; each says which item it is for to a screen reader. */
export function RowActions({ name, onChange, onDelete }: { name: string; onChange: () => void; onDelete: () => void }) {
  return (
    <div className="register__row-actions">
      <button type="button" className="link-button" onClick={onChange}>Change<span className="visually-hidden"> {name}</span></button>
      <button type="button" className="link-button link--warning" onClick={onDelete}>Delete<span className="visually-hidden"> {name}</span></button>
    </div>
  );
}

/** Deleting asks first, and says what else changes: the links to the item are taken out with it (undo puts them back). */
export function ConfirmDelete({ id, name, consequence, onConfirm, onCancel }: { id: string; name: string; consequence: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <RegisterPanel id={id} title={`Delete ${name}?`}>
      <p>{consequence}</p>
      <div className="button-group">
        <button type="button" className="button button--warning" onClick={onConfirm}>Yes, delete it</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>No, keep it</button>
      </div>
    </RegisterPanel>
  );
}

/** Today's London date, as the page was opened: what "past due" is measured against. */
export function useToday(): string {
  const [today] = useState(() => londonDateOf(Date.now()));
  return today;
}
