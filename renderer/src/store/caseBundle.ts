import type { Signer } from '../../../shared/audit/signatures.js';
import type { AuditEntry } from '../../../shared/audit/trail.js';
import { BUNDLE_SCHEMA_VERSION, type CaseBundle } from '../../../shared/schemas/index.js';
import { readTrail, trailTables } from './audit.js';
import { heldRows, readHeld, type HeldCase } from './caseData.js';
import type { ForesightDb } from './types.js';

/** A held case, with its whole trail and whoever signed it, as a bundle. */
export function bundleOf(held: HeldCase, audit: AuditEntry[], signers: readonly Signer[] = []): CaseBundle {
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    case: held.case,
    records: heldRows(held, 'records'),
    otherWork: heldRows(held, 'otherWork'),
    workload: heldRows(held, 'workload'),
    teams: heldRows(held, 'teams'),
    staff: held.staff,
    allocations: held.allocations,
    sources: held.sources,
    audit,
    ...(held.review ? { review: held.review } : {}),
    ...(held.training ? { training: held.training } : {}),
    ...(signers.length > 0 ? { signers: signers.map(({ name, publicKey }) => ({ name, publicKey })) } : {}),
  };
}

/** A stored case and its whole trail, read in one transaction so they agree. */
export async function readWholeCase(db: ForesightDb, caseId: string): Promise<{ held: HeldCase; audit: AuditEntry[]; signers: Signer[] } | null> {
  return db.transaction('r', [db.cases, db.blocks, db.allocations, db.staff, db.sources, db.signers, db.reviewItems, db.trainingItems, ...trailTables(db)], async () => {
    const [held, audit] = await Promise.all([readHeld(db, caseId), readTrail(db, caseId)]);
    // Read after the rest: a value that cannot be decrypted is then the error reported.
    const signers = await db.signers.where('caseId').equals(caseId).toArray();
    return held && { held, audit, signers };
  });
}

/** A stored case as a bundle: everything it holds and its audit trail. */
export async function caseBundleOf(db: ForesightDb, caseId: string): Promise<CaseBundle | null> {
  const whole = await readWholeCase(db, caseId);
  return whole && bundleOf(whole.held, whole.audit, whole.signers);
}
