import type { WorkloadSnapshot } from '../schemas/snapshots.js';
import { daysBetweenDates } from '../time/calendar.js';
import { groupSorted, lastAtOrBefore } from './sorted.js';

/** HMPPS's definition of excessive workload: capacity over 110% for four consecutive weeks. */
export const EXCESSIVE_CAPACITY_PCT = 110;
/** A run of snapshots is broken when two in a row are more than this many days apart. */
export const RUN_MAX_GAP_DAYS = 8;
/** L − S ≥ 27 days: the run spans at least 28 calendar days. */
const EXCESSIVE_RUN_DAYS = 27;
/** HMIP: quality falls when a practitioner holds 50 or more cases. */
export const CASELOAD_CONCERN = 50;
/** Whether a caseload is at the level the inspectorate found quality falls. */
export const atCaseloadConcern = (totalCases: number): boolean => totalCases >= CASELOAD_CONCERN;
/** A snapshot more than this many days before the moment is stale: the figure may no longer hold. */
export const STALE_AFTER_DAYS = 14;

/** Whether the latest snapshot is too old to be sure of the figure at the moment. */
export const isStale = (w: Pick<WorkloadAt, 'staleDays'>) => w.staleDays > STALE_AFTER_DAYS;

/** Each rule in a sentence or two, as the app shows it beside a figure. */
export const WORKLOAD_RULES = {
  snapshot: "The figures come from the officer's latest workload snapshot on or before this date. Where there is no snapshot, there is no figure.",
  excessive: `HMPPS counts a workload as excessive when it stays over ${EXCESSIVE_CAPACITY_PCT}% of capacity for four weeks. Here: the snapshots up to the latest are over ${EXCESSIVE_CAPACITY_PCT}% in an unbroken run, none more than ${RUN_MAX_GAP_DAYS} days apart, and the run spans at least ${EXCESSIVE_RUN_DAYS + 1} days.`,
  caseload: `The inspectorate (HMIP) found that the quality of work falls when a practitioner holds ${CASELOAD_CONCERN} or more cases.`,
} as const;

/** What an officer carried at a moment, with the snapshots behind each figure. */
export interface WorkloadAt {
  snapshot: WorkloadSnapshot;
  staleDays: number;
  /** The unbroken over-110% run ending at the snapshot, earliest first; empty when the snapshot is not over 110%. */
  run: readonly WorkloadSnapshot[];
  over110Since: string | null;
  excessive: boolean;
  caseloadAtLeast50: boolean | null;
}

const over = (s: WorkloadSnapshot) => s.capacityPct > EXCESSIVE_CAPACITY_PCT;

/** Each officer's snapshots in date order, with where each one's over-110% run starts worked out once. */
export class WorkloadIndex {
  private readonly byOfficer: Map<string, WorkloadSnapshot[]>;
  private readonly runStart = new Map<string, Int32Array>();

  constructor(snapshots: readonly WorkloadSnapshot[]) {
    this.byOfficer = groupSorted(snapshots, (s) => s.staffCode, (s) => s.snapshotDate);
    for (const [officer, series] of this.byOfficer) {
      const starts = new Int32Array(series.length);
      series.forEach((s, i) => {
        const prev = series[i - 1];
        const joins = prev !== undefined && over(prev) && daysBetweenDates(prev.snapshotDate, s.snapshotDate) <= RUN_MAX_GAP_DAYS;
        starts[i] = !over(s) ? -1 : joins ? (starts[i - 1] as number) : i;
      });
      this.runStart.set(officer, starts);
    }
  }

  /** An officer's snapshots, earliest first. */
  series(officer: string): readonly WorkloadSnapshot[] {
    return this.byOfficer.get(officer) ?? [];
  }

  at(officer: string, date: string): WorkloadAt | null {
    const series = this.byOfficer.get(officer);
    if (!series) return null;
    const last = lastAtOrBefore(series, date, (s) => s.snapshotDate);
    const snapshot = series[last];
    if (!snapshot) return null;
    const start = this.runStart.get(officer)?.[last] ?? -1;
    const run = start >= 0 ? series.slice(start, last + 1) : [];
    const first = run[0];
    return {
      snapshot,
      staleDays: daysBetweenDates(snapshot.snapshotDate, date),
      run,
      over110Since: first?.snapshotDate ?? null,
      excessive: first !== undefined && daysBetweenDates(first.snapshotDate, snapshot.snapshotDate) >= EXCESSIVE_RUN_DAYS,
      caseloadAtLeast50: snapshot.totalCases === undefined ? null : atCaseloadConcern(snapshot.totalCases),
    };
  }
}
