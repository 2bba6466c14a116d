import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { DbContext } from './store/context.js';
import { openDatabase } from './store/db.js';
import './styles.css';

const db = openDatabase();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <DbContext.Provider value={db}>
      <App />
    </DbContext.Provider>
  </StrictMode>,
);
