import { BUNDLE_SCHEMA_VERSION, CaseBundle, CaseBundleV1, CaseBundleV2 } from '../schemas/bundle.js';
import { firstRepeatedRow } from './bundleRows.js';
import { pathText, readReview } from '../review/readReview.js';

export type BundleRead = { ok: true; bundle: CaseBundle; trail: 'none' | 'unsigned' | 'signable' } | { ok: false; message: string };

/**
 * Read a case bundle's JSON and check it against the schema: a clear reason when it cannot be used. Older versions are
 * carried forward: version 1 predates audit trails (`trail: 'none'`, so it can never be shown as intact), version 2
 * predates signatures. A row id that appears twice is refused, by name: only one of the two could match the trail.
 */
export function readCaseBundle(text: string): BundleRead {
  const json = parseJson(text);
  return json.ok ? readCaseBundleValue(json.value) : { ok: false, message: `not a case bundle: ${json.message}` };
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `the JSON cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A case bundle already parsed from JSON (one case of an "export everything" file, say), checked as readCaseBundle does. */
export function readCaseBundleValue(json: unknown): BundleRead {
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > BUNDLE_SCHEMA_VERSION) {
    return { ok: false, message: `this bundle was written by a newer version of Foresight (bundle schema ${version}; this version reads up to ${BUNDLE_SCHEMA_VERSION}): update Foresight to open it` };
  }
  const parsed =
    version === 1 ? CaseBundleV1.transform((v1): CaseBundle => ({ ...v1, schemaVersion: BUNDLE_SCHEMA_VERSION, audit: [] })).safeParse(json)
    : version === 2 ? CaseBundleV2.transform((v2): CaseBundle => ({ ...v2, schemaVersion: BUNDLE_SCHEMA_VERSION })).safeParse(json)
    : CaseBundle.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const raw = json as { review?: unknown; records?: unknown };
    // The review comes last in the schema: when the first error is in it, its own reading names its first bad field as written.
    const where = issue?.path[0] === 'review' ? reviewRefusal(raw.review, raw.records) : issue && `${pathText(issue.path) || 'the document'}: ${issue.message}`;
    return { ok: false, message: `not a valid case bundle: ${where ?? 'it does not match the schema'}` };
  }
  const review = reviewRefusal(parsed.data.review, parsed.data.records);
  if (review) return { ok: false, message: `not a valid case bundle: ${review}` };
  const repeated = firstRepeatedRow(parsed.data);
  if (repeated) return { ok: false, message: `not a valid case bundle: ${repeated} appears twice` };
  return { ok: true, bundle: parsed.data, trail: version === 1 ? 'none' : version === 2 ? 'unsigned' : 'signable' };
}

/**
 * Why a bundle's review breaks REVIEW.md §1 (its schema, an id used twice, a reference to nothing), naming its first bad
 * field as written; null when it keeps the rules, or there is none.
 */
function reviewRefusal(review: unknown, records: unknown): string | null {
  if (review === undefined) return null;
  const ids = Array.isArray(records) ? records.map((r: { id?: unknown } | null) => r?.id).filter((id): id is string => typeof id === 'string') : [];
  const read = readReview(review, new Set(ids));
  return read.ok ? null : `review${read.path ? `.${read.path}` : ''}: ${read.message}`;
}
