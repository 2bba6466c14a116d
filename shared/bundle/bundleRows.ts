import { storeKey } from '../import/plan.js';
import type { CaseBundle } from '../schemas/bundle.js';
import { appendEntry, rowDigests, type AuditKind } from '../audit/trail.js';

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

/** A bundle with one more trail entry, recording the content hash of every row it holds. */
export function withWholeCaseEntry(bundle: CaseBundle, entry: { who: string; at: Date; kind: AuditKind; what: string }): CaseBundle {
  const { at, ...rest } = entry;
  return { ...bundle, audit: appendEntry(bundle.audit, { ...rest, at: at.toISOString(), rows: rowDigests(bundleRows(bundle)) }) };
}

/** The trail entry for building a case from import files: who, when, and the content hash of every row stored. */
export function withImportEntry(bundle: CaseBundle, who: string, at: Date): CaseBundle {
  const files = bundle.sources.map((s) => s.fileName).join(', ');
  const what = `Case built from ${bundle.sources.length} file${bundle.sources.length === 1 ? '' : 's'} (${files}): ${bundle.records.length} records`;
  return withWholeCaseEntry(bundle, { who, at, kind: 'import', what });
}
