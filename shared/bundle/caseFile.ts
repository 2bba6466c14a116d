import { z } from 'zod';
import { CaseBundle } from '../schemas/bundle.js';
import { parseJson, readCaseBundleValue, type BundleRead } from './readBundle.js';

/**
 * The largest case file (.foresight) Foresight opens: it is read whole, decrypted whole and parsed whole, so a
 * bound keeps one file from exhausting memory. A 100,000-record case measures 87 MB as the app writes it and 115 MB
 * as the command line's `encrypt` writes it (indented JSON); 256 MB is over twice that, room for longer notes or a
 * few such cases in one "export everything" file.
 */
export const MAX_CASE_FILE_BYTES = 256 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** Why a case file of this many bytes is not opened, or null when it may be: asked before the file is read. */
export function caseFileSizeRefusal(bytes: number): string | null {
  return bytes > MAX_CASE_FILE_BYTES ? `the file is ${megabytes(bytes)}; Foresight opens case files of up to ${megabytes(MAX_CASE_FILE_BYTES)}` : null;
}

const EVERYTHING = 'foresight-everything';

/** What the app's "export everything" encrypts: every case on the computer, each a whole bundle. */
export const EverythingExport = z.object({
  kind: z.literal(EVERYTHING),
  exportedAt: z.iso.datetime(),
  cases: z.array(CaseBundle),
});
export type EverythingExport = z.infer<typeof EverythingExport>;

export function everythingJson(cases: CaseBundle[], exportedAt: Date): string {
  const document: EverythingExport = { kind: EVERYTHING, exportedAt: exportedAt.toISOString(), cases };
  return JSON.stringify(document);
}

type ReadCase = Extract<BundleRead, { ok: true }>;

/** The cases in a decrypted case file: one bundle, or every case of an "export everything". */
export type CaseFileRead = { ok: true; everything: boolean; cases: ReadCase[] } | { ok: false; message: string };

/**
 * Read a decrypted case file's JSON: a single case bundle, or an "export everything" document, whose cases are each
 * checked as a bundle is (older bundle versions carried forward, repeated rows refused), a refusal naming the case.
 */
export function readCaseFileJson(text: string): CaseFileRead {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, message: `not a case bundle: ${json.message}` };
  const value = json.value;
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== EVERYTHING) {
    const read = readCaseBundleValue(value);
    return read.ok ? { ok: true, everything: false, cases: [read] } : read;
  }
  const envelope = EverythingExport.extend({ cases: z.array(z.unknown()) }).safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { ok: false, message: `not a valid "export everything" file: ${issue ? `${issue.path.join('.') || 'the document'}: ${issue.message}` : 'it does not match the schema'}` };
  }
  const cases: ReadCase[] = [];
  for (const [i, c] of envelope.data.cases.entries()) {
    const read = readCaseBundleValue(c);
    if (!read.ok) return { ok: false, message: `case ${i + 1} of ${envelope.data.cases.length}: ${read.message}` };
    cases.push(read);
  }
  return { ok: true, everything: true, cases };
}
