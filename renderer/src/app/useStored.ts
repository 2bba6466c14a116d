import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../store/context.js';
import type { ForesightDb } from '../store/db.js';

/**
 * How a component reads the store: `read` runs over the open store, and again whenever what it read changes;
 * undefined until its first answer. A value that cannot be read (damaged, or changed outside Foresight) is thrown to the
 * nearest error boundary, which says what happened and what to do. Components never reach into the store's tables:
 * they read through store functions, here.
 */
export function useStored<T>(read: (db: ForesightDb) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDb();
  return useLiveQuery(() => read(db), [db, ...deps]);
}
