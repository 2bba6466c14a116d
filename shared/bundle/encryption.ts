import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../audit/trail.js';
import { argon2idBytes } from '../crypto/argon2id.js';
import { Kdf, kdfRefusal, newKdf, passphraseKey } from '../crypto/passphrase.js';

/**
 * An encrypted case bundle, for sending a case to a practitioner or a trainer: AES-256-GCM through WebCrypto, with
 * the key derived from a passphrase by Argon2id (version 2; version 1 files, by PBKDF2-SHA-256, are still read). The
 * file is a short magic line, a JSON header line (the key derivation's salt and work factor, the cipher's nonce), then
 * the ciphertext. The header is authenticated with the ciphertext, so a changed work factor or nonce fails like a wrong
 * passphrase.
 */
export const MAGIC = 'FORESIGHT-ENCRYPTED-BUNDLE\n';

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const Cipher = z.object({ name: z.literal('AES-GCM'), iv: Hex(12) });
const Header = z.union([
  z.object({ version: z.literal(1), kdf: Kdf.options[0], cipher: Cipher }),
  z.object({ version: z.literal(2), kdf: Kdf.options[1], cipher: Cipher }),
]);
type Header = z.infer<typeof Header>;

export function encryptBundle(json: string, passphrase: string): Promise<Uint8Array> {
  return sealWithPassphrase(MAGIC, json, passphrase);
}

/**
 * Text sealed under a passphrase, in a file that starts with its own magic line (a case file, a signing key): the
 * same AES-256-GCM and Argon2id for every kind of file Foresight writes under a passphrase.
 */
export async function sealWithPassphrase(magicLine: string, json: string, passphrase: string): Promise<Uint8Array> {
  const header: Header = {
    version: 2,
    kdf: newKdf(bytesToHex(crypto.getRandomValues(new Uint8Array(16)))),
    cipher: { name: 'AES-GCM', iv: bytesToHex(crypto.getRandomValues(new Uint8Array(12))) },
  };
  const headerLine = canonicalJson(header);
  const key = await passphraseKey(passphrase, header.kdf, 'encrypt', argon2idBytes);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: hexToBytes(header.cipher.iv) as Uint8Array<ArrayBuffer>, additionalData: new TextEncoder().encode(headerLine) }, key, new TextEncoder().encode(json)),
  );
  const head = new TextEncoder().encode(`${magicLine}${headerLine}\n`);
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head);
  out.set(sealed, head.length);
  return out;
}

/**
 * A failure says what it is about: the file (not a case file, damaged, refused), or the passphrase. AES-GCM cannot tell a
 * wrong passphrase from a damaged ciphertext; with a readable header, the passphrase is the likelier.
 */
export type Decrypted = { ok: true; json: string } | { ok: false; message: string; about: 'file' | 'passphrase' };

/** True when a file starts as an encrypted bundle does: anything else is not a case file at all. */
export function looksEncrypted(file: Uint8Array, magicLine = MAGIC): boolean {
  const magic = new TextEncoder().encode(magicLine);
  return file.length >= magic.length && magic.every((b, i) => file[i] === b);
}

export function decryptBundle(file: Uint8Array, passphrase: string): Promise<Decrypted> {
  return openWithPassphrase(MAGIC, 'an encrypted Foresight bundle', file, passphrase);
}

/** Open a file sealed by sealWithPassphrase with the same magic line; `what` names the kind of file in a refusal. */
export async function openWithPassphrase(magicLine: string, what: string, file: Uint8Array, passphrase: string): Promise<Decrypted> {
  const magic = new TextEncoder().encode(magicLine);
  if (!looksEncrypted(file, magicLine)) return { ok: false, message: `not ${what}`, about: 'file' };
  const end = file.indexOf(0x0a, magic.length);
  if (end < 0) return { ok: false, message: 'the file is damaged: its header is incomplete', about: 'file' };
  const headerLine = new TextDecoder('utf-8', { fatal: false }).decode(file.subarray(magic.length, end));
  let header: Header;
  try {
    header = Header.parse(JSON.parse(headerLine));
  } catch {
    return { ok: false, message: 'the file is damaged: its header cannot be read', about: 'file' };
  }
  const refusal = kdfRefusal(header.kdf);
  if (refusal) return { ok: false, message: `refused: the file ${refusal}`, about: 'file' };
  try {
    const key = await passphraseKey(passphrase, header.kdf, 'decrypt', argon2idBytes);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: hexToBytes(header.cipher.iv) as Uint8Array<ArrayBuffer>, additionalData: new TextEncoder().encode(headerLine) },
      key,
      file.slice(end + 1) as Uint8Array<ArrayBuffer>,
    );
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(plain)) };
  } catch {
    return { ok: false, message: 'wrong passphrase, or the file is damaged', about: 'passphrase' };
  }
}
