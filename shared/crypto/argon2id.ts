import { argon2id } from '@noble/hashes/argon2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { Argon2idKdf } from './passphrase.js';

/**
 * Argon2id's 32 bytes for a passphrase. Synchronous and slow by design: run it off the window's thread. Its own module
 * (no zod, no WebCrypto), so the window's bundle and the worker that runs it carry only this.
 */
export function argon2idBytes(passphrase: string, kdf: Argon2idKdf): Uint8Array {
  return argon2id(passphrase.normalize('NFC'), hexToBytes(kdf.salt), { m: kdf.m, t: kdf.t, p: kdf.p, dkLen: 32 });
}
