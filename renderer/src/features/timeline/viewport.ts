import { LABEL_W, timeOf, xOf, type Viewport } from './draw.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** An hour across 100 pixels: the closest zoom. */
const MIN_MS_PER_PX = 36_000;
const MAX_SPAN = 40 * 365.25 * DAY;
/** Where the cursor is put when the chart moves to show it: three quarters across, so the weeks before it show. */
const CURSOR_AT = 0.75;

/** The chart fitted to a span of time, with a small margin either side. */
export function fitSpan(from: number, to: number, width: number): Viewport {
  const span = Math.max(to - from, DAY);
  const margin = span * 0.03;
  return { start: from - margin, msPerPx: (span + 2 * margin) / Math.max(100, width - LABEL_W) };
}

/**
 * The first view of a case: the twelve weeks up to the cursor and two after it, so the decisive weeks are readable;
 * a case shorter than that is fitted whole. The strip above the chart always shows the whole case.
 */
export function firstView(first: number, last: number, cursor: number, width: number): Viewport {
  if (last - first <= 14 * WEEK) return fitSpan(first, Math.max(last, cursor), width);
  return fitSpan(Math.max(first, cursor - 12 * WEEK), cursor + 2 * WEEK, width);
}

/** Whether an instant is within the plot, away from its edges. */
export function inView(v: Viewport, width: number, t: number): boolean {
  const x = xOf(v, t);
  const plot = width - LABEL_W;
  return x >= LABEL_W + plot * 0.03 && x <= width - plot * 0.03;
}

/** The same zoom, moved so that an instant sits three quarters across. */
export function showing(v: Viewport, width: number, t: number): Viewport {
  return { start: t - (width - LABEL_W) * CURSOR_AT * v.msPerPx, msPerPx: v.msPerPx };
}

/**
 * Zoom by a factor about the cursor: where the cursor is in view it stays where it is, otherwise it is brought into
 * view first, so zooming never loses it.
 */
export function zoomAbout(v: Viewport, width: number, cursor: number, factor: number): Viewport {
  const base = inView(v, width, cursor) ? v : showing(v, width, cursor);
  return zoomAt(base, width, xOf(base, cursor), factor);
}

/** Zoom by a factor keeping the instant at pixel `x` where it is (the wheel zooms about the pointer). */
export function zoomAt(v: Viewport, width: number, x: number, factor: number): Viewport {
  const at = timeOf(v, x);
  const msPerPx = Math.min(MAX_SPAN / Math.max(1, width), Math.max(MIN_MS_PER_PX, v.msPerPx * factor));
  return { start: at - (x - LABEL_W) * msPerPx, msPerPx };
}
