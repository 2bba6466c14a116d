import { createContext, useContext } from 'react';
import type { ForesightDb } from './db.js';

export const DbContext = createContext<ForesightDb | null>(null);

export function useDb(): ForesightDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside the store provider');
  return db;
}
