import { usePageTitle } from './usePageTitle.js';

/** What the window shows while Foresight opens (the store, then the first run). */
export function Opening() {
  usePageTitle('Opening Foresight');
  return <p className="page" aria-live="polite">Opening Foresight…</p>;
}
