import { checkChain, compareRows, rowDigests, verifyTrail, type TrailCheck } from '../../../shared/audit/trail.js';
import { bundleRows } from '../../../shared/bundle/bundleRows.js';
import { BUNDLE_SCHEMA_VERSION, type Allocation, type SourceFile, type Staff } from '../../../shared/schemas/index.js';
import { readStoredTrail } from './audit.js';
import { digestsAt, storedDigests } from './blocks.js';
import { caseBundleOf } from './caseBundle.js';
import { withoutCase } from './caseData.js';
import type { ForesightDb } from './db.js';

/**
 * How deeply a case's audit trail is checked.
 * - quick (whenever the case opens): the chain of entries, and every row's content hash as stored beside it when it
 *   was written against what the trail recorded; the case's few other rows are hashed afresh. It relies on the
 *   encrypted store authenticating every sealed value as it is read (an entry, a row's sealed fields, the stored
 *   hashes), so anything sealed that was changed on disk fails here too.
 * - full (once a day, on demand): every entry's hash and every row's content hash recomputed, so a changed figure
 *   or time in the clear part of a row is found as well.
 */
export type TrailCheckDepth = 'quick' | 'full';

async function quick(db: ForesightDb, caseId: string): Promise<TrailCheck | null> {
  return db.transaction('r', [db.cases, db.blockKeys, db.allocations, db.staff, db.sources, db.audit], async () => {
    const [found, inBlocks, allocations, staff, sources, trail] = await Promise.all([
      db.cases.get(caseId),
      storedDigests(db, caseId),
      db.allocations.where('caseId').equals(caseId).toArray(),
      db.staff.where('caseId').equals(caseId).toArray(),
      db.sources.where('caseId').equals(caseId).toArray(),
      readStoredTrail(db, caseId),
    ]);
    if (!found) return null;
    const others = bundleRows({
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      case: found,
      allocations: allocations.map(withoutCase) as Allocation[],
      staff: staff.map(withoutCase) as Staff[],
      sources: sources.map(withoutCase) as SourceFile[],
      records: [],
      otherWork: [],
      workload: [],
      teams: [],
      audit: [],
    });
    const broken = checkChain(trail, { rehash: false });
    if (broken) return broken;
    if (trail.length === 0) return { ok: true, entries: 0, rows: 0 };
    const expected = new Map<string, string>();
    for (const { rowKeys, rowDigests: packed } of trail) {
      if (!rowKeys || !packed) continue;
      const digests = digestsAt(packed, rowKeys.length);
      rowKeys.forEach((key, i) => expected.set(key, digests[i] as string));
    }
    return compareRows(trail.length, expected, new Map([...Object.entries(rowDigests(others)), ...inBlocks]));
  });
}

async function full(db: ForesightDb, caseId: string): Promise<TrailCheck | null> {
  const bundle = await caseBundleOf(db, caseId);
  return bundle && verifyTrail(bundle.audit, bundleRows(bundle));
}

/** Check a case's trail (null when there is no such case). */
export function checkTrail(db: ForesightDb, caseId: string, depth: TrailCheckDepth): Promise<TrailCheck | null> {
  return depth === 'quick' ? quick(db, caseId) : full(db, caseId);
}
