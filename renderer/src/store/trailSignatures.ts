import { entrySignature, signersByFingerprint, type EntrySignature, type Signer } from '../../../shared/audit/signatures.js';
import { heldEntries } from '../../../shared/audit/embedded.js';
import { AuditEntry } from '../../../shared/audit/trail.js';
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
    const signature = heldSignatureFailure(entry, keys) ?? entrySignature(entry, keys);
    found.entries[entry.seq] = signature;
    found[signature.state]++;
  }
  return found;
}

/** A practitioner's entry held in a merge entry (embedded.ts) whose signature fails: the merge entry is then not validly signed either. */
function heldSignatureFailure(entry: { after?: unknown }, keys: ReadonlyMap<string, Signer>): EntrySignature | null {
  for (const raw of heldEntries(entry)) {
    const held = AuditEntry.safeParse(raw);
    if (!held.success) return { state: 'invalid', reason: 'a practitioner’s entry it holds is not a trail entry' };
    const signature = entrySignature(held.data, keys);
    if (signature.state === 'invalid') return { state: 'invalid', reason: `the practitioner’s entry ${held.data.seq} it holds is not validly signed: ${signature.reason}` };
  }
  return null;
}
