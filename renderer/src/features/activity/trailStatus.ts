import type { TrailCheck } from '../../../../shared/audit/trail.js';
import type { TrailCheckDepth } from '../../store/trailCheck.js';

/** The check's result in plain words (shared, so it is tested with the rest of the trail). */
export { describeTrail } from '../../../../shared/audit/trailWords.js';

/** The state of a case's trail check, as the case's pages show it. */
export type TrailStatus = { state: 'checking' } | { state: 'done'; trail: TrailCheck; depth: TrailCheckDepth; at: Date } | { state: 'failed'; message: string };

/** The quick check made as a case was opened, with the hash of its trail's newest entry then. */
export interface OpenedTrail {
  trail: TrailCheck;
  lastHash: string;
  at: Date;
}

/** How the check was made, in plain words, for the line under its result. */
export const DEPTH_WORDS: Record<TrailCheckDepth, string> = {
  quick: 'Quick check, made as the case opened: the entries are in order, each linked to the one before, and what the case holds adds up to what the trail recorded. “Check the trail now” compares every entry and every row one by one.',
  full: 'Full check: every entry and every row was read again and compared with what the trail recorded.',
};

/** The same, as the technical details say it. */
export const DEPTH_DETAILS: Record<TrailCheckDepth, string> = {
  quick: 'Each entry’s link to the SHA-256 hash of the entry before it, taken as stored (the encrypted store authenticates every value it reads); then the sum of the rows’ SHA-256 content hashes, kept with each block of rows, against the sum the newest entry recorded.',
  full: 'Every entry’s SHA-256 hash recomputed and its link to the one before checked; every row’s SHA-256 content hash recomputed and compared, by key, with the hash the trail last recorded for it; then the stored sums against the rows and the trail.',
};
