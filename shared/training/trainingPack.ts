import type { Case, CaseBundle } from '../schemas/index.js';

/**
 * Training copies and training packs. A training pack is a training copy's case file sent with its walkthrough, for a
 * trainer to open on another computer and present: it is an ordinary encrypted case file whose newest trail entry is
 * the one saying it was saved as a pack (`bundleSent`, `after: { trainingPack: true }`), so the mark is signed and
 * checked with the rest, and the same case sent on as a plain case file is no longer a pack.
 */
export const TRAINING_PACK_MARK = { trainingPack: true } as const;

/** A training copy: a pseudonymised copy of a case, made for a room to work through (REVIEW.md §4). */
export const isTrainingCopy = (c: Case): boolean => c.trainingCopy === true;

/**
 * Whether a case may be presented to a room (the walkthrough editor, sessions, a training pack): a training copy, or a
 * synthetic case, whose every name, code and CRN is invented already. A real case is never shown to a room as it is.
 */
export const trainsOn = (c: Case): boolean => isTrainingCopy(c) || c.synthetic;

/** Whether a case file's case is a training pack: its newest entry is the one that saved it as a pack. */
export function isTrainingPack(bundle: CaseBundle): boolean {
  const last = bundle.audit[bundle.audit.length - 1];
  return last?.kind === 'bundleSent' && (last.after as { trainingPack?: unknown } | undefined)?.trainingPack === true && bundle.training?.walkthrough !== undefined;
}

/** Why a case cannot be saved as a training pack, or null when it can. */
export function packRefusal(bundle: Pick<CaseBundle, 'case' | 'training'>): string | null {
  if (!trainsOn(bundle.case)) return 'Only a training copy (or a synthetic case) can be saved as a training pack: make a training copy of the case first.';
  const points = bundle.training?.walkthrough?.points ?? [];
  if (points.length === 0) return 'The walkthrough has no decision points yet: add at least one before saving a training pack.';
  return null;
}
