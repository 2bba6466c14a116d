import type { TrailCheck } from '../../../../shared/audit/trail.js';
import type { TrailCheckDepth } from '../../store/trailCheck.js';

/** The state of a case's trail check, as the case's pages show it. */
export type TrailStatus = { state: 'checking' } | { state: 'done'; trail: TrailCheck; depth: TrailCheckDepth; at: Date } | { state: 'failed'; message: string };

/** The quick check made as a case was opened, with the hash of its trail's newest entry then. */
export interface OpenedTrail {
  trail: TrailCheck;
  lastHash: string;
  at: Date;
}

/** The check's result in plain words. */
export function describeTrail(trail: TrailCheck): string {
  if (trail.ok) return `Audit trail intact: ${trail.entries} ${trail.entries === 1 ? 'entry' : 'entries'} chained, and all ${trail.rows.toLocaleString('en-GB')} stored rows match what the trail recorded.`;
  if ('entry' in trail) return `The audit trail is broken at entry ${trail.entry}: ${trail.reason}.`;
  return `The case does not match its audit trail: ${trail.reason}.`;
}

/** How the check was made, for the line under its result. */
export const DEPTH_WORDS: Record<TrailCheckDepth, string> = {
  quick: 'Quick check: the chain of entries, and the sums of the rows’ hashes stored with them against the sum the trail recorded. “Check the trail now” hashes every row again.',
  full: 'Full check: every entry and every row was hashed again from its content.',
};
