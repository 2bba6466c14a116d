import { useEffect, useState } from 'react';

/**
 * A value that follows another once it has stopped changing for `delayMs`. Stepping the cursor quickly (a key held
 * down) then repaints only the timeline; the officer panel and the table catch up when the cursor rests.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
