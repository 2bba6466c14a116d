import { entrySignature, fingerprintOf, signersByFingerprint } from '../audit/signatures.js';
import { AuditEntry, verifyTrail } from '../audit/trail.js';
import { heldEntries, heldEntryBreak } from '../audit/embedded.js';
import type { Signer } from '../audit/fingerprints.js';
import type { CaseBundle } from '../schemas/bundle.js';
import { bundleRows } from './bundleRows.js';

/** Who signed a case's trail: their name, their key's fingerprint, and how many entries they signed. */
export interface SignerReport {
  name: string;
  fingerprint: string;
  entries: number;
}

/** What `verify` says of a case bundle: intact or not, naming the first entry or row that fails, and who signed what. */
export interface VerifyReport {
  ok: boolean;
  entries: number;
  rows: number;
  /** The first entry, or else the first row, that fails, and why. */
  entry?: number;
  row?: string;
  reason?: string;
  signers: SignerReport[];
  /** The entries no one signed, by number. */
  unsigned: number[];
}

type Failure = Pick<VerifyReport, 'entry' | 'row' | 'reason'>;

/** Who signed which entries of a trail, which no one signed, and the first entry whose signature fails (or that a required key did not sign). */
export interface SignatureReport {
  failure: Failure | null;
  signers: SignerReport[];
  unsigned: number[];
}

/**
 * Every entry's signature checked with the key the case carries for its signer; with `required` fingerprints, that
 * every entry is signed by one of those keys. Everyone the case names as a signer is listed, with the entries they signed.
 */
export function signatureReport(audit: readonly AuditEntry[], signers: readonly Signer[], required: readonly string[] = []): SignatureReport {
  const known = signersByFingerprint(signers);
  const signed = new Map<string, SignerReport>();
  const unsigned: number[] = [];
  let failure: Failure | null = null;
  for (const entry of audit) {
    const fail = (reason: string) => (failure ??= { entry: entry.seq, reason });
    // A practitioner's entries a merge entry holds whole (embedded.ts) are signed by their author: checked the same way,
    // and a failure names the entry that holds them.
    const held = heldEntries(entry).map((e) => AuditEntry.safeParse(e)).flatMap((e) => (e.success ? [e.data] : []));
    let anyUnsigned = false;
    for (const [e, which] of [[entry, `entry ${entry.seq}`], ...held.map((h) => [h, `entry ${entry.seq} holds a practitioner’s entry (entry ${h.seq} of their copy) that`] as const)] as const) {
      const signature = entrySignature(e, known);
      if (signature.state === 'unsigned') anyUnsigned = true;
      else if (signature.state === 'invalid') fail(`${which} is not validly signed: ${signature.reason}`);
      else {
        const s = signed.get(signature.fingerprint) ?? { name: signature.signer.name, fingerprint: signature.fingerprint, entries: 0 };
        s.entries++;
        signed.set(signature.fingerprint, s);
        if (required.length > 0 && !required.includes(signature.fingerprint)) fail(`${which} is signed by ${signature.signer.name}, whose key is not one of those required`);
      }
      if (required.length > 0 && signature.state === 'unsigned') fail(`${which} is not signed, and a signature by a required key was asked for`);
    }
    if (anyUnsigned) unsigned.push(entry.seq);
  }
  for (const s of signers) if (!signed.has(fingerprintOf(s.publicKey))) signed.set(fingerprintOf(s.publicKey), { name: s.name, fingerprint: fingerprintOf(s.publicKey), entries: 0 });
  return { failure, signers: [...signed.values()], unsigned };
}

/**
 * Check a case bundle as `verify` does: every entry's hash, link and signature; the case holding rows with an empty
 * trail; every row against what the trail last recorded; and, with `required` fingerprints, that every entry is signed
 * by one of those keys. (A repeated row id and a wrong schema are refused before, when the bundle is read.)
 */
export function verifyBundle(bundle: CaseBundle, required: readonly string[] = []): VerifyReport {
  const rows = bundleRows(bundle);
  const signatures = signatureReport(bundle.audit, bundle.signers ?? [], required);
  const chained = verifyTrail(bundle.audit, rows);
  const held = heldEntryBreak(bundle.audit);
  // The first entry that fails, whether in the chain or in what it holds.
  const trail = held && (chained.ok || !('entry' in chained) || held.entry < chained.entry) ? held : chained;
  const bySignature = signatures.failure;
  // The first entry that fails, by its hash, its link or its signature; only then a row.
  let failure: Failure | null = bySignature;
  if (!trail.ok && 'entry' in trail && (bySignature?.entry === undefined || trail.entry <= bySignature.entry)) failure = { entry: trail.entry, reason: trail.reason };
  else if (!trail.ok && 'row' in trail && !bySignature) failure = { row: trail.row, reason: trail.reason };
  return { ok: failure === null, entries: bundle.audit.length, rows: rows.size, ...(failure ?? {}), signers: signatures.signers, unsigned: signatures.unsigned };
}
