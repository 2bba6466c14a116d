import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/**
 * A signer as a case file names them, and their key's fingerprint: what the window shows and compares, without the
 * Ed25519 code that signs and verifies (signatures.ts), which is loaded only where entries are signed or checked.
 */
export const Signer = z.object({
  name: z.string(),
  /** The Ed25519 public key, 32 bytes in hex. */
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Signer = z.infer<typeof Signer>;

/** The key's fingerprint, compact: the first 32 hex digits of the SHA-256 of the 32-byte public key. */
export function fingerprintOf(publicKey: string): string {
  return bytesToHex(sha256(hexToBytes(publicKey))).slice(0, 32);
}

/** A fingerprint as people read it aloud and compare it: eight groups of four hex digits (`3f2a 9c01 …`). */
export function fingerprintForPeople(fingerprint: string): string {
  return fingerprint.match(/.{4}/g)?.join(' ') ?? fingerprint;
}

/** A fingerprint as typed, with or without its spaces; null when it is not one. */
export function readFingerprint(typed: string): string | null {
  const compact = typed.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(compact) ? compact : null;
}
