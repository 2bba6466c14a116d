import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'cases' }
  | { page: 'new-case' }
  | { page: 'new-from-files' }
  | { page: 'case'; caseId: string; tab: CaseTab; section?: string }
  | { page: 'edit'; caseId: string }
  | { page: 'delete'; caseId: string }
  | { page: 'export'; caseId: string }
  | { page: 'settings' }
  | { page: 'backups' }
  | { page: 'open' }
  | { page: 'not-found' };

export type CaseTab = 'chronology' | 'import' | 'timeline' | 'activity' | 'review' | 'training';
const TABS: readonly CaseTab[] = ['chronology', 'import', 'timeline', 'activity', 'review', 'training'];
const PAGES = ['settings', 'backups', 'open'] as const;

/** Routes live in the URL's hash: the app is one page served from app:// (or Vite), with no server to route. */
export function parseRoute(hash: string): Route {
  // A query after the path (`?present=1`) asks something of the page, not for another page (useHashQuery).
  const parts = hash.replace(/^#\/?/, '').replace(/\?.*$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'cases' };
  if (parts[0] === 'new' && parts.length === 1) return { page: 'new-case' };
  if (parts[0] === 'new' && parts[1] === 'files' && parts.length === 2) return { page: 'new-from-files' };
  const page = PAGES.find((p) => p === parts[0]);
  if (page && parts.length === 1) return { page };
  if (parts[0] === 'cases' && parts[1]) {
    const caseId = parts[1];
    const rest = parts[2];
    if (rest === undefined) return { page: 'case', caseId, tab: 'chronology' };
    // `rename` is what the page was called before it edited every detail: old links still reach it.
    if (rest === 'edit' || rest === 'rename') return { page: 'edit', caseId };
    if (rest === 'delete') return { page: 'delete', caseId };
    if (rest === 'export') return { page: 'export', caseId };
    // The review has sections of its own: `#/cases/ID/review/findings`.
    if (rest === 'review' && parts[3] && parts.length === 4) return { page: 'case', caseId, tab: 'review', section: parts[3] };
    if ((TABS as readonly string[]).includes(rest) && parts.length === 3) return { page: 'case', caseId, tab: rest as CaseTab };
  }
  return { page: 'not-found' };
}

export const href = {
  cases: () => '#/',
  newCase: () => '#/new',
  newFromFiles: () => '#/new/files',
  case: (caseId: string, tab: CaseTab = 'chronology') =>
    tab === 'chronology' ? `#/cases/${encodeURIComponent(caseId)}` : `#/cases/${encodeURIComponent(caseId)}/${tab}`,
  review: (caseId: string, section: string) => `#/cases/${encodeURIComponent(caseId)}/review/${encodeURIComponent(section)}`,
  edit: (caseId: string) => `#/cases/${encodeURIComponent(caseId)}/edit`,
  delete: (caseId: string) => `#/cases/${encodeURIComponent(caseId)}/delete`,
  /** The Training tab; `present` asks it to open the presenter (a training pack just opened). */
  training: (caseId: string, { present = false, at }: { present?: boolean; at?: string } = {}) =>
    `#/cases/${encodeURIComponent(caseId)}/training${present ? '?present=1' : at ? `?at=${encodeURIComponent(at)}` : ''}`,
  export: (caseId: string) => `#/cases/${encodeURIComponent(caseId)}/export`,
  settings: () => '#/settings',
  backups: () => '#/backups',
  open: () => '#/open',
};

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** The query after the hash's path (`#/cases/c1/training?present=1`), live. */
export function useHashQuery(): URLSearchParams {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

export function navigate(to: string): void {
  window.location.hash = to;
}
