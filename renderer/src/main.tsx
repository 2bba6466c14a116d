import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { IdentityGate } from './features/identity/IdentityGate.js';
import { AppProblem, ErrorBoundary } from './features/shell/ErrorBoundary.js';
import { StoreGate } from './features/unlock/StoreGate.js';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary resetKey="app" fallback={(error) => <AppProblem error={error} />}>
      <StoreGate>
        <IdentityGate>
          <App />
        </IdentityGate>
      </StoreGate>
    </ErrorBoundary>
  </StrictMode>,
);
