import type { TrailCheck } from '../../../../shared/audit/trail.js';

/** The state of a case's trail check, as the case's pages show it. */
export type TrailStatus = { state: 'checking' } | { state: 'done'; trail: TrailCheck; at: Date } | { state: 'failed'; message: string };

/** The check's result in plain words. */
export function describeTrail(trail: TrailCheck): string {
  if (trail.ok) return `Audit trail intact: ${trail.entries} ${trail.entries === 1 ? 'entry' : 'entries'} chained, and all ${trail.rows.toLocaleString('en-GB')} stored rows match what the trail recorded.`;
  if ('entry' in trail) return `The audit trail is broken at entry ${trail.entry}: ${trail.reason}.`;
  return `The case does not match its audit trail: ${trail.reason}.`;
}
