import { z } from 'zod';
import { Signer } from '../audit/fingerprints.js';
import { AuditEntry } from '../audit/trail.js';
import { Allocation } from './allocation.js';
import { Case } from './case.js';
import { CaseRecord, ContactRecord } from './record.js';
import { TeamSnapshot, WorkloadSnapshot } from './snapshots.js';
import { Staff } from './staff.js';
import { Review, type ReviewInput } from './review.js';
import { CaseTraining, type CaseTrainingInput } from '../training/walkthrough.js';

export const BUNDLE_SCHEMA_VERSION = 3;

/** A file that was imported into the case: the basis of every record's provenance. */
export const SourceFile = z.object({
  fileName: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['contacts', 'workload', 'team', 'information', 'allocations']),
  rows: z.number().int().min(0),
});
export type SourceFile = z.infer<typeof SourceFile>;

/** Version 1: a case and everything imported into it, without an audit trail. Read, then migrated. */
export const CaseBundleV1 = z.object({
  schemaVersion: z.literal(1),
  case: Case,
  staff: z.array(Staff),
  allocations: z.array(Allocation),
  records: z.array(CaseRecord),
  /** The case's officers' contacts on their other cases: their competing work, not part of the chronology. */
  otherWork: z.array(ContactRecord),
  workload: z.array(WorkloadSnapshot),
  teams: z.array(TeamSnapshot),
  sources: z.array(SourceFile),
});

/** Version 2: with its audit trail, unsigned. Read, then carried forward. */
export const CaseBundleV2 = CaseBundleV1.extend({
  schemaVersion: z.literal(2),
  audit: z.array(AuditEntry),
});

/**
 * A review checked against its schema but kept exactly as written: its trail hashed each item as it was written, and
 * the defaults reading fills in (Review.parse) would change those hashes.
 */
const ReviewAsWritten = z.custom<ReviewInput>().superRefine((value, ctx) => {
  const read = Review.safeParse(value);
  if (!read.success) for (const issue of read.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** A case's walkthrough and sessions, checked like the review and kept exactly as written, for the same reason. */
const TrainingAsWritten = z.custom<CaseTrainingInput>().superRefine((value, ctx) => {
  const read = CaseTraining.safeParse(value);
  if (!read.success) for (const issue of read.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/**
 * The app's own interchange format: one case, everything imported into it, its audit trail, and the name and public
 * key of everyone who signed an entry of it (version 3).
 */
export const CaseBundle = CaseBundleV2.extend({
  schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
  signers: z.array(Signer).optional(),
  review: ReviewAsWritten.optional(),
  /** The case study made of it (a training copy's walkthrough, and the sessions run from it): added to version 3, so older files still read. */
  training: TrainingAsWritten.optional(),
});
export type CaseBundle = z.infer<typeof CaseBundle>;
