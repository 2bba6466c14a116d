import { z } from 'zod';
import type { Signer } from '../../../shared/audit/signatures.js';
import type { ForesightDb } from './db.js';
import { getSetting, setSetting } from './settings.js';

/**
 * The people whose keys this computer has seen signing case files, as Signal keeps safety numbers: a key is first
 * seen, then known; confirmed once the user has compared its fingerprint with the person's own. A sealed setting,
 * not a table: a short list, read whole.
 */
const KNOWN_SIGNERS = 'knownSigners';

const KnownSigner = z.object({
  name: z.string(),
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** When this computer first saw the key, as an ISO instant. */
  firstSeen: z.string(),
  confirmed: z.boolean(),
});
export type KnownSigner = z.infer<typeof KnownSigner>;

export async function readKnownSigners(db: ForesightDb): Promise<KnownSigner[]> {
  const parsed = z.array(KnownSigner).safeParse((await getSetting<unknown>(db, KNOWN_SIGNERS)) ?? []);
  if (!parsed.success) throw new Error('The list of signers known to this computer cannot be read.');
  return parsed.data;
}

/**
 * Where a case file's signer stands with this computer:
 * - firstSeen: neither the key nor the name has been seen here;
 * - known: the key has been seen before; confirmed: and its fingerprint compared with the person's;
 * - changedKey: the key is new, but a key under the same name is known: someone may be using that name.
 */
export type Standing =
  | { standing: 'firstSeen' }
  | { standing: 'known' | 'confirmed'; knownAs: string; firstSeen: string }
  | { standing: 'changedKey'; others: KnownSigner[] };

/** Names match whatever their case and spacing: "ann  smith" is Ann Smith's name too. */
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export function standingOf(known: readonly KnownSigner[], signer: Signer): Standing {
  const same = known.find((k) => k.publicKey === signer.publicKey);
  if (same) return { standing: same.confirmed ? 'confirmed' : 'known', knownAs: same.name, firstSeen: same.firstSeen };
  const others = known.filter((k) => sameName(k.name, signer.name));
  return others.length > 0 ? { standing: 'changedKey', others } : { standing: 'firstSeen' };
}

/** Remember keys seen (a case file accepted, or this person's own key); a key already known keeps its first date. */
export async function rememberSigners(db: ForesightDb, signers: readonly Signer[], now: Date, { confirmed = false } = {}): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const known = await readKnownSigners(db);
    for (const s of signers) {
      const same = known.find((k) => k.publicKey === s.publicKey);
      if (same) same.confirmed ||= confirmed;
      else known.push({ name: s.name, publicKey: s.publicKey, firstSeen: now.toISOString(), confirmed });
    }
    await setSetting(db, KNOWN_SIGNERS, known);
  });
}

/** The user compared the key's fingerprint with the person's own, by another route, and they match. */
export async function confirmSigner(db: ForesightDb, publicKey: string): Promise<void> {
  await updateKnown(db, publicKey, (k) => ({ ...k, confirmed: true }));
}

/** This person's own key under their new name. */
export async function renameKnownSigner(db: ForesightDb, publicKey: string, name: string): Promise<void> {
  await updateKnown(db, publicKey, (k) => ({ ...k, name }));
}

async function updateKnown(db: ForesightDb, publicKey: string, change: (k: KnownSigner) => KnownSigner): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const known = await readKnownSigners(db);
    await setSetting(db, KNOWN_SIGNERS, known.map((k) => (k.publicKey === publicKey ? change(k) : k)));
  });
}
