import type { AcciMapLevel, Appraisal, FindingKind, ResponseStatus, SeipsElement } from '../schemas/review.js';

/** The review's lists of choices in the words reviewers use: the one place each is named. */

/** The AcciMap levels in the words reviewers use, from government down to the work environment. */
export const ACCIMAP_LEVEL_NAMES: Record<AcciMapLevel, string> = {
  government: 'Government',
  inspectorate: 'Inspectorate',
  national: 'National policy (HMPPS)',
  region: 'Region or PDU',
  team: 'Team or SPO',
  practitioner: 'Practitioner',
  environment: 'Work environment: systems, IT, buildings',
};

/** The SEIPS work-system elements. */
export const SEIPS_NAMES: Record<SeipsElement, string> = {
  person: 'Person',
  tasks: 'Tasks',
  tools: 'Tools and technology',
  organisation: 'Organisation',
  environment: 'Environment',
  external: 'External environment',
};

export const FINDING_KIND_NAMES: Record<FindingKind, string> = { problem: 'Problem', good: 'Good practice', condition: 'Condition' };

export const APPRAISAL_NAMES: Record<Appraisal, string> = { good: 'Good practice', problematic: 'Problematic', both: 'Good and problematic', neutral: 'Neutral' };

/** A practitioner's answer to a finding (REVIEW.md §3). */
export const RESPONSE_STATUS_NAMES: Record<ResponseStatus, string> = { accepted: 'Accepted', disputed: 'Disputed', context: 'Context added' };
