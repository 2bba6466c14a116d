import { describe, expect, it, vi } from 'vitest';
import { dropKeyHolders, holdKey, StoppedByLock } from '../../renderer/src/store/keyHolders.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { closeStore } from '../../renderer/src/features/unlock/openStore.js';
import { openDatabase } from '../../renderer/src/store/db.js';
import { sealerFor } from '../../renderer/src/store/sealing.js';

const fakeWorker = () => ({ terminate: vi.fn() }) as unknown as Worker & { terminate: ReturnType<typeof vi.fn> };

describe('locking', () => {
  it('ends every worker still holding the data key, and tells whoever waits on one', () => {
    const [a, b, done] = [fakeWorker(), fakeWorker(), fakeWorker()];
    const stopped = vi.fn();
    holdKey(a, stopped);
    holdKey(b);
    holdKey(done)();
    dropKeyHolders();
    expect(a.terminate).toHaveBeenCalledTimes(1);
    expect(b.terminate).toHaveBeenCalledTimes(1);
    expect(done.terminate).not.toHaveBeenCalled();
    expect(stopped).toHaveBeenCalledTimes(1);
    dropKeyHolders();
    expect(a.terminate).toHaveBeenCalledTimes(1);
    expect(new StoppedByLock().message).toMatch(/locked before this finished/);
  });

  it('overwrites the keys a sealer holds: nothing it sealed opens afterwards', () => {
    const sealer = sealerFor(crypto.getRandomValues(new Uint8Array(32)));
    const context = new TextEncoder().encode('settings\n["k"]');
    const sealed = sealer.seal(new TextEncoder().encode('secret'), context);
    expect(new TextDecoder().decode(sealer.open(sealed, context))).toBe('secret');
    sealer.forget();
    expect(() => sealer.open(sealed, context)).toThrow();
  });

  it('closes the store, ends its workers and zeroes the data key, all at once', async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const sealer = sealerFor(dataKey);
    const db = openDatabase('foresight', { indexedDB: new IDBFactory(), IDBKeyRange, sealer });
    await db.open();
    const worker = fakeWorker();
    holdKey(worker);
    closeStore({ db, dataKey, sealer, protection: 'passphrase', head: { ok: true } });
    expect(worker.terminate).toHaveBeenCalled();
    expect(db.isOpen()).toBe(false);
    expect(dataKey.every((b) => b === 0)).toBe(true);
  });
});
