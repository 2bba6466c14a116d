import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { fingerprintOf, type Signer } from './fingerprints.js';
import type { EntrySigner } from './trail.js';

/**
 * Who signed a case's trail: each entry is signed with its author's Ed25519 key, over the entry's hash, and the case
 * carries each signer's public key and name. A hash chain anyone can recompute after editing a case file; a signature
 * only the key's holder can make. Whose key it is, a person confirms by comparing fingerprints out of band.
 * (The signer's schema and fingerprints, which need no Ed25519, are in fingerprints.ts, for the window's first bundle.)
 */
export { fingerprintForPeople, fingerprintOf, readFingerprint, Signer } from './fingerprints.js';

/** The parts of a trail entry a signature concerns (trail.ts). */
interface SignedParts {
  hash: string;
  signer?: string | undefined;
  signature?: string | undefined;
}

/** A signing key: the secret half stays sealed (in the store, or in a key file under a passphrase). */
export interface SigningKey {
  name: string;
  publicKey: string;
  secretKey: string;
}

export function newSigningKey(name: string): SigningKey {
  const secretKey = bytesToHex(ed25519.utils.randomSecretKey());
  return { name, publicKey: publicKeyOf(secretKey), secretKey };
}

/** The public half of a secret key (hex). */
export const publicKeyOf = (secretKey: string) => bytesToHex(ed25519.getPublicKey(hexToBytes(secretKey)));

/** What the trail needs to sign an entry with a key: the key's fingerprint, and Ed25519 over the 32 bytes of a hash. */
export function signerOf(key: Pick<SigningKey, 'publicKey' | 'secretKey'>): EntrySigner {
  return { fingerprint: fingerprintOf(key.publicKey), sign: (hash) => bytesToHex(ed25519.sign(hexToBytes(hash), hexToBytes(key.secretKey))) };
}

/** Signing an entry of a case: the signer as the case file names them, and the means to sign. */
export interface Signing {
  as: Signer;
  entry: EntrySigner;
}

/** Signing a case's entries with a key: the entries signed, and the case carrying the signer's name and public key. */
export function signingAs(key: SigningKey): Signing {
  return { as: { name: key.name, publicKey: key.publicKey }, entry: signerOf(key) };
}

function signatureHolds(entry: SignedParts, publicKey: string): boolean {
  if (!entry.signature) return false;
  try {
    return ed25519.verify(hexToBytes(entry.signature), hexToBytes(entry.hash), hexToBytes(publicKey));
  } catch {
    return false;
  }
}

/** Each entry's signature, in words a reviewer reads: by whom, and whether it holds. */
export type EntrySignature =
  | { state: 'signed'; signer: Signer; fingerprint: string }
  | { state: 'unsigned' }
  | { state: 'invalid'; reason: string };

/** Whether an entry is signed, by whom, and whether the signature holds for the key the case carries. */
export function entrySignature(entry: SignedParts, signers: ReadonlyMap<string, Signer>): EntrySignature {
  if (!entry.signer && !entry.signature) return { state: 'unsigned' };
  if (!entry.signer || !entry.signature) return { state: 'invalid', reason: 'it names a signer without a signature, or a signature without a signer' };
  const signer = signers.get(entry.signer);
  if (!signer) return { state: 'invalid', reason: 'its signer’s key is not in the case' };
  if (!signatureHolds(entry, signer.publicKey)) return { state: 'invalid', reason: 'its signature does not match' };
  return { state: 'signed', signer, fingerprint: entry.signer };
}

/** The signers a case carries, by fingerprint. */
export function signersByFingerprint(signers: readonly Signer[]): Map<string, Signer> {
  return new Map(signers.map((s) => [fingerprintOf(s.publicKey), s]));
}
