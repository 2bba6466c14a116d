import type { Allocation, TeamSnapshot, WorkloadSnapshot } from '../../../../shared/schemas/index.js';
import { earliestInstant, latestInstant } from '../../../../shared/time/london.js';
import { binningFor, LABEL_W, LANE_H, lowerBound, OVERVIEW_H, recallMarks, recallRowIndex, rowRecords, teamTop, TEAM_H, timeOf, TOP, visibleRange, workloadTop, WORKLOAD_H, xOf, type Frame, type RecallMark, type TimelineRow, type Viewport } from './draw.js';
import { periodBoundaries } from './periods.js';

export type Hit =
  | { kind: 'record'; position: number; row: TimelineRow }
  | { kind: 'count'; row: TimelineRow; from: number; to: number; count: number }
  | { kind: 'workload'; snapshot: WorkloadSnapshot; excessive: boolean }
  | { kind: 'team'; snapshot: TeamSnapshot }
  | { kind: 'allocation'; allocation: Allocation }
  /** A recall step, or the bracket that ends at it. */
  | { kind: 'recall'; mark: RecallMark }
  | { kind: 'overview' }
  | { kind: 'cursor' };

const REACH = 8;

/** What is under the pointer: the same rules as drawing, so what can be seen can be pointed at, and nothing else. */
export function hitTest(f: Frame, v: Viewport, width: number, x: number, y: number): Hit | null {
  if (y < OVERVIEW_H) return x >= LABEL_W ? { kind: 'overview' } : null;
  // The cursor can be taken anywhere along its line (its handle is in the axis).
  if (x >= LABEL_W && Math.abs(x - xOf(v, f.cursor)) <= (y <= TOP + 4 ? 8 : 4)) return { kind: 'cursor' };
  if (x < LABEL_W) return null;
  const t = timeOf(v, x);
  if (f.foresight && t > f.cursor + REACH * v.msPerPx) return null;
  const rowIndex = Math.floor((y - TOP) / LANE_H);
  if (y >= TOP && rowIndex < f.rows.length) {
    const row = f.rows[rowIndex] as TimelineRow;
    return (
      hitRow(f, v, width, row, x) ??
      (f.layout.lanes[row] === 'allocation' ? hitAllocation(f, f.foresight ? Math.min(t, f.cursor) : t, y - TOP - rowIndex * LANE_H) : null) ??
      (rowIndex === recallRowIndex(f) ? hitRecall(f, v, x) : null)
    );
  }
  // In foresight, a snapshot dated after the cursor is not drawn, so it cannot be pointed at either.
  const limit = f.foresight ? f.cursor : Infinity;
  if (y >= workloadTop(f) && y < workloadTop(f) + WORKLOAD_H) {
    const k = nearestDay(f.bands.workloadDays, v, x, limit);
    return k < 0 ? null : { kind: 'workload', snapshot: f.bands.workload[k] as WorkloadSnapshot, excessive: f.bands.excessive[k] === 1 };
  }
  if (y >= teamTop(f) && y < teamTop(f) + TEAM_H) {
    let found: TeamSnapshot | null = null;
    f.bands.team.forEach((s, k) => {
      if ((f.bands.teamDays[k] as number) <= Math.min(t, limit)) found = s;
    });
    return found ? { kind: 'team', snapshot: found } : null;
  }
  return null;
}

function hitRow(f: Frame, v: Viewport, width: number, row: TimelineRow, x: number): Hit | null {
  const { positions, includes } = rowRecords(f, row);
  const starts = f.index.starts;
  const { from, to } = visibleRange(f, v, width, positions);
  const unit = binningFor(v, width, to - from);
  const t = timeOf(v, x);
  if (unit) {
    const [start, end] = periodBoundaries(t, t, unit) as [number, number];
    let count = 0;
    for (let k = lowerBound(positions, starts, start); k < positions.length && (starts[positions[k] as number] as number) < end; k++) if (includes(positions[k] as number)) count++;
    return count > 0 ? { kind: 'count', row, from: start, to: end, count } : null;
  }
  let best = -1;
  let bestDistance = REACH + 1;
  for (let k = lowerBound(positions, starts, t - REACH * v.msPerPx); k < positions.length; k++) {
    const i = positions[k] as number;
    const distance = Math.abs(xOf(v, starts[i] as number) - x);
    if ((starts[i] as number) > t + REACH * v.msPerPx) break;
    if (includes(i) && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best >= 0 ? { kind: 'record', position: best, row } : null;
}

function hitAllocation(f: Frame, t: number, yInLane: number): Hit | null {
  const cover = yInLane > LANE_H / 2;
  const a = f.bands.allocations.find((a) => a.cover === cover && earliestInstant(a.from) <= t && (a.to === null || t <= latestInstant(a.to)));
  return a ? { kind: 'allocation', allocation: a } : null;
}

function nearestDay(days: Float64Array, v: Viewport, x: number, limit: number): number {
  let best = -1;
  let bestDistance = 12;
  days.forEach((day, k) => {
    if (day > limit) return;
    const d = Math.abs(xOf(v, day) - x);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  });
  return best;
}

/** The recall step under the pointer: its tick, or else the bracket leading to it. */
function hitRecall(f: Frame, v: Viewport, x: number): Hit | null {
  let bracket: RecallMark | null = null;
  for (const marks of recallMarks(f)) {
    for (const [k, mark] of marks.entries()) {
      const mx = xOf(v, mark.t);
      if (Math.abs(mx - x) <= REACH) return { kind: 'recall', mark };
      const before = marks[k - 1];
      if (before && xOf(v, before.t) < x && x < mx) bracket = mark;
    }
  }
  return bracket ? { kind: 'recall', mark: bracket } : null;
}
