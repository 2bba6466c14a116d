import { hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; anything asking for less is refused (no downgrade). */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * Argon2id's cost for new passphrases: 64 MiB, 2 passes, 1 lane. Measured on these 2-core machines with noble's
 * JavaScript Argon2id: about 0.8 s in Chromium and Node (64 MiB with 3 passes took 1.6 s in Chromium, too close to the
 * 2 s an unlock may take). Stored with every entry and file, so it can be raised later without breaking old ones.
 */
export const ARGON2ID = { m: 65_536, t: 2, p: 1 } as const;

const Salt = z.string().regex(/^[0-9a-f]{32}$/);
const Count = z.number().int().positive();

/** How a key was derived from a passphrase, as stored beside what it protects. kdfRefusal says whether to honour it. */
export const Kdf = z.discriminatedUnion('name', [
  z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: Count, salt: Salt }).strict(),
  /** Memory in KiB, passes and lanes, as RFC 9106 names them. */
  z.object({ name: z.literal('argon2id'), m: Count, t: Count, p: Count, salt: Salt }).strict(),
]);
export type Kdf = z.infer<typeof Kdf>;
export type Argon2idKdf = Extract<Kdf, { name: 'argon2id' }>;

/**
 * Why a stored derivation is not tried, or null. Below today's floor (PBKDF2's 600,000 iterations, OWASP's minimum
 * Argon2id of 19 MiB and 2 passes) is a downgrade; far above it (1 GiB, 10 passes, 4 lanes) a hostile file would make
 * Foresight spend minutes or all its memory before the passphrase is even tried.
 */
export function kdfRefusal(kdf: Kdf): string | null {
  const weaker = 'asks for a weaker key derivation';
  const unreasonable = 'asks for an unreasonable key derivation work factor';
  if (kdf.name === 'PBKDF2') {
    if (kdf.iterations < PBKDF2_ITERATIONS) return `${weaker} (${kdf.iterations} iterations) than Foresight allows`;
    return kdf.iterations > 100 * PBKDF2_ITERATIONS ? unreasonable : null;
  }
  if (kdf.m < 19_456 || kdf.t < 2) return `${weaker} (Argon2id with ${kdf.m} KiB and ${kdf.t} passes) than Foresight allows`;
  return kdf.m > 1_048_576 || kdf.t > 10 || kdf.p > 4 ? unreasonable : null;
}

/** The derivation for a new passphrase: Argon2id at today's cost, with a fresh salt. */
export function newKdf(salt: string): Argon2idKdf {
  return { name: 'argon2id', ...ARGON2ID, salt };
}

/** Where Argon2id runs: in place (argon2id.ts, in a worker or the command line), or handed to a worker by the window. */
export type Argon2idFn = (passphrase: string, kdf: Argon2idKdf) => Uint8Array | Promise<Uint8Array>;

/**
 * An AES-256-GCM key from a passphrase: by Argon2id for anything written now, by PBKDF2-SHA-256 (WebCrypto) for what
 * older versions wrote. Used for encrypted case files and key files, and where no operating-system secret store is
 * available, for the passphrase that protects the store.
 */
export async function passphraseKey(passphrase: string, kdf: Kdf, usage: 'encrypt' | 'decrypt', derive: Argon2idFn): Promise<CryptoKey> {
  if (kdf.name === 'argon2id') {
    const bytes = await derive(passphrase, kdf);
    try {
      return await crypto.subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [usage]);
    } finally {
      bytes.fill(0);
    }
  }
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: hexToBytes(kdf.salt) as Uint8Array<ArrayBuffer>, iterations: kdf.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}
