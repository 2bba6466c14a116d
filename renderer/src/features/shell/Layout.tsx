import { useEffect, useState, type ReactNode } from 'react';
import type { BridgeResponse } from '../../../../shared/bridge/contract.js';
import { bridge } from '../../bridge/index.js';
import { href } from './useHashRoute.js';

export function Layout({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<BridgeResponse<'getAppInfo'> | null>(null);
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
          <a href={href.open()}>Open a case file</a>
          <a href={href.backups()}>Backups</a>
          <a href={href.settings()}>Settings</a>
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
