import type { TeamSnapshot } from '../schemas/snapshots.js';
import { groupSorted, lastAtOrBefore } from './sorted.js';

export const TEAM_RULE =
  "The staffing of the team the officer sat in then (the team of their latest workload snapshot, else of their allocation), from the latest team snapshot on or before this date.";

/** Whether a unit's recorded delivery status is Red (a reduced service). Recorded, never derived. */
export const isRedStatus = (status: string | undefined) => /^\s*red\b/i.test(status ?? '');

/** Each team's staffing snapshots in date order. */
export class TeamIndex {
  private readonly byTeam: Map<string, TeamSnapshot[]>;

  constructor(snapshots: readonly TeamSnapshot[]) {
    this.byTeam = groupSorted(snapshots, (s) => s.teamCode, (s) => s.snapshotDate);
  }

  series(teamCode: string): readonly TeamSnapshot[] {
    return this.byTeam.get(teamCode) ?? [];
  }

  /** The team's latest snapshot on or before a date; null when there is none. */
  at(teamCode: string, date: string): TeamSnapshot | null {
    const series = this.byTeam.get(teamCode) ?? [];
    return series[lastAtOrBefore(series, date, (s) => s.snapshotDate)] ?? null;
  }
}
