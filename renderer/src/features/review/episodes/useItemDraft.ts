import { useCallback, useEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../../../../shared/audit/trail.js';

/** Typing is saved when the person pauses this long, or leaves the field: never on every keystroke. */
export const PAUSE_MS = 800;

interface Held<T> {
  /** What the form shows: the item with the person's changes. */
  value: T;
  /** The item as the store last gave it. */
  seen: T;
  /** Values sent to the store and not yet seen back from it, oldest first. */
  sent: { key: string; value: T }[];
}

/**
 * The store's value as it comes back: our own save coming back changes nothing on the form; anything else (an undo,
 * another window) replaces what the form shows.
 */
function follow<T>(held: Held<T>, saved: T): Held<T> {
  const key = canonicalJson(saved);
  if (key === canonicalJson(held.seen)) return { ...held, seen: saved };
  const mine = held.sent.findIndex((s) => s.key === key);
  if (mine >= 0) return { value: held.value, seen: saved, sent: held.sent.slice(mine + 1) };
  return { value: saved, seen: saved, sent: [] };
}

/**
 * One item of the review being edited in place (an episode, a finding): the form shows the item with the person's
 * changes, and saves the whole item when they pause typing or leave a field (`'pause'`), or at once for a choice
 * (`'now'`). Saves go in order, one after another; each is a trail entry whose words `describe` gives (or `what`,
 * for a change that names itself, such as a flag dismissed). Anything typed and not yet saved is saved when the form
 * closes.
 */
export function useItemDraft<T>(saved: T, store: (next: T, before: T, what: string | undefined) => Promise<boolean>) {
  const [held, setHeld] = useState<Held<T>>({ value: saved, seen: saved, sent: [] });
  let now = held;
  if (saved !== held.seen) {
    now = follow(held, saved);
    setHeld(now);
  }
  // What the handlers read: the state as last rendered, kept a step ahead by the handlers themselves.
  const mirror = useRef(now);
  useEffect(() => {
    mirror.current = now;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The latest way to store, so a save waiting for a pause uses it without the wait starting again.
  const storeRef = useRef(store);
  useEffect(() => {
    storeRef.current = store;
  });

  const send = useCallback(
    (what?: string) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const h = mirror.current;
      const before = h.sent.at(-1)?.value ?? h.seen;
      const key = canonicalJson(h.value);
      if (key === canonicalJson(before)) return;
      const value = h.value;
      const sent = { key, value };
      mirror.current = { ...h, sent: [...h.sent, sent] };
      setHeld((s) => ({ ...s, sent: [...s.sent, sent] }));
      queue.current = queue.current.then(async () => {
        if (!(await storeRef.current(value, before, what))) setHeld((s) => ({ ...s, sent: s.sent.filter((x) => x !== sent) }));
      });
    },
    [],
  );

  /**
   * Change the item (a new value, or a change to the current one): saved after a pause in typing, or at once; a change
   * with its own words is its own entry.
   */
  const set = useCallback(
    (change: T | ((current: T) => T), how: 'pause' | 'now', what?: string) => {
      if (what !== undefined) send();
      const value = typeof change === 'function' ? (change as (current: T) => T)(mirror.current.value) : change;
      mirror.current = { ...mirror.current, value };
      setHeld((s) => ({ ...s, value }));
      clearTimeout(timer.current);
      if (how === 'now') send(what);
      else timer.current = setTimeout(() => send(), PAUSE_MS);
    },
    [send],
  );

  /** Save what is typed now (the person left the field). */
  const flush = useCallback(() => send(), [send]);

  useEffect(() => () => (timer.current !== undefined ? send() : undefined), [send]);
  return { value: now.value, set, flush };
}
