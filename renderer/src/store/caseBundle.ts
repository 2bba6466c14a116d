import type { AuditEntry } from '../../../shared/audit/trail.js';
import { BUNDLE_SCHEMA_VERSION, type CaseBundle } from '../../../shared/schemas/index.js';
import { readTrail, trailTables } from './audit.js';
import { heldRows, readHeld, type HeldCase } from './caseData.js';
import type { ForesightDb } from './db.js';

/** A held case, with its whole trail, as a bundle. */
export function bundleOf(held: HeldCase, audit: AuditEntry[]): CaseBundle {
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
  };
}

/** A stored case and its whole trail, read in one transaction so they agree. */
export async function readWholeCase(db: ForesightDb, caseId: string): Promise<{ held: HeldCase; audit: AuditEntry[] } | null> {
  return db.transaction('r', [db.cases, db.blocks, db.allocations, db.staff, db.sources, ...trailTables(db)], async () => {
    const [held, audit] = await Promise.all([readHeld(db, caseId), readTrail(db, caseId)]);
    return held && { held, audit };
  });
}

/** A stored case as a bundle: everything it holds and its audit trail. */
export async function caseBundleOf(db: ForesightDb, caseId: string): Promise<CaseBundle | null> {
  const whole = await readWholeCase(db, caseId);
  return whole && bundleOf(whole.held, whole.audit);
}
