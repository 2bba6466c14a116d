import { CaseIndex } from '../shared/engine/caseIndex.js';
import { anyOpen, HindsightChecks, type HindsightFlag } from '../shared/review/flags.js';
import { Review } from '../shared/schemas/review.js';
import { count } from '../shared/domain/words.js';
import { noFiles, readBundleAt, required, type CliIo } from './commands.js';
import type { ParsedArgs } from './args.js';

/**
 * `flags --bundle B [--json]`: the hindsight checks of REVIEW.md §2 on the bundle's review. Exit 0 when no flag is
 * open (none, or every one dismissed), 1 when any is open or the bundle cannot be used.
 */
export async function flags(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'flags');
  const path = required(args, '--bundle', 'flags');
  const read = await readBundleAt(io, path);
  if (!read.ok) {
    io.stderr(`${path}: ${read.message}`);
    return 1;
  }
  const review = read.bundle.review ? Review.parse(read.bundle.review) : null;
  const found = review ? new HindsightChecks(new CaseIndex(read.bundle), review).all(review.findings) : [];
  const ok = !anyOpen(found);
  if (args.options.has('--json')) io.stdout(JSON.stringify({ ok, flags: found }, null, 2));
  else io.stdout(review ? formatFlags(found) : 'This case has no review: nothing to check.');
  return ok ? 0 : 1;
}

const STATE_WORDS: Record<string, string> = {
  notYetHappened: 'had not happened yet',
  hindsightOnly: 'came to light only later',
  heldElsewhere: 'was held by another agency and had not reached probation',
  notYetRecorded: 'was not yet on the probation record',
  notHeld: 'was on the record of a case the officer did not hold',
};

function formatFlags(found: readonly HindsightFlag[]): string {
  if (found.length === 0) return 'No hindsight flags.';
  const open = found.filter((f) => f.dismissed === null).length;
  const lines = [`${count(found.length, 'flag')}, ${open} open.`];
  for (const f of found) {
    const said =
      f.kind === 'lateEvidence' ? `evidence ${f.record} ${STATE_WORDS[f.state] ?? f.state} at the decision (${f.at}, ${f.officer ?? 'no officer'})`
      : f.kind === 'outcomeLanguage' ? `"${f.text}" at ${f.offset}: ${f.suggestion}`
      : 'a problem with no factor above the practitioner';
    lines.push(`${f.finding}: ${said}${f.dismissed ? ` (dismissed by ${f.dismissed.by}: ${f.dismissed.reason})` : ''}`);
  }
  return lines.join('\n');
}
