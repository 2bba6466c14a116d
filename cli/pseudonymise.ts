import { signingAs } from '../shared/audit/signatures.js';
import { count } from '../shared/domain/words.js';
import { pseudonymise, REPLACEMENT_KIND_WORDS, shiftRefusal, type Pseudonymised, type ReplacementKind } from '../shared/training/pseudonymise.js';
import { UsageError, type ParsedArgs } from './args.js';
import { authorOf, noFiles, readBundleAt, required, signingKey, type CliIo } from './commands.js';

/** Numbers in [0, 1) from the operating system's random source, for the random shift. */
const randomUnit = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

/**
 * `pseudonymise --bundle B --out T [--shift-days N] [--key K] [--json]`: the training copy of REVIEW.md §4. Exit 2 for
 * a shift that is not a whole number of weeks, 1 when the bundle cannot be used, 0 when the copy is written.
 */
export async function pseudonymiseCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'pseudonymise');
  const path = required(args, '--bundle', 'pseudonymise');
  const out = required(args, '--out', 'pseudonymise');
  const shiftText = args.options.get('--shift-days');
  let shiftDays: number | undefined;
  if (typeof shiftText === 'string') {
    shiftDays = /^[+-]?\d+$/.test(shiftText) ? Number(shiftText) : NaN;
    const refusal = Number.isNaN(shiftDays) ? `--shift-days ${shiftText} is not a whole number of days` : shiftRefusal(shiftDays);
    if (refusal) throw new UsageError(`--shift-days: ${refusal}`);
  }
  const keyPath = args.options.get('--key');
  const read = await readBundleAt(io, path);
  if (!read.ok) {
    io.stderr(`${path}: ${read.message}`);
    return 1;
  }
  const key = await signingKey(io, 'pseudonymise');
  const made = pseudonymise(read.bundle, {
    ...(shiftDays === undefined ? { random: randomUnit } : { shiftDays }),
    who: authorOf(io, key),
    at: io.now(),
    caseId: crypto.randomUUID(),
    ...(key ? { signing: signingAs(key) } : {}),
  });
  await io.writeFile(out, JSON.stringify(made.bundle, null, 2) + '\n');
  if (typeof keyPath === 'string') {
    await io.writeFile(keyPath, JSON.stringify(made.key, null, 2) + '\n');
    io.stderr(`Wrote the key to ${keyPath}: it says who everyone in the copy is. Keep it apart from the copy, or delete it.`);
  }
  if (args.options.has('--json')) io.stdout(JSON.stringify({ shiftDays: made.key.shiftDays, replaced: made.replaced, toCheck: made.toCheck }, null, 2));
  else io.stdout(summary(made));
  io.stderr(`Wrote ${out}: a training copy, dates moved by ${made.key.shiftDays} days.`);
  return 0;
}

function summary(made: Pseudonymised): string {
  const lines = [`Dates moved by ${made.key.shiftDays} days (${count(Math.abs(made.key.shiftDays) / 7, 'week')} ${made.key.shiftDays < 0 ? 'earlier' : 'later'}).`];
  const kinds = Object.entries(made.replaced).filter(([, n]) => n > 0);
  lines.push(`Places replaced: ${kinds.map(([k, n]) => `${REPLACEMENT_KIND_WORDS[k as ReplacementKind].toLowerCase()} ${n.toLocaleString('en-GB')}`).join(', ') || 'none'}.`);
  if (made.toCheck.length === 0) lines.push('No words left to check.');
  else {
    lines.push(`${count(made.toCheck.length, 'word')} to check (they look like names and were not replaced):`);
    for (const t of made.toCheck) lines.push(`  ${t.word}: ${t.where.slice(0, 5).join(', ')}${t.where.length > 5 ? `, and ${t.where.length - 5} more` : ''}`);
  }
  return lines.join('\n');
}
