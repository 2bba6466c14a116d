import { createContext, useContext } from 'react';
import type { ForesightDb } from './types.js';

export const DbContext = createContext<ForesightDb | null>(null);
/** The store's data key, handed to the workers that open the store themselves. */
export const DataKeyContext = createContext<Uint8Array | null>(null);

export function useDb(): ForesightDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside the store provider');
  return db;
}

export function useDataKey(): Uint8Array {
  const key = useContext(DataKeyContext);
  if (!key) throw new Error('useDataKey outside the store provider');
  return key;
}
