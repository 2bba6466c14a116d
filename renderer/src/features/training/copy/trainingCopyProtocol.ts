import type { Progress, Replaced, ReplacementKind, ToCheck, TrainingKey } from '../../../../../shared/training/pseudonymise.js';

/** What the trainer chose: the shift, and what they did with each word to check and passage. */
export interface TrainingChoices {
  shiftDays: number;
  extra: Record<string, string>;
  redact: { record: string; field: string; text: string }[];
  confirmed: string[];
}

/**
 * Work on a training copy, in a worker: `preview` makes the copy without storing it, to show what it replaces;
 * `make` makes it with the trainer's choices and stores it as a new case.
 */
export type TrainingCopyJob = { type: 'preview'; caseId: string; shiftDays: number } | { type: 'make'; caseId: string; choices: TrainingChoices };

/** The made copy being stored as a new case: no count, for it is one transaction. */
export interface StoringProgress {
  stage: 'store';
}

export interface TrainingPreview {
  shiftDays: number;
  replaced: Record<ReplacementKind, number>;
  replacements: Replaced[];
  toCheck: ToCheck[];
  /** The copy's text at each place a word to check occurs (its first few places), to show and to select from. */
  texts: Record<string, string>;
  key: TrainingKey;
}

export interface TrainingCopyResults {
  preview: TrainingPreview;
  make: { caseId: string; unredacted: number };
}

export type ToTrainingCopyWorker = { dataKey: Uint8Array; job: TrainingCopyJob };
export type FromTrainingCopyWorker =
  | { type: 'progress'; progress: Progress | StoringProgress }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; message: string; damaged?: true };
