import { signingAs } from '../shared/audit/signatures.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';
import { count } from '../shared/domain/words.js';
import { OFFENCE_ID } from '../shared/engine/caseIndex.js';
import { mergeReply, nextResponse, withResponse } from '../shared/review/reply.js';
import { RESPONSE_STATUSES, type ResponseStatus } from '../shared/schemas/review.js';
import { UsageError, type ParsedArgs } from './args.js';
import { noFiles, option, readBundleAt, required, signingKey, type CliIo } from './commands.js';

const author = (io: CliIo, keyName: string | undefined) => io.env('FORESIGHT_USER') ?? keyName ?? io.env('USER') ?? 'unknown';

/**
 * `respond --bundle COPY --finding N1 --status S --text T [--evidence ID,...] --out REPLY`: the next version of the
 * response to a finding, added to a copy with one signed entry. Exit 1 naming a finding or record the case does not
 * hold; 2 for a status that is not one of REVIEW.md's.
 */
export async function respond(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'respond');
  const path = required(args, '--bundle', 'respond');
  const finding = required(args, '--finding', 'respond');
  const status = required(args, '--status', 'respond');
  const text = required(args, '--text', 'respond');
  const out = required(args, '--out', 'respond');
  if (!(RESPONSE_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status ${status} is not one of ${RESPONSE_STATUSES.join(', ')}`);
  const evidence = (option(args, '--evidence') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const read = await readBundleAt(io, path);
  if (!read.ok) {
    io.stderr(`${path}: ${read.message}. Nothing written.`);
    return 1;
  }
  const { bundle } = read;
  const key = await signingKey(io, 'respond');
  const by = author(io, key?.name);
  const records = new Set([...bundle.records.map((r) => r.id), OFFENCE_ID]);
  const added = nextResponse(bundle.review ?? null, { finding, status: status as ResponseStatus, text, evidence }, by, io.now().toISOString(), records);
  if (!added.ok) {
    io.stderr(`respond: ${added.message}. Nothing written.`);
    return 1;
  }
  await io.writeFile(out, JSON.stringify(withResponse(bundle, added, by, io.now(), key && signingAs(key)), null, 2) + '\n');
  io.stderr(`Wrote ${out}: response to ${finding}, version ${added.response.version}, by ${by}.`);
  return 0;
}

/**
 * `merge --bundle CASE --reply REPLY --out MERGED [--json]`: the practitioner's reply merged as REVIEW.md §3 says.
 * Exit 0 with the merged case written (unchanged, and said so, when the reply holds nothing new); 1 refused, naming
 * the first entry at fault, with nothing written.
 */
export async function merge(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'merge');
  const casePath = required(args, '--bundle', 'merge');
  const replyPath = required(args, '--reply', 'merge');
  const out = required(args, '--out', 'merge');
  const json = args.options.has('--json');
  const refuse = (reason: string, entry?: number) => {
    if (json) io.stdout(JSON.stringify({ ok: false, ...(entry !== undefined ? { entry } : {}), reason }, null, 2));
    io.stderr(`merge: refused, nothing written: ${reason}.`);
    return 1;
  };
  const [here, reply] = [await readBundleAt(io, casePath), await readBundleAt(io, replyPath)];
  if (!here.ok) return refuse(`${casePath}: ${here.message}`);
  if (!reply.ok) return refuse(`${replyPath}: ${reply.message}`);
  // The reviewer's own case must be intact: the reply's entries are checked against it.
  const own = verifyBundle(here.bundle);
  if (!own.ok) return refuse(`this case's own audit trail is not intact (${own.reason})`);
  const key = await signingKey(io, 'merge');
  const merged = mergeReply(here.bundle, reply.bundle, { who: author(io, key?.name), at: io.now(), ...(key ? { signing: signingAs(key) } : {}) });
  if (!merged.ok) return refuse(merged.reason, merged.entry);
  const { summary } = merged;
  // Nothing new: the case file as it was, byte for byte (reading it again would reorder its keys).
  await io.writeFile(out, summary.entries === 0 ? await io.readFile(casePath) : JSON.stringify(merged.bundle, null, 2) + '\n');
  if (json) io.stdout(JSON.stringify({ ok: true, added: summary }, null, 2));
  if (summary.entries === 0) io.stderr(`merge: nothing new: everything in ${replyPath} is in the case already. Wrote ${out} unchanged.`);
  else io.stderr(`Wrote ${out}: ${count(summary.entries, 'entry', 'entries')} added, ${count(summary.responses.length, 'response')}${summary.responses.some((r) => r.earlierWording) ? ' (some answer a finding’s earlier wording)' : ''}.`);
  return 0;
}
