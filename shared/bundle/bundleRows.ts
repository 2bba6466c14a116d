import { CASE_ROW, rowKeyOf, trailKey } from '../audit/rowKeys.js';
import type { CaseBundle } from '../schemas/bundle.js';
import { reviewRows } from '../review/reviewRows.js';
import { trainingRows } from '../training/trainingRows.js';
import type { Signer, Signing } from '../audit/signatures.js';
import { appendEntry, recordedRows, ROW_REMOVED, rowDigests, type AuditEntry, type AuditKind } from '../audit/trail.js';

/** Each row of a bundle with the key the audit trail names it by (`records:contact:123`, `case`), in order. */
function* keyedRows(bundle: CaseBundle): Generator<[string, unknown]> {
  yield [CASE_ROW, bundle.case];
  for (const table of ['records', 'otherWork', 'allocations', 'workload', 'teams'] as const) {
    for (const item of bundle[table]) yield [trailKey(table, rowKeyOf(table, item)), item];
  }
  for (const s of bundle.staff) yield [trailKey('staff', rowKeyOf('staff', s)), s];
  for (const s of bundle.sources) yield [trailKey('sources', rowKeyOf('sources', s)), s];
  if (bundle.review) yield* reviewRows(bundle.review);
  if (bundle.training) yield* trainingRows(bundle.training);
}

/** Every row of a bundle under a key the audit trail names it by. */
export function bundleRows(bundle: CaseBundle): Map<string, unknown> {
  return new Map(keyedRows(bundle));
}

/** The key of the first row a bundle holds twice, or null: only one of two rows under a key could match its trail. */
export function firstRepeatedRow(bundle: CaseBundle): string | null {
  const seen = new Set<string>();
  for (const [key] of keyedRows(bundle)) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
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
export function withWholeCaseEntry(bundle: CaseBundle, entry: WholeCaseEntry, signing?: Signing): CaseBundle {
  const { at, ...rest } = entry;
  const rows = rowDigests(bundleRows(bundle));
  for (const recorded of recordedRows(bundle.audit).keys()) if (!Object.hasOwn(rows, recorded)) rows[recorded] = ROW_REMOVED;
  return withSigner({ ...bundle, audit: appendEntry(bundle.audit, { ...rest, at: at.toISOString(), rows }, signing?.entry) }, signing?.as);
}

/** A bundle that carries a signer's name and public key, for anyone to check the entries they signed. */
function withSigner(bundle: CaseBundle, signer: Signer | undefined): CaseBundle {
  if (!signer || bundle.signers?.some((s) => s.publicKey === signer.publicKey)) return bundle;
  return { ...bundle, signers: [...(bundle.signers ?? []), { name: signer.name, publicKey: signer.publicKey }] };
}

/** The trail entry for building a case from import files: who, when, and the content hash of every row stored. */
export function withImportEntry(bundle: CaseBundle, who: string, at: Date, signing?: Signing): CaseBundle {
  const files = bundle.sources.map((s) => s.fileName).join(', ');
  const what = `Case built from ${bundle.sources.length} file${bundle.sources.length === 1 ? '' : 's'} (${files}): ${bundle.records.length} records`;
  return withWholeCaseEntry(bundle, { who, at, kind: 'import', what }, signing);
}
