import type { ForesightDb } from './types.js';

export async function getSetting<T>(db: ForesightDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: ForesightDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Ask the browser not to evict the store under storage pressure; months of review work live here. */
export async function requestPersistentStorage(storage: StorageManager | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  return (await storage.persisted()) || storage.persist();
}
