import { useEffect, useRef } from 'react';
import { z } from 'zod';

/** The idle times a reviewer may choose, in minutes. No "never": the cases are sensitive, and laptops are left open. */
export const IDLE_CHOICES = [5, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 15;
export const IDLE_LOCK_SETTING = 'idleLockMinutes';
export const IdleMinutes = z.union(IDLE_CHOICES.map((m) => z.literal(m))).catch(DEFAULT_IDLE_MINUTES);

/** Input that counts as using Foresight. Scrolling, typing, pointing and touching all do; nothing else does. */
export const ACTIVITY_EVENTS = ['keydown', 'mousemove', 'mousedown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Call `onIdle` once, after `timeoutMs` with no input on `target`. Input only records the time (mousemove fires
 * constantly); the one timer checks that time when it fires and waits out the rest. Returns the function that stops it.
 */
export function watchIdle(target: EventTarget, timeoutMs: number, onIdle: () => void): () => void {
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout>;
  const used = () => {
    last = Date.now();
  };
  const stop = () => {
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, used, true);
  };
  const check = () => {
    const idle = Date.now() - last;
    if (idle < timeoutMs) {
      timer = setTimeout(check, timeoutMs - idle);
      return;
    }
    stop();
    onIdle();
  };
  // Captured, so a handler that stops an event from spreading still counts as use.
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, used, { capture: true, passive: true });
  timer = setTimeout(check, timeoutMs);
  return stop;
}

/** Lock the window after `minutes` with no input (the latest onIdle is called; changing minutes starts afresh). */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);
  useEffect(() => watchIdle(window, minutes * 60_000, () => latest.current()), [minutes]);
}
