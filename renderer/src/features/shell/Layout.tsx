import { useEffect, useState, type ReactNode } from 'react';
import type { BridgeResponse } from '../../../../shared/bridge/contract.js';
import { bridge } from '../../bridge/index.js';
import { href, useHashRoute, type Route } from './useHashRoute.js';

type Section = 'cases' | 'open' | 'backups' | 'settings';

const SECTIONS: { section: Section; label: string; href: string }[] = [
  { section: 'cases', label: 'Cases', href: href.cases() },
  { section: 'open', label: 'Open a case file', href: href.open() },
  { section: 'backups', label: 'Backups', href: href.backups() },
  { section: 'settings', label: 'Settings', href: href.settings() },
];

/** The header section a page belongs to: every page of a case is in Cases. */
function sectionOf(route: Route): Section | null {
  switch (route.page) {
    case 'open':
    case 'backups':
    case 'settings':
      return route.page;
    case 'not-found':
      return null;
    default:
      return 'cases';
  }
}

/**
 * As GOV.UK's service navigation marks it: `page` on the link to the page shown, `true` on its section's link when the
 * page is further in (a case, or a form about one).
 */
function currentOf(route: Route, section: Section): 'page' | 'true' | undefined {
  if (sectionOf(route) !== section) return undefined;
  return section !== 'cases' || route.page === 'cases' ? 'page' : 'true';
}

export function Layout({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<BridgeResponse<'getAppInfo'> | null>(null);
  const route = useHashRoute();
  useEffect(() => {
    void bridge.getAppInfo({}).then(setInfo);
  }, []);
  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="app-header">
        <a className="app-header__name" href={href.cases()}>Foresight</a>
        <span className="app-header__strap">Serious further offence reviews: what was known, and what was carried</span>
        <nav className="app-header__nav" aria-label="Foresight">
          <ul className="app-header__list">
            {SECTIONS.map((s) => (
              <li key={s.section} className="app-header__item">
                <a className="app-header__link" href={s.href} aria-current={currentOf(route, s.section)}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        {info ? `${info.name} ${info.version} · ${info.shell === 'desktop' ? 'desktop app' : 'browser build'} · data stays on this computer` : '\u00a0'}
      </footer>
    </div>
  );
}
