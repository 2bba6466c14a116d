import type { ReactNode } from 'react';

/** The frame of a page shown before the store is open or when the app itself fails: the name, and nothing to navigate. */
export function BareShell({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-header__name">Foresight</span>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </div>
  );
}
