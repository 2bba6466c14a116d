// The application's part in writing a review as a document: read the case from the store and hand it to the shared
// pipeline (shared/report/make.ts). The report worker runs these; they are plain code over a store, tested like it.
import { signatureReport } from '../../../shared/bundle/verifyBundle.js';
import { CaseIndex } from '../../../shared/engine/caseIndex.js';
import { buildReport, type ReportInput } from '../../../shared/report/build.js';
import type { ReportDocument } from '../../../shared/report/document.js';
import { countPlaces, redactionPlan, type RedactionPlan } from '../../../shared/report/redaction.js';
import type { CaseBundle } from '../../../shared/schemas/bundle.js';
import { Review } from '../../../shared/schemas/review.js';
import { bundleOf, readWholeCase } from '../store/caseBundle.js';
import { checkHeld } from '../store/trailCheck.js';
import type { ForesightDb } from '../store/db.js';

/**
 * Everything a document is made from: the case as the store holds it, indexed, and its review; with `checked`, its
 * trail checked as a case is when it opens (each entry's link, the rows' sums) and every entry's signature, for the
 * provenance appendix. The full check, which hashes every row afresh, takes seconds on a large case and is under Activity.
 */
export async function reportInputOf(db: ForesightDb, caseId: string, now: Date, checked = true): Promise<ReportInput & { review: Review | null; bundle: CaseBundle }> {
  const whole = await readWholeCase(db, caseId);
  if (!whole) throw new Error('That case no longer exists.');
  const bundle = bundleOf(whole.held, whole.audit, whole.signers);
  const review = bundle.review ? Review.parse(bundle.review) : null;
  if (!checked) return { bundle, index: new CaseIndex(bundle), review, trail: null, now };
  const quick = checkHeld(whole.held);
  const signatures = signatureReport(bundle.audit, bundle.signers ?? []);
  const reason = !quick.ok ? quick.reason : signatures.failure?.reason;
  const trail = { ok: quick.ok && signatures.failure === null, entries: bundle.audit.length, ...(reason ? { reason } : {}), signers: signatures.signers, unsigned: signatures.unsigned, depth: 'quick' as const };
  return { bundle, index: new CaseIndex(bundle), review, trail, now };
}

/**
 * What a redacted copy would replace, with how many places in the document each touches, and the document itself so
 * the places can be counted again as the person adds names.
 */
export async function redactionPlanOf(db: ForesightDb, caseId: string, now: Date): Promise<{ plan: RedactionPlan; doc: ReportDocument }> {
  const input = await reportInputOf(db, caseId, now, false);
  const doc = buildReport(input);
  return { plan: countPlaces(redactionPlan(input.bundle, input.review), doc), doc };
}
