import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { buildCaseBundle } from '../shared/import/buildBundle.js';
import { checkReport, formatCheckReport } from '../shared/import/checkReport.js';
import { parseDateTime } from '../shared/import/dates.js';
import { readImportFile, type ReadFileResult } from '../shared/import/readFile.js';
import { Crn } from '../shared/schemas/common.js';
import { UsageError, type FileArg, type ParsedArgs } from './args.js';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, content: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
}

export const COMMANDS = {
  check: ['--json'],
  bundle: ['--json', '--crn', '--offence-at', '--title', '--out'],
} as const;

async function readAll(io: CliIo, files: readonly FileArg[]) {
  if (files.length === 0) throw new UsageError('give at least one file');
  const read: { result: ReadFileResult; sha256: string }[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(f.path);
    } catch {
      throw new UsageError(`cannot read ${f.path}: no such file, or not readable`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await readImportFile({ fileName: basename(f.path), bytes, sha256, ...(f.kind ? { kind: f.kind } : {}) });
    read.push({ result, sha256 });
  }
  return read;
}

function option(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** `check FILE... [--json]`: validate import files, store nothing. Exit 0 clean, 1 with errors. */
export async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  const report = checkReport((await readAll(io, args.files)).map((r) => r.result));
  io.stdout(args.options.has('--json') ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  return report.ok ? 0 : 1;
}

/** `bundle FILE... --crn X --offence-at DATETIME [--title T] --out FILE`: refuses (exit 1, nothing written) on any error. */
export async function bundle(args: ParsedArgs, io: CliIo): Promise<number> {
  const crn = option(args, '--crn');
  const offenceAtText = option(args, '--offence-at');
  const out = option(args, '--out');
  if (!crn) throw new UsageError('bundle needs --crn');
  if (!Crn.safeParse(crn).success) throw new UsageError(`--crn ${crn} is not a CRN (a letter and six digits)`);
  if (!offenceAtText) throw new UsageError('bundle needs --offence-at');
  const offenceAt = parseDateTime(offenceAtText);
  if (!offenceAt.ok) throw new UsageError(`--offence-at ${offenceAtText}: ${offenceAt.message}`);
  if (!out) throw new UsageError('bundle needs --out');
  const read = await readAll(io, args.files);
  const report = checkReport(read.map((r) => r.result));
  if (!report.ok) {
    io.stdout(args.options.has('--json') ? JSON.stringify(report, null, 2) : formatCheckReport(report));
    io.stderr('No bundle written: the files have errors.');
    return 1;
  }
  const caseBundle = buildCaseBundle(
    {
      id: `case-${crn}`,
      crn,
      title: option(args, '--title') ?? `SFO review ${crn}`,
      subject: '',
      offenceAt: offenceAt.value,
      synthetic: false,
      createdAt: io.now().toISOString(),
    },
    read,
  );
  await io.writeFile(out, JSON.stringify(caseBundle, null, 2) + '\n');
  if (args.options.has('--json')) io.stdout(JSON.stringify(report, null, 2));
  io.stderr(`Wrote ${out}: ${caseBundle.records.length} records, ${caseBundle.otherWork.length} contacts on other cases, ${caseBundle.workload.length} workload and ${caseBundle.teams.length} team snapshots, ${caseBundle.allocations.length} allocations.`);
  return 0;
}
