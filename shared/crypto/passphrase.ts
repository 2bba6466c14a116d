import { hexToBytes } from '@noble/hashes/utils.js';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; anything asking for less is refused (no downgrade). */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * An AES-256-GCM key derived from a passphrase by PBKDF2-SHA-256, through WebCrypto. Used for encrypted bundles and
 * for the passphrase that protects the store where no operating-system secret store is available.
 */
export async function passphraseKey(passphrase: string, saltHex: string, iterations: number, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: hexToBytes(saltHex) as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}
