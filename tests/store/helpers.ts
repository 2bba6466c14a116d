import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase } from '../../renderer/src/store/db.js';

/** A fresh, isolated IndexedDB per test: nothing leaks between tests. */
export function freshDb(name = 'foresight-test') {
  const indexedDB = new IDBFactory();
  return { db: openDatabase(name, { indexedDB, IDBKeyRange }), indexedDB };
}
