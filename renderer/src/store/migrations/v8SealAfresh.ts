import type { Transaction } from 'dexie';

/**
 * Version 7 to 8: every value written afresh, so an encrypted store holds only version 8's seal, which authenticates
 * the fields kept in the clear as well and keeps who knew what, and when, sealed. One value at a time: backups and
 * blocks of rows can be large. Frozen.
 */
export async function sealAfresh(tx: Transaction): Promise<void> {
  for (const name of tx.storeNames) {
    // The transaction names every table of the newest version; one a later version adds does not exist yet here.
    if (!tx.idbtrans.db.objectStoreNames.contains(name)) continue;
    const table = tx.table(name);
    for (const key of await table.toCollection().primaryKeys()) await table.put(await table.get(key));
  }
}
