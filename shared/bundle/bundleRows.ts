import { storeKey } from '../import/plan.js';
import type { CaseBundle } from '../schemas/bundle.js';
import { appendEntry, recordedRows, ROW_REMOVED, rowDigests, type AuditEntry, type AuditKind } from '../audit/trail.js';

/** Every row of a bundle under a key the audit trail names it by (`records:contact:123`, `case`). */
export function bundleRows(bundle: CaseBundle): Map<string, unknown> {
  const rows = new Map<string, unknown>([['case', bundle.case]]);
  for (const table of ['records', 'otherWork', 'allocations', 'workload', 'teams'] as const) {
    for (const item of bundle[table]) rows.set(`${table}:${storeKey(table, item)}`, item);
  }
  for (const s of bundle.staff) rows.set(`staff:${s.code}`, s);
  for (const s of bundle.sources) rows.set(`sources:${s.sha256}`, s);
  return rows;
}

/** What a change to a whole case says of itself in its trail entry. */
export interface WholeCaseEntry {
  who: string;
  at: Date;
  kind: AuditKind;
  what: string;
  before?: AuditEntry['before'];
  after?: AuditEntry['after'];
}

/**
 * A bundle with one more trail entry, recording the content hash of every row it holds, and taking out (ROW_REMOVED)
 * any row its trail recorded that it no longer holds: after the entry the trail says the case is exactly this.
 */
export function withWholeCaseEntry(bundle: CaseBundle, entry: WholeCaseEntry): CaseBundle {
  const { at, ...rest } = entry;
  const rows = rowDigests(bundleRows(bundle));
  for (const key of recordedRows(bundle.audit).keys()) if (!Object.hasOwn(rows, key)) rows[key] = ROW_REMOVED;
  return { ...bundle, audit: appendEntry(bundle.audit, { ...rest, at: at.toISOString(), rows }) };
}

/** The trail entry for building a case from import files: who, when, and the content hash of every row stored. */
export function withImportEntry(bundle: CaseBundle, who: string, at: Date): CaseBundle {
  const files = bundle.sources.map((s) => s.fileName).join(', ');
  const what = `Case built from ${bundle.sources.length} file${bundle.sources.length === 1 ? '' : 's'} (${files}): ${bundle.records.length} records`;
  return withWholeCaseEntry(bundle, { who, at, kind: 'import', what });
}
