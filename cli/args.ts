import { FILE_KINDS, type FileKind } from '../shared/import/columns.js';

/** A usage mistake: exit 2 with one line on stderr. */
export class UsageError extends Error {}

export interface FileArg {
  path: string;
  kind?: FileKind;
}

export interface ParsedArgs {
  command: string;
  files: FileArg[];
  options: Map<string, string | true>;
  /** Every value of an option that may be given more than once (`--signer`), in order. */
  lists: Map<string, string[]>;
}

const VALUE_OPTIONS = new Set(['--crn', '--offence-at', '--title', '--out', '--bundle', '--officer', '--at', '--in', '--name', '--review', '--format', '--finding', '--status', '--text', '--evidence', '--reply', '--shift-days', '--key']);
const LIST_OPTIONS = new Set(['--signer']);
const FLAG_OPTIONS = new Set(['--json', '--redact']);

/** `KIND:path` forces a file's kind; anything else is a plain path (so `C:\\x.csv` stays a path). */
export function fileArg(arg: string): FileArg {
  const colon = arg.indexOf(':');
  const prefix = colon > 0 ? arg.slice(0, colon) : '';
  if ((FILE_KINDS as readonly string[]).includes(prefix)) return { path: arg.slice(colon + 1), kind: prefix as FileKind };
  return { path: arg };
}

export function parseArgs(argv: readonly string[], allowed: Record<string, readonly string[]>): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(`usage: foresight <${Object.keys(allowed).join('|')}> ...`);
  const permitted = allowed[command];
  if (!permitted) throw new UsageError(`unknown command '${command}' (expected one of: ${Object.keys(allowed).join(', ')})`);
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const files: FileArg[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      files.push(fileArg(arg));
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!permitted.includes(name)) throw new UsageError(`unknown option '${name}' for ${command}`);
    if (FLAG_OPTIONS.has(name)) options.set(name, true);
    else if (VALUE_OPTIONS.has(name) || LIST_OPTIONS.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
      if (LIST_OPTIONS.has(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else options.set(name, value);
    }
  }
  return { command, files, options, lists };
}
