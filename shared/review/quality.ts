import type { z } from 'zod';
import { FINDING_KINDS, QUALITY_STANDARDS, Review, type Episode, type FindingKind, type QualityAnswer } from '../schemas/review.js';
import { londonDateOf } from '../time/london.js';
import { decisionInstant, type HindsightFlag } from './flags.js';
import { citedOutOfDate } from './policies.js';

/**
 * The quality self-check: HM Inspectorate of Probation rates an SFO review against four standards (analysis of
 * practice, overall judgements, learning, victims and their families). What the review itself can show is checked
 * here, each check with its rule in plain words and the items that fail it; the rest the reviewer answers.
 */

export type QualityStandard = (typeof QUALITY_STANDARDS)[number];
export type ReviewerAnswer = z.infer<typeof QualityAnswer>;

export const STANDARD_NAMES: Record<QualityStandard, string> = {
  analysis: 'Analysis of practice',
  judgements: 'Overall judgements',
  learning: 'Learning',
  victims: 'Victims and their families',
};

/** What only the reviewer can say about each standard: the review's own data cannot show it. */
export const REVIEWER_QUESTIONS: Record<QualityStandard, string> = {
  analysis: 'Does the review explain why practice went as it did, not only what happened?',
  judgements: 'Are the review’s judgements clear, balanced and drawn from the evidence?',
  learning: 'Is the learning stated for the organisation, not only for the practitioner?',
  victims: 'Does the review consider the victims and their families?',
};

export type QualityCheckKey = 'appraised' | 'systemFactor' | 'hindsight' | 'judgement' | 'policiesInForce' | 'actions';

/** Something in the review that fails a check: which item, and what is missing, in plain words. */
export interface QualityItem {
  kind: 'episode' | 'finding' | 'judgement';
  id: string;
  problem: string;
  /** The open flag, for a hindsight check's item. */
  flag?: HindsightFlag;
}

export interface QualityCheck {
  key: QualityCheckKey;
  standard: QualityStandard;
  rule: string;
  /** How many things the check looked at: none means there is nothing to check yet, not that it is met. */
  checked: number;
  failing: QualityItem[];
}

export type CheckStatus = 'met' | 'notMet' | 'nothingYet';

export const checkStatus = (check: QualityCheck): CheckStatus => (check.failing.length > 0 ? 'notMet' : check.checked === 0 ? 'nothingYet' : 'met');

export const QUALITY_RULES: Record<QualityCheckKey, string> = {
  appraised: 'Every key practice episode is appraised: good, problematic, both or neutral.',
  systemFactor:
    'Every finding of a problem in practice names a system factor (one above the practitioner: team, region, national policy, systems…), or says why none applies by dismissing its “no system factor” flag with a reason.',
  hindsight: 'No hindsight flag is left open: each is reworded away, or dismissed with a reason that is kept.',
  judgement: 'The question “were all reasonable steps taken?” is answered, with the reasons for the answer.',
  policiesInForce: 'Each episode is judged by the guidance in force on the day of its decision: no episode cites a policy outside the dates it applied.',
  actions: 'Every finding has an action in the action plan, or a reason why not.',
};

/** The London date of an episode's decision (null when its moment cannot be read). */
export function decisionDate(episode: Pick<Episode, 'decisionAt'>): string | null {
  const at = decisionInstant(episode);
  return at === null ? null : londonDateOf(at);
}

export interface Citation {
  episode: string;
  policy: string;
  /** The London date of the episode's decision (null when its moment cannot be read). */
  date: string | null;
  /** Why the policy was not in force at the decision, or null when it was. */
  outOfDate: string | null;
}

/** Every policy an episode cites, with whether it was in force on the day of the episode's decision. */
export function citations(review: Pick<Review, 'episodes' | 'policies'>): Citation[] {
  const policies = new Map(review.policies.map((p) => [p.id, p]));
  return review.episodes.flatMap((episode) => {
    const date = decisionDate(episode);
    return episode.policies.flatMap((id) => {
      const policy = policies.get(id);
      if (!policy) return [];
      return [{ episode: episode.id, policy: id, date, outOfDate: date === null ? null : citedOutOfDate(policy, date) }];
    });
  });
}

/** A record named for people to read (its date and what happened); by default its id. */
export type RecordName = (id: string) => string;

/** What an open flag says is wrong with its finding, in plain words. */
function describeFlag(flag: HindsightFlag, recordName: RecordName): string {
  switch (flag.kind) {
    case 'lateEvidence':
      return `cites as evidence a record the officer could not have read at the decision (${recordName(flag.record)})`;
    case 'outcomeLanguage':
      return `uses the words “${flag.text}”: ${flag.suggestion}`;
    case 'noSystemFactor':
      return 'names no system factor, and no reason why none applies';
  }
}

const hasReason = (text: string | undefined) => (text ?? '').trim() !== '';

/**
 * What the review itself shows against HMIP's standards. `flags` are the review's hindsight flags as HindsightChecks
 * gives them (flags.ts): the system-factor and open-flag checks read them, so each rule is written once, there.
 * `recordName` names a record in an item's words (the app gives its date and what happened).
 */
export function qualityChecks(review: Review, flags: readonly HindsightFlag[], recordName: RecordName = (id) => id): QualityCheck[] {
  const open = flags.filter((f) => f.dismissed === null);
  const actioned = new Set(review.actions.flatMap((a) => a.findings));
  const problems = review.findings.filter((f) => f.kind === 'problem');
  const cited = citations(review);
  const judgement = review.judgement;
  const judgementProblem = !judgement?.allReasonableSteps ? 'not answered yet' : !hasReason(judgement.rationale) ? 'answered, but no reasons given' : null;
  const check = (key: QualityCheckKey, standard: QualityStandard, checked: number, failing: QualityItem[]): QualityCheck => ({ key, standard, rule: QUALITY_RULES[key], checked, failing });
  return [
    check(
      'appraised',
      'analysis',
      review.episodes.length,
      review.episodes.filter((e) => e.appraisal === undefined).map((e) => ({ kind: 'episode', id: e.id, problem: 'not appraised' })),
    ),
    check(
      'systemFactor',
      'analysis',
      problems.length,
      open.filter((f) => f.kind === 'noSystemFactor').map((f) => ({ kind: 'finding', id: f.finding, problem: describeFlag(f, recordName) })),
    ),
    check('hindsight', 'analysis', review.findings.length, open.map((f) => ({ kind: 'finding', id: f.finding, problem: describeFlag(f, recordName), flag: f }))),
    check('judgement', 'judgements', 1, judgementProblem ? [{ kind: 'judgement', id: 'judgement', problem: judgementProblem }] : []),
    check(
      'policiesInForce',
      'judgements',
      cited.length,
      cited.flatMap((c) => (c.outOfDate ? [{ kind: 'episode' as const, id: c.episode, problem: `cites a policy outside its dates (${c.outOfDate})` }] : [])),
    ),
    check(
      'actions',
      'learning',
      review.findings.length,
      review.findings.filter((f) => !actioned.has(f.id) && !hasReason(f.noActionReason)).map((f) => ({ kind: 'finding', id: f.id, problem: 'no action, and no reason why not' })),
    ),
  ];
}

const NOT_STARTED = Review.parse({ title: 'Review' });

export interface StandardSelfCheck {
  standard: QualityStandard;
  name: string;
  /** What the review itself shows (none for a standard only the reviewer can answer). */
  checks: QualityCheck[];
  question: string;
  answer: ReviewerAnswer | undefined;
}

/** HMIP's four standards, each with the checks that support it and the reviewer's own answer. */
export function qualitySelfCheck(review: Review | null, flags: readonly HindsightFlag[], recordName?: RecordName): StandardSelfCheck[] {
  // Before its first change there is no review: nothing written yet, and the judgement not yet answered.
  const checks = qualityChecks(review ?? NOT_STARTED, flags, recordName);
  return QUALITY_STANDARDS.map((standard) => ({
    standard,
    name: STANDARD_NAMES[standard],
    checks: checks.filter((c) => c.standard === standard),
    question: REVIEWER_QUESTIONS[standard],
    answer: review?.quality?.[standard],
  }));
}

/** The review's findings counted by kind, every kind listed (a kind with none counts 0). */
export function findingsByKind(review: Pick<Review, 'findings'> | null): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of review?.findings ?? []) counts[f.kind]++;
  return counts;
}
