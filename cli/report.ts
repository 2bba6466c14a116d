import { pictureScale } from '../shared/report/figureTypes.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { makeReportWhole } from '../shared/report/make.js';
import { redactionPlan } from '../shared/report/redaction.js';
import { Review } from '../shared/schemas/review.js';
import { noFiles, readBundleAt, required, type CliIo } from './commands.js';
import { UsageError, type ParsedArgs } from './args.js';
import { rasterise } from './rasterise.js';

const FORMATS = ['docx', 'html', 'csv'] as const;

/**
 * `report --bundle B --format docx|html|csv --out FILE [--redact]`: the review as a document, by the same code as
 * the app (shared/report/make.ts). Exit 0 written; 1 when the bundle cannot be read (nothing written) or its trail
 * is not intact (the document is written, and says so in its provenance appendix).
 */
export async function report(args: ParsedArgs, io: CliIo): Promise<number> {
  noFiles(args, 'report');
  const path = required(args, '--bundle', 'report');
  const format = required(args, '--format', 'report');
  const out = required(args, '--out', 'report');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format} is not one of ${FORMATS.join(', ')}`);
  const read = await readBundleAt(io, path);
  if (!read.ok) {
    io.stderr(`${path}: ${read.message}. Nothing written.`);
    return 1;
  }
  const { bundle } = read;
  const review = bundle.review ? Review.parse(bundle.review) : null;
  const trail = { ...verifyBundle(bundle), depth: 'full' as const };
  const plan = args.options.has('--redact') ? redactionPlan(bundle, review) : null;
  const made = await makeReportWhole({ bundle, index: new CaseIndex(bundle), review, trail, now: io.now() }, format as (typeof FORMATS)[number], plan, {
    elk: async () => new (await import('elkjs/lib/elk.bundled.js')).default(),
    rasterise: async (figures) => Promise.all(figures.map((f) => rasterise(f, pictureScale(f)))),
  });
  if (made.format === 'print') throw new Error('the command line writes docx, html or csv');
  await io.writeFile(out, made.bytes);
  io.stderr(`report: wrote ${out}${plan ? ' (redacted: staff and third parties named by role, the CRN, staff codes and email addresses taken out)' : ''}.`);
  if (!trail.ok) {
    io.stderr(`report: the case's audit trail is not intact (${trail.reason}); the document says so in its provenance appendix.`);
    return 1;
  }
  return 0;
}
