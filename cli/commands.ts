import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { buildCaseBundle } from '../shared/import/buildBundle.js';
import { checkReport, formatCheckReport } from '../shared/import/checkReport.js';
import { parseDateTime } from '../shared/import/dates.js';
import { readImportFile, type ReadFileResult } from '../shared/import/readFile.js';
import { withImportEntry } from '../shared/bundle/bundleRows.js';
import { count } from '../shared/domain/words.js';
import { decryptBundle, encryptBundle } from '../shared/bundle/encryption.js';
import { readCaseBundle, type BundleRead } from '../shared/bundle/readBundle.js';
import { reviewOfFile } from '../shared/review/readReview.js';
import { caseFileSizeRefusal, readCaseFileJson } from '../shared/bundle/caseFile.js';
import { fingerprintForPeople, fingerprintOf, newSigningKey, readFingerprint, signingAs, type SigningKey } from '../shared/audit/signatures.js';
import { verifyBundle, type VerifyReport } from '../shared/bundle/verifyBundle.js';
import { readKeyFile, writeKeyFile } from '../shared/crypto/keyFile.js';
import { asOfReport } from '../shared/engine/asOf.js';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { formatAsOfReport } from './formatAsOf.js';
import type { CaseBundle } from '../shared/schemas/bundle.js';
import { Crn, StaffCode } from '../shared/schemas/common.js';
import { latestInstant } from '../shared/time/london.js';
import { UsageError, type FileArg, type ParsedArgs } from './args.js';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  /** A file's size in bytes, asked before a file read whole is read. */
  size(path: string): Promise<number>;
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** An environment variable: the passphrase travels this way, never as an argument others can see. */
  env(name: string): string | undefined;
}

export const COMMANDS = {
  check: ['--json'],
  bundle: ['--json', '--crn', '--offence-at', '--title', '--out', '--review'],
  'as-of': ['--json', '--bundle', '--crn', '--offence-at', '--officer', '--at'],
  verify: ['--json', '--bundle', '--signer'],
  encrypt: ['--bundle', '--out'],
  decrypt: ['--in', '--out'],
  keygen: ['--name', '--out'],
  flags: ['--json', '--bundle'],
  report: ['--bundle', '--format', '--out', '--redact'],
  respond: ['--bundle', '--finding', '--status', '--text', '--evidence', '--out'],
  merge: ['--json', '--bundle', '--reply', '--out'],
  pseudonymise: ['--json', '--bundle', '--out', '--shift-days', '--key'],
} as const;

const PASSPHRASE = 'FORESIGHT_PASSPHRASE';
const KEY = 'FORESIGHT_KEY';

/**
 * The key to sign with: the key file named by FORESIGHT_KEY, opened with FORESIGHT_PASSPHRASE. Without FORESIGHT_KEY
 * the entries a command adds are unsigned (and `verify` says so).
 */
export async function signingKey(io: CliIo, command: string): Promise<SigningKey | undefined> {
  const path = io.env(KEY);
  if (!path) {
    io.stderr(`${command}: ${KEY} is not set, so the trail entry is unsigned.`);
    return undefined;
  }
  const opened = await readKeyFile(await readPath(io, path), passphrase(io, `${command} (to open the key in ${KEY})`));
  if (!opened.ok) throw new UsageError(`${KEY} ${path}: ${opened.message}`);
  return opened.key;
}

async function readPath(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file, or not readable`);
  }
}

async function sizeOf(io: CliIo, path: string): Promise<number> {
  try {
    return await io.size(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file, or not readable`);
  }
}

async function readAll(io: CliIo, files: readonly FileArg[]) {
  if (files.length === 0) throw new UsageError('give at least one file');
  const read: { result: ReadFileResult; sha256: string }[] = [];
  for (const f of files) {
    const bytes = await readPath(io, f.path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await readImportFile({ fileName: basename(f.path), bytes, sha256, ...(f.kind ? { kind: f.kind } : {}) });
    read.push({ result, sha256 });
  }
  return read;
}

/** Read the files and check them; with any error, print the report and the refusal, and give null. */
async function readCleanFiles(args: ParsedArgs, io: CliIo, refusal: string) {
  const read = await readAll(io, args.files);
  const report = checkReport(read.map((r) => r.result));
  if (report.ok) return { read, report };
  io.stdout(args.options.has('--json') ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  io.stderr(refusal);
  return null;
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** `check FILE... [--json]`: validate import files, store nothing. Exit 0 clean, 1 with errors. */
export async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  const report = checkReport((await readAll(io, args.files)).map((r) => r.result));
  io.stdout(args.options.has('--json') ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  return report.ok ? 0 : 1;
}

function caseDetails(args: ParsedArgs, io: CliIo, command: string) {
  const crn = option(args, '--crn');
  const offenceAtText = option(args, '--offence-at');
  if (!crn) throw new UsageError(`${command} needs --crn`);
  if (!Crn.safeParse(crn).success) throw new UsageError(`--crn ${crn} is not a CRN (a letter and six digits)`);
  if (!offenceAtText) throw new UsageError(`${command} needs --offence-at`);
  const offenceAt = parseDateTime(offenceAtText);
  if (!offenceAt.ok) throw new UsageError(`--offence-at ${offenceAtText}: ${offenceAt.message}`);
  // A random id: the CRN would otherwise be in every key of a store the case is opened in.
  return { id: crypto.randomUUID(), crn, title: option(args, '--title') ?? `SFO review ${crn}`, subject: '', offenceAt: offenceAt.value, synthetic: false, createdAt: io.now().toISOString() };
}

/** `bundle FILE... --crn X --offence-at DATETIME [--title T] --out FILE`: refuses (exit 1, nothing written) on any error. */
export async function bundle(args: ParsedArgs, io: CliIo): Promise<number> {
  const details = caseDetails(args, io, 'bundle');
  const out = required(args, '--out', 'bundle');
  const reviewPath = option(args, '--review');
  const reviewText = reviewPath && new TextDecoder().decode(await readPath(io, reviewPath));
  const clean = await readCleanFiles(args, io, 'No bundle written: the files have errors.');
  if (!clean) return 1;
  const { read, report } = clean;
  const built = buildCaseBundle(details, read);
  if (reviewPath && reviewText !== undefined) {
    const review = reviewOfFile(reviewText, built.records);
    if (!review.ok) {
      io.stderr(`${reviewPath}: ${review.message}. No bundle written.`);
      return 1;
    }
    built.review = review.review;
  }
  const key = await signingKey(io, 'bundle');
  const who = authorOf(io, key);
  const caseBundle = withImportEntry(built, who, io.now(), key && signingAs(key));
  await io.writeFile(out, JSON.stringify(caseBundle, null, 2) + '\n');
  if (args.options.has('--json')) io.stdout(JSON.stringify(report, null, 2));
  io.stderr(`Wrote ${out}: ${caseBundle.records.length} records, ${caseBundle.otherWork.length} contacts on other cases, ${caseBundle.workload.length} workload and ${caseBundle.teams.length} team snapshots, ${caseBundle.allocations.length} allocations.`);
  return 0;
}

/** Who a command's trail entry names: FORESIGHT_USER, else the signing key's name, else the login. */
export const authorOf = (io: CliIo, key: SigningKey | undefined) => io.env('FORESIGHT_USER') ?? key?.name ?? io.env('USER') ?? 'unknown';

/** A bundle read from a path, or the reason it cannot be used (exit 1). */
export async function readBundleAt(io: CliIo, path: string): Promise<BundleRead> {
  return readCaseBundle(new TextDecoder().decode(await readPath(io, path)));
}

/**
 * `as-of (--bundle B | FILE... --crn X --offence-at T) --officer CODE --at T [--json]`: what the officer knew and
 * carried at the moment. Exit 1 when the bundle or files have errors.
 */
export async function asOf(args: ParsedArgs, io: CliIo): Promise<number> {
  const officer = option(args, '--officer');
  const atText = option(args, '--at');
  if (!officer) throw new UsageError('as-of needs --officer');
  if (!StaffCode.safeParse(officer).success) throw new UsageError(`--officer ${officer} is not a staff code (7 letters or digits)`);
  if (!atText) throw new UsageError('as-of needs --at');
  const at = parseDateTime(atText);
  if (!at.ok) throw new UsageError(`--at ${atText}: ${at.message}`);
  const bundlePath = option(args, '--bundle');
  if (bundlePath && args.files.length > 0) throw new UsageError('give either --bundle or import files, not both');
  let data: CaseBundle;
  if (bundlePath) {
    const read = readCaseBundle(new TextDecoder().decode(await readPath(io, bundlePath)));
    if (!read.ok) {
      io.stderr(`${bundlePath}: ${read.message}`);
      return 1;
    }
    data = read.bundle;
  } else {
    const details = caseDetails(args, io, 'as-of');
    const clean = await readCleanFiles(args, io, 'The files have errors: fix them, then ask again.');
    if (!clean) return 1;
    data = buildCaseBundle(details, clean.read);
  }
  const index = new CaseIndex(data);
  const report = asOfReport(index, index.view(officer, latestInstant(at.value)));
  io.stdout(args.options.has('--json') ? JSON.stringify(report, null, 2) : formatAsOfReport(report));
  return 0;
}

export function required(args: ParsedArgs, name: string, command: string): string {
  const value = option(args, name);
  if (!value) throw new UsageError(`${command} needs ${name}`);
  return value;
}

export function noFiles(args: ParsedArgs, command: string) {
  if (args.files.length > 0) throw new UsageError(`${command} takes no file arguments (unexpected: ${args.files[0]?.path})`);
}

/**
 * `verify --bundle B [--signer FINGERPRINT]... [--json]`: the bundle against its schema, its audit trail and its
 * signatures. Exit 0 intact, 1 naming the first entry or row that fails. Lists who signed what, and what is unsigned.
 */
export async function verify(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'verify');
  const path = required(args, '--bundle', 'verify');
  const mustSign = (args.lists.get('--signer') ?? []).map((typed) => {
    const fingerprint = readFingerprint(typed);
    if (!fingerprint) throw new UsageError(`--signer ${typed} is not a key fingerprint (32 hex digits, with or without spaces)`);
    return fingerprint;
  });
  const read = readCaseFileJson(new TextDecoder().decode(await readPath(io, path)));
  const json = args.options.has('--json');
  if (!read.ok) {
    if (json) io.stdout(JSON.stringify({ ok: false, reason: read.message }, null, 2));
    else io.stdout(`Not intact: ${read.message}`);
    return 1;
  }
  const reports = read.cases.map(({ bundle, trail }): VerifyReport =>
    trail === 'none'
      ? { ...verifyBundle(bundle, mustSign), ok: false, reason: 'no trail: unverified (a version 1 bundle, written before audit trails)' }
      : verifyBundle(bundle, mustSign),
  );
  const [single] = reports;
  if (!read.everything && single) {
    io.stdout(json ? JSON.stringify(single, null, 2) : formatVerifyReport(single));
    return single.ok ? 0 : 1;
  }
  // An "export everything" file: each case's report, under the case it is about.
  const ok = reports.every((r) => r.ok);
  const cases = read.cases.map(({ bundle }, i) => ({ case: { id: bundle.case.id, title: bundle.case.title, crn: bundle.case.crn }, ...reports[i] }));
  io.stdout(json ? JSON.stringify({ ok, cases }, null, 2) : cases.map(({ case: c }, i) => `${c.title} (${c.crn}):\n${formatVerifyReport(reports[i] as VerifyReport)}`).join('\n\n'));
  return ok ? 0 : 1;
}

function formatVerifyReport(r: VerifyReport): string {
  const lines = [r.ok ? `Intact: ${count(r.entries, 'audit entry', 'audit entries')}, ${count(r.rows, 'row')}.` : `Not intact: ${r.reason}`];
  for (const s of r.signers) lines.push(`Signed by ${s.name} (key ${fingerprintForPeople(s.fingerprint)}): ${count(s.entries, 'entry', 'entries')}`);
  if (r.unsigned.length > 0) lines.push(`Unsigned: ${r.unsigned.length === r.entries ? 'every entry' : `entr${r.unsigned.length === 1 ? 'y' : 'ies'} ${r.unsigned.join(', ')}`}`);
  return lines.join('\n');
}

/** `keygen --name NAME --out FILE`: a new signing key, sealed with FORESIGHT_PASSPHRASE; its fingerprint last. */
export async function keygen(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'keygen');
  const name = required(args, '--name', 'keygen').trim();
  if (!name) throw new UsageError('keygen needs a --name that is not blank');
  const out = required(args, '--out', 'keygen');
  const key = newSigningKey(name);
  await io.writeFile(out, await writeKeyFile(key, passphrase(io, 'keygen')));
  io.stderr(`Wrote ${out}: the signing key of ${name}, sealed with the passphrase in ${PASSPHRASE}. Sign with it by setting ${KEY}=${out}.`);
  io.stdout(`Fingerprint of ${name}'s key (compare it with theirs by another route):`);
  io.stdout(fingerprintForPeople(fingerprintOf(key.publicKey)));
  return 0;
}

function passphrase(io: CliIo, command: string): string {
  const value = io.env(PASSPHRASE);
  if (!value) throw new UsageError(`${command} reads the passphrase from the environment variable ${PASSPHRASE}, which is not set`);
  return value;
}

/** `encrypt --bundle B --out F`: the bundle, checked, then encrypted with the passphrase from the environment. */
export async function encrypt(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'encrypt');
  const path = required(args, '--bundle', 'encrypt');
  const out = required(args, '--out', 'encrypt');
  const secret = passphrase(io, 'encrypt');
  const read = readCaseBundle(new TextDecoder().decode(await readPath(io, path)));
  if (!read.ok) {
    io.stderr(`${path}: ${read.message}; nothing written`);
    return 1;
  }
  await io.writeFile(out, await encryptBundle(JSON.stringify(read.bundle, null, 2) + '\n', secret));
  io.stderr(`Wrote ${out}: encrypted with AES-256-GCM.`);
  return 0;
}

/** `decrypt --in F --out B`: a wrong passphrase or a damaged file gives exit 1 and one line, and writes nothing. */
export async function decrypt(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'decrypt');
  const path = required(args, '--in', 'decrypt');
  const out = required(args, '--out', 'decrypt');
  const secret = passphrase(io, 'decrypt');
  const tooLarge = caseFileSizeRefusal(await sizeOf(io, path));
  if (tooLarge) {
    io.stderr(`${path}: ${tooLarge}; nothing written`);
    return 1;
  }
  const opened = await decryptBundle(await readPath(io, path), secret);
  if (!opened.ok) {
    io.stderr(`${path}: ${opened.message}; nothing written`);
    return 1;
  }
  const read = readCaseFileJson(opened.json);
  if (!read.ok) {
    io.stderr(`${path}: decrypted, but ${read.message}; nothing written`);
    return 1;
  }
  await io.writeFile(out, opened.json);
  io.stderr(read.everything ? `Wrote ${out}: "export everything", ${count(read.cases.length, 'case')}.` : `Wrote ${out}.`);
  return 0;
}
