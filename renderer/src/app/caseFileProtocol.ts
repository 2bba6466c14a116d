import type { TrailCheck } from '../../../shared/audit/trail.js';
import type { MergeSummary, ReplyRefusal, ResponseRequest } from '../../../shared/review/reply.js';
import type { ResponseStatus } from '../../../shared/schemas/review.js';
import type { BackupReason } from '../store/backups.js';
import type { Standing } from '../store/knownSigners.js';
import type { TrailSignatures } from '../store/trailSignatures.js';
import type { TrailCheckDepth } from '../store/trailCheck.js';

/**
 * A trail check the worker is asked for. The first check of a day is always full and makes the day's backup; `daily`
 * asks for that one only (null when it is done already), after the quick check made as the case opened.
 */
export type CheckAsked = TrailCheckDepth | 'daily';

/**
 * Work on whole cases, done in a worker so the window stays responsive with 100,000 records: checking a trail,
 * exporting and opening encrypted case files, backups and restores.
 */
export type CaseFileJob =
  | { type: 'check'; caseId: string; depth: CheckAsked }
  | { type: 'export'; caseId: string; passphrase: string; fileName: string }
  /** The reviewer sends a copy for the practitioner's response (a `bundleSent` entry naming them and the findings). */
  | { type: 'sendForResponse'; caseId: string; passphrase: string; request: ResponseRequest }
  /** The practitioner sends their copy back, with its responses. */
  | { type: 'sendReply'; caseId: string; passphrase: string }
  /** What merging a reply file would add, or why it is refused: nothing is stored. */
  | { type: 'previewReply'; caseId: string; file: File; passphrase: string }
  /** Merge a reply file into the case, in one transaction (REVIEW.md §3). */
  | { type: 'mergeReply'; caseId: string; file: File; passphrase: string }
  | { type: 'exportEverything'; passphrase: string }
  | { type: 'trainingPack'; caseId: string; passphrase: string; fileName: string }
  | { type: 'open'; file: File; passphrase: string; fileName: string }
  | { type: 'receive'; file: File; passphrase: string; fileName: string }
  | { type: 'restore'; backupId: string }
  | { type: 'backup'; caseId: string; reason: BackupReason }
  | { type: 'signatures'; caseId: string };

/** Someone who signed entries of a case in a file, and whether this computer knows their key. */
export interface SignerInFile {
  name: string;
  fingerprint: string;
  entries: number;
  standing: Standing;
}

/** A case inside a case file, as the user is shown it before anything is stored. */
export interface CaseInFile {
  id: string;
  title: string;
  crn: string;
  records: number;
  entries: number;
  /** A case of the same id is already on this computer: receiving replaces it. */
  alreadyHere: boolean;
  signers: SignerInFile[];
  /** How many of its entries no one signed. */
  unsigned: number;
  /** Written before audit trails (a version 1 file): no trail, so nothing in it can be checked. */
  unverified: boolean;
  /** A training pack (shared/training/trainingPack.ts): once added, it opens in the presenter. */
  trainingPack: boolean;
  /** A copy the reviewer sent for the practitioner's response: receiving it marks it as one. */
  forResponse: boolean;
  /** A practitioner's reply: merged into the reviewer's case (mergeReply), not received over it. */
  reply: boolean;
}

/** A response a reply would bring in, as the merge screen shows it. */
export interface ResponseComing {
  finding: string;
  version: number;
  /** The practitioner's staff code (or name). */
  by: string;
  status: ResponseStatus;
  text: string;
  evidence: string[];
  at: string;
  /** The reviewer has reworded the finding since the copy was sent: it answers the earlier wording. */
  earlierWording: boolean;
}

/** What merging a reply would do (nothingNew: merged before, nothing to add), or why it is refused, naming the entry. */
export type ReplyPreview =
  | { ok: true; nothingNew: boolean; from: string; entries: number; path: 'chained' | 'held'; responses: ResponseComing[] }
  | ReplyRefusal;

export interface CaseFileResults {
  check: { trail: TrailCheck; depth: TrailCheckDepth; backedUp: boolean } | null;
  export: { bytes: Uint8Array };
  sendForResponse: { bytes: Uint8Array };
  sendReply: { bytes: Uint8Array };
  previewReply: ReplyPreview;
  mergeReply: { ok: true; summary: MergeSummary } | ReplyRefusal;
  exportEverything: { bytes: Uint8Array; cases: number };
  trainingPack: { bytes: Uint8Array };
  open: { cases: CaseInFile[] };
  receive: { caseIds: string[] };
  restore: { caseId: string };
  backup: { made: boolean };
  signatures: TrailSignatures;
}

/** A case file that cannot be opened, and which field of the form the problem is about. */
export class CaseFileProblem extends Error {
  constructor(
    message: string,
    readonly about: 'file' | 'passphrase',
  ) {
    super(message);
  }
}

export type ToCaseFileWorker = { dataKey: Uint8Array; job: CaseFileJob };
/** A job that failed because a stored value would not open (sealing.ts): damaged, or changed outside Foresight. */
export class StoredValueDamaged extends Error {}

export type FromCaseFileWorker = { ok: true; result: unknown } | { ok: false; message: string; about?: CaseFileProblem['about']; damaged?: true };
