/// <reference lib="webworker" />
// Argon2id takes most of a second of solid computing: here, so the window keeps drawing "Unlocking…" meanwhile.
import { argon2idBytes } from '../../../shared/crypto/argon2id.js';
import type { Argon2idKdf } from '../../../shared/crypto/passphrase.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<{ passphrase: string; kdf: Argon2idKdf }>) => {
  const bytes = argon2idBytes(e.data.passphrase, e.data.kdf);
  self.postMessage(bytes, [bytes.buffer]);
};
