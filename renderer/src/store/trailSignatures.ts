import { entrySignature, signersByFingerprint, type EntrySignature } from '../../../shared/audit/signatures.js';
import { readEntries } from './audit.js';
import type { ForesightDb } from './db.js';

/** Every entry's signature in a case's trail, by entry number, and how many are signed, unsigned and invalid. */
export interface TrailSignatures {
  entries: Record<number, EntrySignature>;
  signed: number;
  unsigned: number;
  invalid: number;
}

/**
 * Check each entry's signature, over its hash, with the key the case carries for its signer. Ed25519 lives here,
 * for the case files worker: the window never loads it to check. Whether each hash matches its entry, the trail
 * check says (trailCheck.ts).
 */
export async function checkSignatures(db: ForesightDb, caseId: string): Promise<TrailSignatures> {
  const [entries, signers] = await db.transaction('r', [db.audit, db.signers], () =>
    Promise.all([readEntries(db, caseId), db.signers.where('caseId').equals(caseId).toArray()]),
  );
  const keys = signersByFingerprint(signers.map(({ name, publicKey }) => ({ name, publicKey })));
  const found: TrailSignatures = { entries: {}, signed: 0, unsigned: 0, invalid: 0 };
  for (const entry of entries) {
    const signature = entrySignature(entry, keys);
    found.entries[entry.seq] = signature;
    found[signature.state]++;
  }
  return found;
}
