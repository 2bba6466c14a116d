import type { Argon2idKdf } from '../../../shared/crypto/passphrase.js';

/** Argon2id in a worker of its own, ended as soon as it answers: the window's thread never runs it. */
export function argon2idInWorker(passphrase: string, kdf: Argon2idKdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./argon2id.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Uint8Array>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The passphrase could not be checked.'));
    };
    worker.postMessage({ passphrase, kdf });
  });
}
