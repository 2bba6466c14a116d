// The application's part in writing a review as a document: read the case from the store and hand it to the shared
// pipeline (shared/report/make.ts). The report worker runs these; they are plain code over a store, tested like it.
import { verifyBundle } from '../../../shared/bundle/verifyBundle.js';
import { CaseIndex } from '../../../shared/engine/caseIndex.js';
import type { ReportInput } from '../../../shared/report/build.js';
import { redactionPlan, type RedactionPlan } from '../../../shared/report/redaction.js';
import { Review } from '../../../shared/schemas/review.js';
import { bundleOf, readWholeCase } from '../store/caseBundle.js';
import type { ForesightDb } from '../store/db.js';

/**
 * Everything a document is made from: the case as the store holds it, indexed, its review, and its whole trail
 * checked as `verify` checks it (hashes, links, rows and signatures), so the provenance appendix says what was found.
 */
export async function reportInputOf(db: ForesightDb, caseId: string, now: Date): Promise<ReportInput & { review: Review | null }> {
  const whole = await readWholeCase(db, caseId);
  if (!whole) throw new Error('That case no longer exists.');
  const bundle = bundleOf(whole.held, whole.audit, whole.signers);
  const review = bundle.review ? Review.parse(bundle.review) : null;
  return { bundle, index: new CaseIndex(bundle), review, trail: verifyBundle(bundle), now };
}

/** What a redacted copy of the case's documents would replace, before the person adjusts it. */
export async function redactionPlanOf(db: ForesightDb, caseId: string): Promise<RedactionPlan> {
  const whole = await readWholeCase(db, caseId);
  if (!whole) throw new Error('That case no longer exists.');
  const bundle = bundleOf(whole.held, whole.audit, whole.signers);
  return redactionPlan(bundle, bundle.review ? Review.parse(bundle.review) : null);
}
