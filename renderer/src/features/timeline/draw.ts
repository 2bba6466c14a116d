import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES } from '../../../../shared/engine/knowledge.js';
import { atCaseloadConcern, CASELOAD_CONCERN, EXCESSIVE_CAPACITY_PCT, RUN_MAX_GAP_DAYS } from '../../../../shared/engine/workload.js';
import { earliestInstant, latestInstant, LONDON } from '../../../../shared/time/london.js';
import { HIDDEN, PLACEHOLDER, REVEALED } from '../../../../shared/engine/foresight.js';
import { intervalWords, TARGET_STATUS_WORDS, type RecallSequence, type StepRow } from '../../../../shared/review/recallTiming.js';
import { STATE_COLOURS } from '../case/knowledgeLegend.js';
import type { CaseLayout, OfficerBands } from './model.js';
import { periodBoundaries, periodFor, type PeriodUnit } from './periods.js';

/** The visible window: the instant at the plot's left edge, and how many milliseconds one CSS pixel spans. */
export interface Viewport {
  start: number;
  msPerPx: number;
}

/** A row of marks: one of the case's lanes, or the row of what the officer could not know then (-1). */
export type TimelineRow = number;
export const HELD_BACK_ROW: TimelineRow = -1;
const HELD_BACK_LABEL = 'Could not know then';

export interface Frame {
  index: CaseIndex;
  layout: CaseLayout;
  bands: OfficerBands;
  /** The rows drawn, top to bottom: in foresight, a lane of partner information only once it holds something readable. */
  rows: readonly TimelineRow[];
  /** Per record: HIDDEN, PLACEHOLDER, FULL or REVEALED. */
  shown: Uint8Array;
  /** Per record: its knowledge state (index into KNOWLEDGE_STATES); null when no officer is chosen. */
  states: Uint8Array | null;
  cursor: number;
  foresight: boolean;
  selected: number;
  /** The recall sequences the view may show (in foresight, as at the cursor). */
  recall: readonly RecallSequence[];
}

export const LABEL_W = 190;
/** The whole case in one strip above the axis, with the window the chart shows marked on it. */
export const OVERVIEW_H = 24;
export const AXIS_H = 26;
export const TOP = OVERVIEW_H + AXIS_H;
export const LANE_H = 24;
export const WORKLOAD_H = 92;
export const TEAM_H = 36;
const GAP_DAYS = 28;
const DAY = 86_400_000;
const HELD_BACK_COLOUR = '#6f777b';

const CAPACITY_LINES = [100, EXCESSIVE_CAPACITY_PCT, 120];

const laneTop = (row: number) => TOP + row * LANE_H;
export const workloadTop = (f: Pick<Frame, 'rows'>) => TOP + f.rows.length * LANE_H;
export const teamTop = (f: Pick<Frame, 'rows'>) => workloadTop(f) + WORKLOAD_H;

/** Capacity 70% to 140% across the workload band (beyond it, drawn at the edge). */
function capacityY(f: Pick<Frame, 'rows'>, pct: number): number {
  const h = WORKLOAD_H - 16;
  return workloadTop(f) + 6 + h - ((Math.min(140, Math.max(70, pct)) - 70) / 70) * h;
}

export function timelineHeight(rows: number): number {
  return TOP + rows * LANE_H + WORKLOAD_H + TEAM_H + 8;
}

export const xOf = (v: Viewport, t: number) => LABEL_W + (t - v.start) / v.msPerPx;
export const timeOf = (v: Viewport, x: number) => v.start + (x - LABEL_W) * v.msPerPx;

/**
 * The span of the case a view may show: from the first record to the last, or, in foresight, only to the cursor (the
 * date of the last record would tell how long the case goes on).
 */
export function caseSpan(f: Pick<Frame, 'layout' | 'cursor' | 'foresight'>): [number, number] {
  return [f.layout.first, f.foresight ? Math.max(f.layout.first, f.cursor) : Math.max(f.layout.last, f.cursor)];
}

/** The case's span across the overview strip. */
export function overviewViewport(f: Pick<Frame, 'layout' | 'cursor' | 'foresight'>, width: number): Viewport {
  const [from, to] = caseSpan(f);
  const span = Math.max(to - from, DAY);
  return { start: from - span * 0.01, msPerPx: (span * 1.02) / Math.max(100, width - LABEL_W) };
}

/** The first position in a list of positions whose record starts at or after `t`. */
export function lowerBound(positions: Int32Array, starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[positions[mid] as number] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which of a row's positions lie in the window; in foresight none after the cursor, so not even the choice between
 * marks and counted bars can tell how many records are still to come.
 */
export function visibleRange(f: Frame, v: Viewport, width: number, positions: Int32Array): { from: number; to: number } {
  const end = timeOf(v, width + 8);
  return { from: lowerBound(positions, f.index.starts, timeOf(v, LABEL_W - 8)), to: lowerBound(positions, f.index.starts, f.foresight ? Math.min(end, f.cursor + 1) : end) };
}

/** The positions of a row's records, and whether a record belongs on it at the moment. */
export function rowRecords(f: Frame, row: TimelineRow): { positions: Int32Array; includes: (i: number) => boolean } {
  if (row === HELD_BACK_ROW) return { positions: f.layout.all, includes: (i) => f.shown[i] === PLACEHOLDER || f.shown[i] === REVEALED };
  // In foresight a record the officer could not know is drawn on the row of such records, not in its own lane.
  return { positions: f.layout.lanePositions[row] as Int32Array, includes: (i) => f.shown[i] !== HIDDEN && f.shown[i] !== PLACEHOLDER && f.shown[i] !== REVEALED };
}

export const rowLabel = (f: Frame, row: TimelineRow) => (row === HELD_BACK_ROW ? HELD_BACK_LABEL : (f.layout.laneLabels[row] ?? ''));

/** Zoomed out, a row shows counts per period instead of one mark per record. */
export function binningFor(v: Viewport, width: number, visibleInLane: number): PeriodUnit | null {
  const plot = width - LABEL_W;
  if (visibleInLane <= plot / 6) return null;
  const unit = periodFor(v.msPerPx, 8);
  return unit === 'hour' ? null : unit;
}

const stateColour = (f: Frame, i: number) => (f.states ? STATE_COLOURS[KNOWLEDGE_STATES[f.states[i] as number] ?? 'onRecord'] : '#1d70b8');

function mark(ctx: CanvasRenderingContext2D, shape: number, x: number, y: number, colour: string, filled: boolean) {
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  switch (shape) {
    case 1: // attended: a circle
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      break;
    case 2: // failed to attend: a cross
      ctx.moveTo(x - 5, y - 5); ctx.lineTo(x + 5, y + 5); ctx.moveTo(x + 5, y - 5); ctx.lineTo(x - 5, y + 5);
      ctx.stroke();
      return;
    case 3: // acceptable absence: a triangle
      ctx.moveTo(x, y - 6); ctx.lineTo(x + 6, y + 5); ctx.lineTo(x - 6, y + 5); ctx.closePath();
      break;
    case 4: // information: a diamond
      ctx.moveTo(x, y - 6); ctx.lineTo(x + 6, y); ctx.lineTo(x, y + 6); ctx.lineTo(x - 6, y); ctx.closePath();
      break;
    case 5: // a record held back: a hollow circle with a bar, saying nothing of what it was
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.moveTo(x - 3, y);
      ctx.lineTo(x + 3, y);
      ctx.stroke();
      return;
    default: // any other contact: a square
      ctx.rect(x - 4, y - 4, 8, 8);
  }
  if (filled) ctx.fill();
  else ctx.stroke();
}

function axisLabel(unit: PeriodUnit, t: number): string {
  const d = new TZDate(t, LONDON);
  return format(d, unit === 'year' ? 'yyyy' : unit === 'month' || unit === 'quarter' ? 'MMM yyyy' : unit === 'hour' ? 'd MMM, HH:mm' : 'd MMM yyyy');
}

function drawAxis(ctx: CanvasRenderingContext2D, v: Viewport, width: number, height: number) {
  const unit = periodFor(v.msPerPx, 80);
  const t1 = timeOf(v, width);
  ctx.font = '13px Arial, sans-serif';
  ctx.textBaseline = 'middle';
  for (const t of periodBoundaries(timeOf(v, LABEL_W), t1, unit, 400)) {
    const x = xOf(v, t);
    if (x < LABEL_W) continue;
    ctx.fillStyle = '#dcdcdc';
    ctx.fillRect(Math.round(x), TOP, 1, height - TOP);
    ctx.fillStyle = '#0b0c0c';
    ctx.fillText(axisLabel(unit, t), x + 4, OVERVIEW_H + AXIS_H / 2 + 2);
  }
  ctx.fillStyle = '#b1b4b6';
  ctx.fillRect(LABEL_W, TOP - 1, width - LABEL_W, 1);
}

/** What a row's marks count: records drawn and the first and last instants drawn, for tests to read off the canvas. */
interface Painted {
  marks: number;
  from: number;
  to: number;
}

function drawRow(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number, rowIndex: number, painted: Painted) {
  const row = f.rows[rowIndex] as TimelineRow;
  const { positions, includes } = rowRecords(f, row);
  const starts = f.index.starts;
  const top = laneTop(rowIndex);
  const mid = top + LANE_H / 2;
  const { from, to } = visibleRange(f, v, width, positions);
  const unit = binningFor(v, width, to - from);
  const heldBack = row === HELD_BACK_ROW;
  const isPartner = !heldBack && f.layout.lanes[row]?.startsWith('partner:');
  if (unit) {
    drawCounts(ctx, f, v, positions, includes, from, to, unit, top, heldBack, painted);
    return;
  }
  // Periods without supervision contact are left visible as gaps, and long ones are labelled.
  let lastContact = NaN;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (!includes(i)) continue;
    const t = starts[i] as number;
    const x = xOf(v, t);
    painted.marks++;
    painted.from = Math.min(painted.from, t);
    painted.to = Math.max(painted.to, t);
    if (heldBack) {
      mark(ctx, f.shown[i] === REVEALED ? 4 : 5, x, mid, f.shown[i] === REVEALED ? stateColour(f, i) : HELD_BACK_COLOUR, false);
    } else {
      const colour = stateColour(f, i);
      if (row === 0 && f.layout.attendance[i]) {
        if (lastContact === lastContact && t - lastContact > GAP_DAYS * DAY) drawGap(ctx, v, lastContact, t, top);
        lastContact = t;
      }
      if (isPartner) drawSharing(ctx, f, v, i, x, mid, width, colour);
      const shape = isPartner || f.index.records[i]?.kind === 'information' ? 4 : (f.layout.attendance[i] as number);
      mark(ctx, shape, x, mid, colour, shape !== 3);
    }
    if (i === f.selected) {
      ctx.strokeStyle = '#0b0c0c';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, mid, 10, 0, Math.PI * 2);
      ctx.stroke();
    }
  }
}

/** A record another agency held: a line from where it happened to where it reached probation, or on, dashed, if it never did. */
function drawSharing(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, i: number, x: number, y: number, width: number, colour: string) {
  const reached = f.layout.reached[i] as number;
  if (Number.isNaN(reached)) return;
  const limit = f.foresight ? Math.min(f.cursor, reached) : reached;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  if (reached === Infinity || reached > limit) {
    const end = Math.min(width, xOf(v, f.foresight ? f.cursor : f.index.offenceHappened));
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(Math.max(x, end), y);
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  const rx = xOf(v, reached);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(rx, y);
  ctx.moveTo(rx, y - 7);
  ctx.lineTo(rx, y + 7);
  ctx.stroke();
}

function drawGap(ctx: CanvasRenderingContext2D, v: Viewport, from: number, to: number, top: number) {
  const x0 = xOf(v, from) + 7;
  const x1 = xOf(v, to) - 7;
  if (x1 - x0 < 4) return;
  ctx.fillStyle = '#fff7bf';
  ctx.fillRect(x0, top + 4, x1 - x0, LANE_H - 8);
  if (x1 - x0 > 70) {
    ctx.fillStyle = '#0b0c0c';
    ctx.font = '12px Arial, sans-serif';
    ctx.fillText(`${Math.round((to - from) / DAY)} days, no contact`, x0 + 4, top + LANE_H / 2);
  }
}

/** Zoomed out: a bar per calendar period, as tall as its share of the busiest period, coloured by its commonest state. */
function drawCounts(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, positions: Int32Array, includes: (i: number) => boolean, from: number, to: number, unit: PeriodUnit, top: number, heldBack: boolean, painted: Painted) {
  const bounds = periodBoundaries(f.index.starts[positions[from] as number] ?? 0, f.index.starts[positions[Math.max(from, to - 1)] as number] ?? 0, unit);
  const states = KNOWLEDGE_STATES.length;
  const counts = new Uint32Array(bounds.length);
  const byState = new Uint32Array(bounds.length * states);
  let b = 0;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (!includes(i)) continue;
    const t = f.index.starts[i] as number;
    while (b + 1 < bounds.length && (bounds[b + 1] as number) <= t) b++;
    counts[b] = (counts[b] as number) + 1;
    const slot = b * states + (f.states ? (f.states[i] as number) : 0);
    byState[slot] = (byState[slot] as number) + 1;
    painted.marks++;
    painted.from = Math.min(painted.from, t);
    painted.to = Math.max(painted.to, t);
  }
  const most = Math.max(1, ...counts);
  for (let k = 0; k < bounds.length - 1; k++) {
    const n = counts[k] as number;
    if (n === 0) continue;
    let commonest = 0;
    for (let s = 1; s < states; s++) if ((byState[k * states + s] as number) > (byState[k * states + commonest] as number)) commonest = s;
    ctx.fillStyle = heldBack ? HELD_BACK_COLOUR : f.states ? STATE_COLOURS[KNOWLEDGE_STATES[commonest] ?? 'onRecord'] : '#1d70b8';
    const x0 = xOf(v, bounds[k] as number);
    const x1 = xOf(v, bounds[k + 1] as number);
    const h = Math.max(2, ((LANE_H - 6) * Math.sqrt(n)) / Math.sqrt(most));
    ctx.fillRect(x0 + 0.5, top + LANE_H - 3 - h, Math.max(1, x1 - x0 - 1), h);
  }
}

function drawAllocations(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number, rowIndex: number) {
  const top = laneTop(rowIndex);
  const end = f.foresight ? f.cursor : Math.max(f.cursor, f.layout.last);
  ctx.font = '12px Arial, sans-serif';
  // Gaps between allocations, and after the last: nobody held the case. In foresight only allocations begun by the
  // cursor count, so a gap does not end at an allocation still to come.
  const held = f.bands.allocations
    .filter((a) => !a.cover && (!f.foresight || earliestInstant(a.from) <= f.cursor))
    .map((a) => [earliestInstant(a.from), a.to ? latestInstant(a.to) : Infinity] as const)
    .sort((a, b) => a[0] - b[0]);
  held.forEach(([, to], k) => {
    const next = held[k + 1];
    if (to === Infinity || (next && next[0] - to < DAY)) return;
    const gapEnd = Math.min(next?.[0] ?? end, end);
    if (gapEnd <= to) return;
    const x0 = Math.max(LABEL_W, xOf(v, to));
    const x1 = Math.min(width, xOf(v, gapEnd));
    if (x1 <= x0) return;
    ctx.fillStyle = '#fff7bf';
    ctx.fillRect(x0, top + 3, x1 - x0, LANE_H - 6);
    if (x1 - x0 > 80) {
      ctx.fillStyle = '#0b0c0c';
      ctx.fillText('Not allocated', x0 + 4, top + LANE_H / 2);
    }
  });
  for (const a of f.bands.allocations) {
    const from = earliestInstant(a.from);
    if (f.foresight && from > f.cursor) continue;
    const to = Math.min(a.to ? latestInstant(a.to) : end, end);
    const x0 = Math.max(LABEL_W, xOf(v, from));
    const x1 = Math.min(width, xOf(v, to));
    if (x1 <= x0) continue;
    const y = a.cover ? top + LANE_H - 9 : top + 3;
    const h = a.cover ? 7 : 13;
    ctx.fillStyle = a.cover ? '#f3f2f1' : '#d2e2f1';
    ctx.fillRect(x0, y, x1 - x0, h);
    ctx.strokeStyle = a.cover ? '#505a5f' : '#1d70b8';
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1);
    if (!a.cover && x1 - x0 > 60) {
      ctx.fillStyle = '#0b0c0c';
      ctx.fillText(`${a.staffName ?? a.staffCode}${a.grade ? ` (${a.grade})` : ''}`, x0 + 4, y + 7);
    }
  }
}

function drawWorkload(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number) {
  const top = workloadTop(f);
  const y = (pct: number) => capacityY(f, pct);
  ctx.font = '11px Arial, sans-serif';
  for (const line of CAPACITY_LINES) {
    ctx.strokeStyle = line === EXCESSIVE_CAPACITY_PCT ? '#d4351c' : '#b1b4b6';
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(LABEL_W, y(line));
    ctx.lineTo(width, y(line));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const series = f.bands.workload;
  const limit = f.foresight ? f.cursor : Infinity;
  if (series.length === 0) {
    ctx.fillStyle = '#505a5f';
    ctx.fillText('No workload snapshots for this officer: no data', LABEL_W + 8, top + WORKLOAD_H / 2);
    return;
  }
  // Excessive-workload stretches are shaded; a line breaks where snapshots are more than 8 days apart (no data between).
  let prevX = NaN;
  let prevDay = NaN;
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#0b0c0c';
  ctx.beginPath();
  series.forEach((s, k) => {
    const day = f.bands.workloadDays[k] as number;
    if (day > limit) return;
    const x = xOf(v, day);
    // Shading and ticks go straight onto the canvas: the line's path is only stroked once, after the loop.
    if (f.bands.excessive[k] && prevX === prevX) {
      ctx.fillStyle = 'rgba(212, 53, 28, 0.18)';
      ctx.fillRect(prevX, top + 2, x - prevX, WORKLOAD_H - 6);
    }
    const joined = prevDay === prevDay && day - prevDay <= RUN_MAX_GAP_DAYS * DAY;
    if (joined) ctx.lineTo(x, y(s.capacityPct));
    else ctx.moveTo(x, y(s.capacityPct));
    if (s.totalCases !== undefined && atCaseloadConcern(s.totalCases)) {
      ctx.fillStyle = '#b86e00';
      ctx.fillRect(x - 1, top + WORKLOAD_H - 6, 3, 4);
    }
    prevX = x;
    prevDay = day;
  });
  ctx.stroke();
}

const STATUS_COLOURS: Record<string, string> = { red: '#d4351c', amber: '#f47738', green: '#00703c' };

function drawTeam(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport) {
  const top = teamTop(f);
  const series = f.bands.team;
  const limit = f.foresight ? f.cursor : Infinity;
  ctx.font = '11px Arial, sans-serif';
  if (series.length === 0) {
    ctx.fillStyle = '#505a5f';
    ctx.fillText('No team staffing snapshots: no data', LABEL_W + 8, top + TEAM_H / 2);
    return;
  }
  series.forEach((s, k) => {
    const from = f.bands.teamDays[k] as number;
    if (from > limit) return;
    // A snapshot stands for at most five weeks: beyond that the band shows no data.
    const to = Math.min(f.bands.teamDays[k + 1] ?? from + 35 * DAY, from + 35 * DAY, limit);
    const height = ((TEAM_H - 8) * Math.min(100, Math.max(0, s.staffingPct))) / 100;
    ctx.fillStyle = STATUS_COLOURS[(s.deliveryStatus ?? '').toLowerCase()] ?? '#505a5f';
    ctx.globalAlpha = 0.55;
    ctx.fillRect(xOf(v, from), top + TEAM_H - 4 - height, Math.max(1, xOf(v, to) - xOf(v, from) - 1), height);
    ctx.globalAlpha = 1;
  });
}

function drawCursor(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number, height: number): boolean {
  const x = xOf(v, f.cursor);
  if (f.foresight && x < width) {
    ctx.fillStyle = 'rgba(243, 242, 241, 0.92)';
    ctx.fillRect(Math.max(LABEL_W, x), TOP, width - Math.max(LABEL_W, x), height - TOP);
    if (width - x > 220) {
      ctx.fillStyle = '#505a5f';
      ctx.font = '13px Arial, sans-serif';
      ctx.fillText('Later: hidden (foresight)', x + 12, TOP + 14);
    }
  }
  const offence = xOf(v, f.index.offenceStart);
  const offenceDrawn = (!f.foresight || f.cursor >= f.index.offenceHappened) && offence >= LABEL_W && offence <= width;
  if (offenceDrawn) {
    ctx.fillStyle = '#d4351c';
    ctx.fillRect(offence - 1, TOP, 3, height - TOP);
    ctx.font = 'bold 12px Arial, sans-serif';
    ctx.fillText('Further offence', offence + 5, height - 10);
  }
  if (x < LABEL_W || x > width) return offenceDrawn;
  ctx.fillStyle = '#0b0c0c';
  ctx.fillRect(x - 1, TOP - 6, 3, height - TOP + 6);
  ctx.beginPath();
  ctx.moveTo(x - 8, TOP - 14);
  ctx.lineTo(x + 8, TOP - 14);
  ctx.lineTo(x, TOP - 2);
  ctx.closePath();
  ctx.fill();
  return offenceDrawn;
}

/**
 * The case's records per overview pixel column: worked out once per case, width and span, and in foresight per
 * cursor, counting only records that had happened by it (not on every frame of a pan).
 */
const densities = new WeakMap<CaseIndex, { width: number; first: number; msPerPx: number; until: number; counts: Uint16Array; most: number }>();

/**
 * The whole case in one strip: how busy each stretch was, the window the chart shows, and the cursor. In foresight
 * nothing after the cursor is drawn, as on the chart.
 */
function drawOverview(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number) {
  const o = overviewViewport(f, width);
  const plot = Math.max(1, Math.round(width - LABEL_W));
  const until = f.foresight ? f.cursor : Infinity;
  let density = densities.get(f.index);
  if (!density || density.width !== plot || density.first !== o.start || density.msPerPx !== o.msPerPx || density.until !== until) {
    const counts = new Uint16Array(plot);
    const { starts, times } = f.index;
    for (let i = 0; i < starts.length; i++) {
      if ((times[i] as { happened: number }).happened > until) continue;
      const px = Math.floor(((starts[i] as number) - o.start) / o.msPerPx);
      if (px >= 0 && px < plot) counts[px] = Math.min(65535, (counts[px] as number) + 1);
    }
    density = { width: plot, first: o.start, msPerPx: o.msPerPx, until, counts, most: Math.max(1, ...counts) };
    densities.set(f.index, density);
  }
  ctx.fillStyle = '#f3f2f1';
  ctx.fillRect(LABEL_W, 2, plot, OVERVIEW_H - 4);
  const { counts, most } = density;
  ctx.fillStyle = '#505a5f';
  for (let px = 0; px < plot; px++) {
    const n = counts[px] as number;
    if (n === 0) continue;
    const h = Math.max(2, ((OVERVIEW_H - 6) * Math.sqrt(n)) / Math.sqrt(most));
    ctx.fillRect(LABEL_W + px, OVERVIEW_H - 3 - h, 1, h);
  }
  // The window the chart below shows.
  const x0 = Math.max(LABEL_W, xOf(o, v.start));
  const x1 = Math.min(width - 1, xOf(o, timeOf(v, width)));
  ctx.strokeStyle = '#1d70b8';
  ctx.lineWidth = 2;
  ctx.strokeRect(x0, 1, Math.max(3, x1 - x0), OVERVIEW_H - 2);
  const cx = xOf(o, f.cursor);
  ctx.fillStyle = '#0b0c0c';
  ctx.fillRect(cx - 1, 0, 2, OVERVIEW_H);
}

function drawLabels(ctx: CanvasRenderingContext2D, f: Frame, height: number) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, LABEL_W - 8, height);
  ctx.fillStyle = '#0b0c0c';
  ctx.font = 'bold 13px Arial, sans-serif';
  ctx.textBaseline = 'middle';
  const fit = (text: string) => (ctx.measureText(text).width > LABEL_W - 16 ? `${text.slice(0, 24)}…` : text);
  f.rows.forEach((row, k) => {
    ctx.fillStyle = row === HELD_BACK_ROW ? HELD_BACK_COLOUR : '#0b0c0c';
    ctx.fillText(fit(rowLabel(f, row)), 8, laneTop(k) + LANE_H / 2);
  });
  ctx.fillStyle = '#0b0c0c';
  ctx.fillText('Workload (WMT %)', 8, workloadTop(f) + 14);
  ctx.font = '12px Arial, sans-serif';
  ctx.fillText('shaded: excessive', 8, workloadTop(f) + 32);
  ctx.fillText(`orange ticks: ${CASELOAD_CONCERN}+ cases`, 8, workloadTop(f) + 48);
  ctx.fillText('gaps: no snapshot', 8, workloadTop(f) + 64);
  ctx.font = 'bold 13px Arial, sans-serif';
  ctx.fillText('Team staffing %', 8, teamTop(f) + TEAM_H / 2);
  ctx.font = '11px Arial, sans-serif';
  ctx.fillStyle = '#505a5f';
  for (const line of CAPACITY_LINES) ctx.fillText(`${line}%`, LABEL_W - 34, capacityY(f, line));
  ctx.fillStyle = '#dcdcdc';
  for (let k = 0; k <= f.rows.length; k++) ctx.fillRect(0, laneTop(k), 100000, 1);
  ctx.fillRect(0, teamTop(f), 100000, 1);
}

/** Recall steps are drawn in their own colour, one no knowledge state uses. */
export const RECALL_COLOUR = '#4c2c92';

export type FoundStep = Extract<StepRow, { status: 'found' }>;

/** A recall step as drawn: its sequence, and where its record sits on the timeline. */
export interface RecallMark {
  sequence: RecallSequence;
  step: FoundStep;
  t: number;
}

/** The row the recall steps are drawn in: the oversight, enforcement and recall lane (-1 when it is not drawn). */
export const recallRowIndex = (f: Pick<Frame, 'rows' | 'layout'>) => f.rows.indexOf(f.layout.lanes.indexOf('oversight'));

/**
 * The steps of each sequence that went beyond its breach (a failure alone is drawn as the record itself), in step
 * order, each where its record is drawn.
 */
export function recallMarks(f: Pick<Frame, 'recall' | 'index'>): RecallMark[][] {
  return f.recall
    .filter((s) => s.hits.length > 0)
    .map((sequence) =>
      sequence.steps.flatMap((step) => {
        const position = step.status === 'found' ? f.index.positionOf(step.record) : undefined;
        return step.status === 'found' && position !== undefined ? [{ sequence, step, t: f.index.starts[position] as number }] : [];
      }),
    );
}

/** The words on a bracket between two steps: the time between them, and the targets it is judged by. */
export function recallGapLabel(mark: RecallMark): string {
  const gap = mark.step.sincePrevious;
  if (!gap || gap.sameRecord) return '';
  const targets = mark.sequence.targets.filter((t) => t.to === mark.step.step).map((t) => ` · ${t.withinHours} h target: ${TARGET_STATUS_WORDS[t.status].toLowerCase()}`);
  return intervalWords(gap.interval, { short: true }) + targets.join('');
}

/**
 * Recall steps across the oversight lane: a tick at each step, whichever lane its record is in, and a bracket from each
 * to the next with the time between them and whether a target was met, where there is room for the words. Drawn
 * beneath the records' marks, which stay readable on top. Returns the steps drawn in view.
 */
function drawRecall(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number): string[] {
  const row = recallRowIndex(f);
  if (row < 0) return [];
  const top = laneTop(row);
  const drawn: string[] = [];
  ctx.font = '11px Arial, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 2;
  for (const marks of recallMarks(f)) {
    marks.forEach((mark, k) => {
      const x = xOf(v, mark.t);
      const inView = x >= LABEL_W - 8 && x <= width + 8;
      if (inView) drawn.push(mark.step.step);
      ctx.fillStyle = RECALL_COLOUR;
      if (inView) ctx.fillRect(Math.round(x) - 1, top + 1, 2, LANE_H - 2);
      const before = marks[k - 1];
      if (!before || mark.step.sincePrevious?.sameRecord) return;
      const x0 = Math.max(LABEL_W - 8, xOf(v, before.t));
      const x1 = Math.min(width + 8, x);
      if (x1 <= x0) return;
      ctx.fillRect(x0, top + 1, x1 - x0, 2);
      const label = recallGapLabel(mark);
      const w = ctx.measureText(label).width + 8;
      if (x1 - x0 < w + 8) return;
      const left = (x0 + x1) / 2 - w / 2;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(left, top + 3, w, 12);
      ctx.fillStyle = '#0b0c0c';
      ctx.fillText(label, left + 4, top + 9);
    });
  }
  return drawn;
}

/**
 * Paint the whole timeline. Only what is in view is visited: a binary search finds each row's visible records.
 * Returns whether the further offence was drawn (it never is before it happened, in foresight), what the rows show,
 * and the recall steps drawn.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number, height: number): { offenceDrawn: boolean; painted: Painted; recall: string[] } {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  drawOverview(ctx, f, v, width);
  drawAxis(ctx, v, width, height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W - 8, TOP, width - LABEL_W + 8, height - TOP);
  ctx.clip();
  const allocationLane = f.layout.lanes.indexOf('allocation');
  const painted: Painted = { marks: 0, from: Infinity, to: -Infinity };
  const recall = drawRecall(ctx, f, v, width);
  f.rows.forEach((row, k) => {
    if (row === allocationLane) drawAllocations(ctx, f, v, width, k);
    drawRow(ctx, f, v, width, k, painted);
  });
  drawWorkload(ctx, f, v, width);
  drawTeam(ctx, f, v);
  const offenceDrawn = drawCursor(ctx, f, v, width, height);
  ctx.restore();
  drawLabels(ctx, f, height);
  drawCursorLabel(ctx, f, v, width);
  return { offenceDrawn, painted, recall };
}

function drawCursorLabel(ctx: CanvasRenderingContext2D, f: Frame, v: Viewport, width: number) {
  const x = xOf(v, f.cursor);
  if (x < LABEL_W || x > width) return;
  const text = format(new TZDate(f.cursor, LONDON), 'd MMM yyyy, HH:mm');
  ctx.font = 'bold 12px Arial, sans-serif';
  const w = ctx.measureText(text).width + 10;
  const left = Math.min(width - w, Math.max(LABEL_W, x + 10));
  ctx.fillStyle = '#0b0c0c';
  ctx.fillRect(left, OVERVIEW_H + 1, w, 16);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(text, left + 5, OVERVIEW_H + 9);
}
