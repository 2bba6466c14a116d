import { z } from 'zod';
import { parseDateTime } from '../import/dates.js';
import { LocalDate } from './common.js';

/**
 * The review a reviewer writes on a case (docs/review.md): the policies in force, contributory factors, key practice
 * episodes, the tabular timeline's annotations, findings, the judgement, the action plan and the practitioner's
 * responses. Its JSON is the one every copy of the app and the command line reads and writes.
 */

/** AcciMap levels, from government down to the work environment. */
export const ACCIMAP_LEVELS = ['government', 'inspectorate', 'national', 'region', 'team', 'practitioner', 'environment'] as const;
export const AcciMapLevel = z.enum(ACCIMAP_LEVELS);
export type AcciMapLevel = z.infer<typeof AcciMapLevel>;

/** SEIPS work-system elements. */
export const SEIPS_ELEMENTS = ['person', 'tasks', 'tools', 'organisation', 'environment', 'external'] as const;
export const SeipsElement = z.enum(SEIPS_ELEMENTS);
export type SeipsElement = z.infer<typeof SeipsElement>;

export const APPRAISALS = ['good', 'problematic', 'both', 'neutral'] as const;
export const Appraisal = z.enum(APPRAISALS);
export type Appraisal = z.infer<typeof Appraisal>;

export const FINDING_KINDS = ['problem', 'good', 'condition'] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;

export const FLAG_KINDS = ['lateEvidence', 'outcomeLanguage', 'noSystemFactor'] as const;
export const FlagKind = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKind>;

export const REASONABLE_STEPS = ['yes', 'no', 'partly'] as const;
export const RESPONSE_STATUSES = ['accepted', 'disputed', 'context'] as const;
export const ResponseStatus = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

/** The steps of a recall or enforcement the data can show, in the order they happen (recallTiming.ts). */
export const RECALL_STEPS = ['breach', 'recallConsidered', 'managerSignOff', 'decisionRecorded', 'policeNotified', 'arrest'] as const;
export const RecallStep = z.enum(RECALL_STEPS);
export type RecallStep = z.infer<typeof RecallStep>;

const Id = z.string().min(1).max(64);
/** A record as the as-of engine names it: `contact:<contact_id>`, `info:<info_id>`, or `offence`. */
const RecordRef = z.string().min(1);
const Text = z.string().max(100_000);
/**
 * A moment as FORMATS.md writes times: Europe/London wall clock unless an offset is given; a date alone is the end of
 * that day. One that cannot be read is refused: the checks at that moment would otherwise check nothing.
 */
export const Moment = z.string().superRefine((text, ctx) => {
  const read = parseDateTime(text);
  if (!read.ok) ctx.addIssue({ code: 'custom', message: read.message });
});

export const Policy = z.object({
  id: Id,
  name: z.string().min(1),
  version: z.string().optional(),
  from: LocalDate.nullable().optional(),
  to: LocalDate.nullable().optional(),
  requires: Text.optional(),
  /** Time limits between recall steps it sets (sign-off within 24 hours of the recall being considered, say). */
  targets: z.array(z.object({ from: RecallStep, to: RecallStep, withinHours: z.number().positive() })).optional(),
});
export type Policy = z.infer<typeof Policy>;

export const Factor = z.object({
  id: Id,
  text: z.string().min(1),
  level: AcciMapLevel,
  seips: SeipsElement.optional(),
  pattern: z.string().optional(),
});
export type Factor = z.infer<typeof Factor>;

export const Episode = z.object({
  id: Id,
  title: z.string().min(1),
  decisionAt: Moment,
  /** Left out: whoever held the case at decisionAt (as the timeline's default). */
  officer: z.string().optional(),
  records: z.array(RecordRef).default([]),
  whatHappened: Text.default(''),
  /** Left out until the reviewer appraises it. */
  appraisal: Appraisal.optional(),
  policies: z.array(Id).default([]),
  factors: z.array(Id).default([]),
});
export type Episode = z.infer<typeof Episode>;

/** The tabular timeline's columns for one record (the NPSA tabular timeline). */
export const Annotation = z.object({
  record: RecordRef,
  shouldHaveHappened: Text.optional(),
  dataGaps: Text.optional(),
  notablePractice: Text.optional(),
  problems: Text.optional(),
  factors: z.array(Id).default([]),
  /** A key event: shown in the "key events only" view and the report's chronology. */
  key: z.boolean().optional(),
});
export type Annotation = z.infer<typeof Annotation>;

export const Dismissal = z.object({
  kind: FlagKind,
  /** For an outcomeLanguage flag: the phrase as REVIEW.md lists it. */
  phrase: z.string().optional(),
  /** For a lateEvidence flag: the record. */
  record: RecordRef.optional(),
  reason: z.string().min(1),
  by: z.string(),
  at: z.string(),
});
export type Dismissal = z.infer<typeof Dismissal>;

export const Finding = z.object({
  id: Id,
  episode: Id.optional(),
  kind: FindingKind,
  text: Text,
  evidence: z.array(RecordRef).default([]),
  factors: z.array(Id).default([]),
  dismissed: z.array(Dismissal).default([]),
  /** Why the finding has no action, when it has none (the quality self-check asks). */
  noActionReason: Text.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Judgement = z.object({
  allReasonableSteps: z.enum(REASONABLE_STEPS).optional(),
  rationale: Text.default(''),
});
export type Judgement = z.infer<typeof Judgement>;

export const Action = z.object({
  id: Id,
  findings: z.array(Id).default([]),
  action: Text,
  owner: z.string().default(''),
  due: LocalDate.nullable().optional(),
  measure: Text.default(''),
});
export type Action = z.infer<typeof Action>;

export const ReviewResponse = z.object({
  finding: Id,
  by: z.string(),
  status: ResponseStatus,
  text: Text,
  evidence: z.array(RecordRef).default([]),
  version: z.number().int().min(1),
  at: z.string(),
});
export type ReviewResponse = z.infer<typeof ReviewResponse>;

/** HMIP's four standards for a review, each answered by the reviewer where the review cannot answer it itself. */
export const QUALITY_STANDARDS = ['analysis', 'judgements', 'learning', 'victims'] as const;
export const QualityAnswer = z.object({ met: z.enum(['yes', 'no', 'partly']).optional(), note: Text.default('') });

export const Review = z.object({
  title: z.string().min(1),
  reviewer: z.string().default(''),
  termsOfReference: Text.default(''),
  policies: z.array(Policy).default([]),
  factors: z.array(Factor).default([]),
  episodes: z.array(Episode).default([]),
  annotations: z.array(Annotation).default([]),
  findings: z.array(Finding).default([]),
  judgement: Judgement.nullable().optional(),
  actions: z.array(Action).default([]),
  responses: z.array(ReviewResponse).default([]),
  /** The reviewer's own answers to HMIP's standards (quality.ts answers what the review itself can). */
  quality: z.partialRecord(z.enum(QUALITY_STANDARDS), QualityAnswer).optional(),
});
export type Review = z.infer<typeof Review>;
/** A review as written, before reading fills in what it leaves out. */
export type ReviewInput = z.input<typeof Review>;
