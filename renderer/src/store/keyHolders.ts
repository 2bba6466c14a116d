/**
 * Every worker that was handed the store's data key, while it runs. Locking ends them all, so no copy of the key
 * outlives the lock in a worker's memory; whoever waits on one hears that it was stopped.
 */
const holders = new Map<Worker, () => void>();

/** Record a worker given the key; `onDropped` runs if locking ends it. Returns the function to call when it ends by itself. */
export function holdKey(worker: Worker, onDropped: () => void = () => {}): () => void {
  holders.set(worker, onDropped);
  return () => holders.delete(worker);
}

export function dropKeyHolders(): void {
  for (const [worker, onDropped] of holders) {
    worker.terminate();
    onDropped();
  }
  holders.clear();
}

/** What a job ended by locking rejects with. */
export class StoppedByLock extends Error {
  constructor() {
    super('Foresight was locked before this finished. Nothing was changed by it.');
  }
}
