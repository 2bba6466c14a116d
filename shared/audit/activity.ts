import { londonDateOfTime } from '../time/london.js';
import type { AuditEntry, AuditKind } from './trail.js';

/** What the activity view narrows a trail to: a person, a kind, and London dates (YYYY-MM-DD), each optional. */
export interface ActivityFilter {
  who?: string;
  kind?: AuditKind;
  from?: string;
  to?: string;
}

/** The London day an entry was made. */
export const entryDay = (entry: Pick<AuditEntry, 'at'>) => londonDateOfTime({ value: entry.at, precision: 'exact' });

/** The entries that match, newest first. */
export function filterActivity<E extends Pick<AuditEntry, 'who' | 'kind' | 'at'>>(trail: readonly E[], filter: ActivityFilter): E[] {
  return trail
    .filter((e) => (!filter.who || e.who === filter.who) && (!filter.kind || e.kind === filter.kind) && (!filter.from || entryDay(e) >= filter.from) && (!filter.to || entryDay(e) <= filter.to))
    .reverse();
}
