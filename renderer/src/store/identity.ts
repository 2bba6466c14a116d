import { z } from 'zod';
import type { Signing, SigningKey } from '../../../shared/audit/signatures.js';
import { USER_NAME } from './audit.js';
import type { ForesightDb } from './db.js';
import { rememberSigners, renameKnownSigner } from './knownSigners.js';
import { getSetting, setSetting } from './settings.js';

/**
 * The person using Foresight on this computer: the name the trail records as "who", and their Ed25519 key, which
 * signs every entry they write. Kept as a setting, so the store's sealing encrypts the secret key at rest.
 */
const IDENTITY = 'identity';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Identity = z.object({ name: z.string().trim().min(1), publicKey: Hex64, secretKey: Hex64, createdAt: z.string() });
export type Identity = z.infer<typeof Identity>;

/** Names longer than this are refused: it is a person's name, shown in every trail entry. */
export const MAX_NAME = 100;

/** Loaded when first needed, so Ed25519 stays out of the window's first bundle. */
const signatures = () => import('../../../shared/audit/signatures.js');

/** This computer's person, or null before they have given their name. */
export async function readIdentity(db: ForesightDb): Promise<Identity | null> {
  const stored = await getSetting<unknown>(db, IDENTITY);
  if (stored === undefined) return null;
  const parsed = Identity.safeParse(stored);
  // Never replaced behind the person's back: a new key would sign as someone else.
  if (!parsed.success) throw new Error('Your signing key in this store cannot be read. Nothing has been changed.');
  return parsed.data;
}

/** A name typed before signing keys existed (Settings), to offer again when the key is made. */
export async function earlierName(db: ForesightDb): Promise<string> {
  return (await getSetting<string>(db, USER_NAME))?.trim() ?? '';
}

/** First use: a new Ed25519 key for the person who gave this name. */
export async function createIdentity(db: ForesightDb, name: string, now = new Date()): Promise<Identity> {
  const { newSigningKey } = await signatures();
  return adoptKey(db, newSigningKey(name.trim()), now);
}

/**
 * Make a key this person's: a new one, or one brought from another computer. Their own key is known to this computer
 * and confirmed: there is no one to compare it with.
 */
export async function adoptKey(db: ForesightDb, key: SigningKey, now = new Date()): Promise<Identity> {
  const identity = Identity.parse({ name: key.name, publicKey: key.publicKey, secretKey: key.secretKey, createdAt: now.toISOString() });
  await db.transaction('rw', db.settings, async () => {
    await setSetting(db, IDENTITY, identity);
    await rememberSigners(db, [{ name: identity.name, publicKey: identity.publicKey }], now, { confirmed: true });
  });
  return identity;
}

/** A new name for the same person: the key stays, so entries they signed before still name their key. */
export async function renameIdentity(db: ForesightDb, name: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const identity = await readIdentity(db);
    if (!identity) throw new Error('There is no signing key to rename.');
    await setSetting(db, IDENTITY, { ...identity, name: name.trim() });
    await renameKnownSigner(db, identity.publicKey, name.trim());
  });
}

/** Who writes a trail entry: the name it records, and the key that signs it. */
export interface Author {
  who: string;
  signing: Signing;
}

/** The author of the changes made here. Call it before a change's transaction: it may load the signing code. */
export async function currentAuthor(db: ForesightDb): Promise<Author> {
  const identity = await readIdentity(db);
  if (!identity) throw new Error('Give your name before changing a case: every change is recorded under it and signed with your key.');
  const { signingAs } = await signatures();
  return { who: identity.name, signing: signingAs(identity) };
}

/** The key as a file sealed with a passphrase, in the format the command line's keygen writes. */
export async function exportKey(identity: Identity, passphrase: string): Promise<Uint8Array> {
  const { writeKeyFile } = await import('../../../shared/crypto/keyFile.js');
  const { name, publicKey, secretKey } = identity;
  return writeKeyFile({ name, publicKey, secretKey }, passphrase);
}

/** A key file (exported here, or from keygen) opened with its passphrase; taken as this person's key only when it opens. */
export async function importKey(db: ForesightDb, file: Uint8Array, passphrase: string, now = new Date()): Promise<{ ok: true; identity: Identity } | { ok: false; message: string }> {
  const { readKeyFile } = await import('../../../shared/crypto/keyFile.js');
  const read = await readKeyFile(file, passphrase);
  if (!read.ok) return read;
  return { ok: true, identity: await adoptKey(db, read.key, now) };
}
