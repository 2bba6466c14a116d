import { StoredValueDamaged } from './caseFileProtocol.js';
import { holdKey, StoppedByLock } from '../store/keyHolders.js';

/** How a job's worker ends: its result, or why it failed (`damaged`: a stored value would not open). */
export type WorkerEnd = { type: 'done'; result: unknown } | { type: 'failed'; message: string; damaged?: true };

/**
 * Run one job in a worker of its own, which ends with it: the store's key is held while it runs (a lock stops it),
 * `signal` stops it at once (the worker is ended, rejecting with `cancelled()`), and every message but the end goes to
 * `onMessage` (progress, or a request the window answers through `send`). The worker is started by the caller, so the
 * bundler sees each worker's own `new Worker(new URL(...))`.
 */
export function runWorkerJob<R, M extends { type: string }>(
  start: () => Worker,
  message: unknown,
  options: {
    signal?: AbortSignal;
    cancelled: () => Error;
    onMessage?: (m: Exclude<M, WorkerEnd>, send: (message: unknown, transfer?: Transferable[]) => void) => void;
  },
): Promise<R> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.cancelled());
    const worker = start();
    const released = holdKey(worker, () => reject(new StoppedByLock()));
    const end = () => {
      released();
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      end();
      reject(options.cancelled());
    };
    options.signal?.addEventListener('abort', cancel);
    const send = (m: unknown, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    worker.onmessage = (e: MessageEvent<M | WorkerEnd>) => {
      const m = e.data;
      if (m.type === 'done' || m.type === 'failed') {
        end();
        const ended = m as WorkerEnd;
        if (ended.type === 'done') resolve(ended.result as R);
        else reject(ended.damaged ? new StoredValueDamaged(ended.message) : new Error(ended.message));
      } else options.onMessage?.(m as Exclude<M, WorkerEnd>, send);
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message || 'The work stopped unexpectedly.'));
    };
    send(message);
  });
}
