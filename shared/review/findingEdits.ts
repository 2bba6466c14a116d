import type { Finding } from '../schemas/review.js';
import { FINDING_KIND_NAMES } from './words.js';
import type { ReviewEdit } from './edits.js';
import { listChange } from './episodeEdits.js';
import type { HindsightFlag } from './flags.js';
import type { OutcomePhraseMatch } from './outcomeLanguage.js';
import { reviewItemKey } from './reviewRows.js';

/** A finding's kind as the reviewer reads it. */

/** How the trail names one flag of a finding: `the flag on "failed to"`. */
export function flagName(flag: HindsightFlag, recordLabel: (id: string) => string = (id) => id): string {
  if (flag.kind === 'outcomeLanguage') return `the flag on "${flag.phrase}"`;
  if (flag.kind === 'lateEvidence') return `the late-evidence flag on ${recordLabel(flag.record)}`;
  return 'the flag for naming no system factor';
}

/** Whether a dismissal is of this flag: the same kind, and for evidence the same record, for words the same phrase. */
export function dismisses(d: Finding['dismissed'][number], flag: HindsightFlag): boolean {
  if (d.kind !== flag.kind) return false;
  if (flag.kind === 'lateEvidence') return d.record === flag.record;
  if (flag.kind === 'outcomeLanguage') return d.phrase === flag.phrase;
  return true;
}

/** The finding with a flag dismissed: the reason kept with who gave it and when (REVIEW.md §2). */
export function withDismissal(finding: Finding, flag: HindsightFlag, reason: string, by: string, at: Date): Finding {
  const why = reason.trim();
  if (!why) throw new Error('A flag is dismissed only with a reason.');
  const which = flag.kind === 'lateEvidence' ? { record: flag.record } : flag.kind === 'outcomeLanguage' ? { phrase: flag.phrase } : {};
  const dismissal = { kind: flag.kind, ...which, reason: why, by, at: at.toISOString() };
  return { ...finding, dismissed: [...finding.dismissed.filter((d) => !dismisses(d, flag)), dismissal] };
}

/** The finding with a flag's dismissal taken back: the flag is open again. */
export function withoutDismissal(finding: Finding, flag: HindsightFlag): Finding {
  return { ...finding, dismissed: finding.dismissed.filter((d) => !dismisses(d, flag)) };
}

/** A finding saved whole, as its own trail entry saying what was done to it. */
export function findingEdit(finding: Finding, what: string): ReviewEdit {
  return { what, changes: [{ key: reviewItemKey('findings', finding), after: finding }] };
}

/** The trail's words for a dismissal: the finding, the flag and the reason. */
export function dismissalWhat(finding: Pick<Finding, 'id'>, flag: HindsightFlag, reason: string, recordLabel?: (id: string) => string): string {
  return `Finding ${finding.id}: ${flagName(flag, recordLabel)} dismissed (${reason.trim()})`;
}

/** The trail's words for a flag reopened. */
export function reopenWhat(finding: Pick<Finding, 'id'>, flag: HindsightFlag, recordLabel?: (id: string) => string): string {
  return `Finding ${finding.id}: ${flagName(flag, recordLabel)} reopened (its dismissal taken back)`;
}

/**
 * The phrases whose suggestion is wording to put in their place ("failed to" → "did not"); every other suggestion is
 * advice for the reviewer to follow in their own words. A phrase added to the list is advice until it is named here.
 */
const REPLACED = new Set(['failed to', 'it was clear that']);

export const isReplacement = (match: Pick<OutcomePhraseMatch, 'phrase'>): boolean => REPLACED.has(match.phrase);

/** The text with a matched phrase replaced by its suggestion, keeping a capital where the words had one. */
export function withSuggestion(text: string, match: Pick<OutcomePhraseMatch, 'offset' | 'text' | 'suggestion'>): string {
  const capital = /^\p{Lu}/u.test(match.text);
  const words = capital ? match.suggestion.charAt(0).toUpperCase() + match.suggestion.slice(1) : match.suggestion;
  return text.slice(0, match.offset) + words + text.slice(match.offset + match.text.length);
}

export interface ReviewNames {
  episode: (id: string) => string;
  factor: (id: string) => string;
  record: (id: string) => string;
}

const plainNames: ReviewNames = { episode: (id) => id, factor: (id) => id, record: (id) => id };

/** What changed in a finding, in the trail's words: `Finding N2: wording changed; evidence: … added`. */
export function describeFindingChange(before: Finding, after: Finding, names: ReviewNames = plainNames): string {
  const parts = [
    before.kind !== after.kind ? `kind set to ${FINDING_KIND_NAMES[after.kind].toLowerCase()}` : null,
    before.text !== after.text ? 'wording changed' : null,
    before.episode !== after.episode ? (after.episode ? `episode set to ${names.episode(after.episode)}` : 'episode taken off') : null,
    listChange('evidence', before.evidence, after.evidence, names.record),
    listChange('factors', before.factors, after.factors, names.factor),
  ].filter((p): p is string => p !== null);
  return `Finding ${after.id}: ${parts.length > 0 ? parts.join('; ') : 'changed'}`;
}
