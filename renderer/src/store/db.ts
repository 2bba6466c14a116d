import Dexie from 'dexie';
import { CLEAR_ROW_FIELDS } from './clearFields.js';
import { DATABASE_NAME, STORE_VERSIONS } from './schema.js';
import { sealingMiddleware, type Sealer, type SealingLayout } from './sealing.js';
import { headWatch } from './storeHead.js';
import type { ForesightDb } from './types.js';

export { CASE_TABLES, type ForesightDb } from './types.js';

export interface OpenOptions {
  /** Seals every value with the store's data key (encryption at rest). Only tests of the store itself leave it out. */
  sealer?: Sealer;
  /** Read values without a sealed part: only to seal, once, a store written before encryption (keyring.sealEverything). */
  acceptUnsealed?: boolean;
  /** Told the store's new head whenever a change to a trail commits (storeHead.ts). */
  onHead?: (head: number) => void;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * What an encrypted store keeps in the clear besides keys: rows' structured fields (clearFields.ts), and the row ids
 * of each block, which an import reads to find the rows it already has without opening them.
 */
const SEALING_LAYOUT: SealingLayout = {
  rowLists: { blocks: { field: 'items', clear: CLEAR_ROW_FIELDS } },
  clearFields: { blockKeys: ['keys'] },
};

/** Open the store with every schema version declared, so any older database upgrades in order. */
export function openDatabase(name = DATABASE_NAME, { sealer, acceptUnsealed, onHead, ...options }: OpenOptions = {}): ForesightDb {
  const db = new Dexie(name, options) as ForesightDb;
  if (sealer) db.use(sealingMiddleware(sealer, { ...SEALING_LAYOUT, acceptUnsealed }));
  if (onHead) db.use(headWatch(onHead));
  for (const v of STORE_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}
