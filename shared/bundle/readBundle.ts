import { BUNDLE_SCHEMA_VERSION, CaseBundle, CaseBundleV1 } from '../schemas/bundle.js';

export type BundleRead = { ok: true; bundle: CaseBundle } | { ok: false; message: string };

/** Read a case bundle's JSON and check it against the schema: a clear reason when it cannot be used. */
export function readCaseBundle(text: string): BundleRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not a case bundle: the JSON cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > BUNDLE_SCHEMA_VERSION) {
    return { ok: false, message: `this bundle was written by a newer version of Foresight (bundle schema ${version}; this version reads up to ${BUNDLE_SCHEMA_VERSION}): update Foresight to open it` };
  }
  // A version 1 bundle predates audit trails: it is read, and carried forward with an empty trail.
  const parsed = version === 1 ? CaseBundleV1.transform((v1): CaseBundle => ({ ...v1, schemaVersion: BUNDLE_SCHEMA_VERSION, audit: [] })).safeParse(json) : CaseBundle.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `not a valid case bundle: ${issue ? `${issue.path.join('.') || 'the document'}: ${issue.message}` : 'it does not match the schema'}` };
  }
  return { ok: true, bundle: parsed.data };
}
