import { RUN_MAX_GAP_DAYS } from '../engine/workload.js';
import { escapeXml } from '../review/mapSvg.js';
import { addDaysToDate, daysBetweenDates } from '../time/calendar.js';
import { formatTime, formatUkDate } from '../time/display.js';
import type { StaffingChart, WorkloadChart } from './document.js';
import type { DrawnFigure } from './figureTypes.js';

/**
 * The document's two charts as standalone SVG, drawn to be read in print: every line told apart by its dash and its
 * markers as well as its colour, every colour named in the legend, every mark labelled. Only presentation attributes
 * (no style attribute or element: the app's content security policy may refuse inline styles), one font list, no
 * outside resources, so the same text draws in the window's canvas and in resvg.
 */

/**
 * 760 pixels across: printed across an A4 page inside 2 cm margins (17 cm), a pixel is about 0.63 pt, so the 13 and
 * 14 pixel text prints at 8 to 9 pt.
 */
const WIDTH = 760;
const LEFT = 60;
/** Room right of the plot for the reference line's label. */
const RIGHT = 56;
const PLOT_RIGHT = WIDTH - RIGHT;
const PLOT_WIDTH = PLOT_RIGHT - LEFT;
const PLOT_HEIGHT = 230;
const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const INK = '#0b0c0c';
/** Secondary text: 7:1 on white. */
const QUIET = '#505a5f';
const RULE = '#b1b4b6';
const GRID = '#e3e3e3';
const WARNING = '#d4351c';
const ROW = 17;
const LEGEND_ROW = 23;
/** Markers on a line at least this far apart: one on every daily snapshot would be a smear. */
const MARKER_SPACING = 40;

type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'plus';
interface SeriesLook {
  colour: string;
  dash: string | null;
  marker: Marker;
}

/** One look a line, in order: GOV.UK colours with at least 3:1 against white, each with its own dash and marker. */
const LOOKS: readonly SeriesLook[] = [
  { colour: '#1d70b8', dash: null, marker: 'circle' },
  { colour: '#0b0c0c', dash: '9 4', marker: 'square' },
  { colour: '#912b88', dash: '2 3', marker: 'triangle' },
  { colour: '#00703c', dash: '12 3 3 3', marker: 'diamond' },
  { colour: '#4c2c92', dash: '5 5', marker: 'cross' },
  { colour: '#6f4e00', dash: '16 4', marker: 'plus' },
];
export const lookOf = (i: number): SeriesLook => LOOKS[i % LOOKS.length] as SeriesLook;

const n = (v: number) => String(Math.round(v * 10) / 10);
const pct = (v: number) => `${Math.round(v * 10) / 10}%`;
/** A fair guess at text's width in Arial (there is no font to measure here): wide enough that labels do not touch. */
const textWidth = (text: string, size: number, bold = false) => text.length * size * (bold ? 0.62 : 0.53);
const text = (x: number, y: number, words: string, attrs = '') => `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(words)}</text>`;
/** Text kept readable where it crosses a line: a white outline drawn under the letters. */
const HALO = 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

interface Point {
  date: string;
  pct: number;
}

/** The days a chart covers: its span, widened to take any point or mark outside it, and never less than two days. */
function timeAxis(from: string, to: string, dates: readonly string[]) {
  let start = [from, ...dates].reduce((a, b) => (b < a ? b : a));
  let end = [to, ...dates].reduce((a, b) => (b > a ? b : a));
  if (start === end) [start, end] = [addDaysToDate(start, -1), addDaysToDate(end, 1)];
  const days = daysBetweenDates(start, end);
  return { start, end, days, x: (date: string) => LEFT + (daysBetweenDates(start, date) / days) * PLOT_WIDTH };
}
type TimeAxis = ReturnType<typeof timeAxis>;

/** The percentage axis: from 0 to at least `floor`, and 10 points above the highest value, in steps of 20 (50, 100 for very high values). */
function percentAxis(values: readonly number[], floor: number, top: number) {
  const raw = Math.max(floor, ...values.map((v) => v + 10));
  const step = raw <= 200 ? 20 : raw <= 500 ? 50 : 100;
  const max = Math.ceil(raw / step) * step;
  return { max, step, top, bottom: top + PLOT_HEIGHT, y: (v: number) => top + PLOT_HEIGHT * (1 - Math.max(0, v) / max) };
}
type PercentAxis = ReturnType<typeof percentAxis>;

/** The usual days between a line's snapshots: the median gap. */
function usualGap(points: readonly Point[]): number {
  const gaps = points.slice(1).map((p, i) => daysBetweenDates((points[i] as Point).date, p.date)).sort((a, b) => a - b);
  return gaps.length ? (gaps[Math.floor(gaps.length / 2)] as number) : 7;
}

/**
 * A line's snapshots in unbroken runs. A line is broken where two snapshots are more than 8 days apart (the gap that
 * breaks a run of excessive workload) or, for snapshots taken less often than weekly, twice their usual gap: a line
 * drawn across weeks with no snapshot would show figures nobody recorded.
 */
function unbrokenRuns<P extends Point>(points: readonly P[]): P[][] {
  const limit = Math.max(RUN_MAX_GAP_DAYS, 2 * usualGap(points));
  const runs: P[][] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    if (before && daysBetweenDates(before.date, p.date) <= limit) runs[runs.length - 1]?.push(p);
    else runs.push([p]);
  });
  return runs;
}

/** Until when a snapshot's figure holds, drawn as a step: the next snapshot in its run, or its usual gap after it. */
function holdsUntil(run: readonly Point[], i: number, usual: number, axis: TimeAxis): string {
  const next = run[i + 1];
  if (next) return next.date;
  const after = addDaysToDate((run[i] as Point).date, usual);
  return after > axis.end ? axis.end : after;
}

function markerSvg(kind: Marker, x: number, y: number, colour: string): string {
  const filled = `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  const p = (d: string, attrs = filled) => `<path d="${d}" ${attrs}/>`;
  switch (kind) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="4.5" ${filled}/>`;
    case 'square':
      return `<rect x="${n(x - 4)}" y="${n(y - 4)}" width="8" height="8" ${filled}/>`;
    case 'triangle':
      return p(`M${n(x)},${n(y - 5.5)} L${n(x + 5)},${n(y + 4)} L${n(x - 5)},${n(y + 4)} Z`);
    case 'diamond':
      return p(`M${n(x)},${n(y - 6)} L${n(x + 5.5)},${n(y)} L${n(x)},${n(y + 6)} L${n(x - 5.5)},${n(y)} Z`);
    case 'cross':
      return p(`M${n(x - 4.5)},${n(y - 4.5)} L${n(x + 4.5)},${n(y + 4.5)} M${n(x + 4.5)},${n(y - 4.5)} L${n(x - 4.5)},${n(y + 4.5)}`, `fill="none" stroke="${colour}" stroke-width="2.5"`);
    case 'plus':
      return p(`M${n(x - 5.5)},${n(y)} L${n(x + 5.5)},${n(y)} M${n(x)},${n(y - 5.5)} L${n(x)},${n(y + 5.5)}`, `fill="none" stroke="${colour}" stroke-width="2.5"`);
  }
}

/**
 * One line of the chart, broken at gaps: straight between snapshots, or as steps (a team's staffing holds until the
 * next snapshot). Markers sit at the first snapshot of each run and then no closer than MARKER_SPACING; a snapshot
 * alone in its run is a marker only.
 */
function seriesSvg(points: readonly Point[], look: SeriesLook, time: TimeAxis, value: PercentAxis, step: boolean): string {
  const usual = usualGap(points);
  const out: string[] = [];
  const markers: string[] = [];
  for (const run of unbrokenRuns(points)) {
    const path = run.flatMap((p, i) => {
      const at = `${n(time.x(p.date))},${n(value.y(p.pct))}`;
      const move = i === 0 ? `M${at}` : step ? `V${n(value.y(p.pct))}` : `L${at}`;
      return step ? [move, `H${n(time.x(holdsUntil(run, i, usual, time)))}`] : [move];
    });
    if (step || run.length > 1) out.push(`<path d="${path.join(' ')}" fill="none" stroke="${look.colour}" stroke-width="2.2" stroke-linejoin="round"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`);
    let last = -Infinity;
    for (const p of run) {
      const x = time.x(p.date);
      if (x - last < MARKER_SPACING) continue;
      markers.push(markerSvg(look.marker, x, value.y(p.pct), look.colour));
      last = x;
    }
  }
  return [...out, ...markers].join('\n');
}

interface Placed {
  left: number;
  width: number;
  row: number;
}

/**
 * Labels placed in rows so none overlaps another: each, from the left, goes in the first row with room for it, centred
 * on its place where the edges allow.
 */
function stagger(items: readonly { x: number; width: number }[], min: number, max: number): Placed[] {
  const ends: number[] = [];
  const order = items.map((item, i) => ({ ...item, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const placed: Placed[] = [];
  for (const item of order) {
    const left = Math.max(min, Math.min(item.x - item.width / 2, max - item.width));
    let row = ends.findIndex((end) => end + 8 <= left);
    if (row === -1) row = ends.push(left) - 1;
    ends[row] = left + item.width;
    placed[item.i] = { left, width: item.width, row };
  }
  return placed;
}

interface Mark {
  label: string;
  date: string;
  offence: boolean;
}

const marksOf = (decisions: readonly { label: string; date: string }[], offence: string | null): Mark[] => [
  ...decisions.map((d) => ({ label: d.label, date: d.date, offence: false })),
  ...(offence ? [{ label: 'Further offence', date: offence, offence: true }] : []),
];
const markLabelSize = (m: Mark) => ({ width: textWidth(m.label, 13, true) });

/** How many rows the marks' labels take above the plot. */
const markRows = (marks: readonly Mark[], time: TimeAxis) => Math.max(0, ...stagger(marks.map((m) => ({ x: time.x(m.date), ...markLabelSize(m) })), 4, WIDTH - 4).map((p) => p.row + 1));

/** Each decision and the further offence: a line down the plot, its label above it, staggered so none overlaps. */
function marksSvg(marks: readonly Mark[], time: TimeAxis, value: PercentAxis): { lines: string; labels: string } {
  const placed = stagger(marks.map((m) => ({ x: time.x(m.date), ...markLabelSize(m) })), 4, WIDTH - 4);
  const lines: string[] = [];
  const labels: string[] = [];
  marks.forEach((m, i) => {
    const p = placed[i] as Placed;
    const x = time.x(m.date);
    const baseline = value.top - 8 - p.row * ROW;
    lines.push(`<path d="M${n(x)},${n(baseline + 3)} V${n(value.bottom)}" fill="none" stroke="${m.offence ? INK : QUIET}" stroke-width="${m.offence ? 2.5 : 1.5}"/>`);
    labels.push(text(p.left + p.width / 2, baseline, m.label, `text-anchor="middle" font-weight="bold" fill="${INK}" ${HALO}`));
  });
  return { lines: lines.join('\n'), labels: labels.join('\n') };
}

/** The starts of the months in the span, as `YYYY-MM`. */
function monthsIn(time: TimeAxis): string[] {
  const [y0, m0, d0] = time.start.split('-').map(Number) as [number, number, number];
  const months: string[] = [];
  for (let i = d0 === 1 ? 0 : 1; ; i++) {
    const ym = `${y0 + Math.floor((m0 - 1 + i) / 12)}-${String(((m0 - 1 + i) % 12) + 1).padStart(2, '0')}`;
    if (`${ym}-01` > time.end) return months;
    months.push(ym);
  }
}

/**
 * The months along the time axis: a tick each month (when there is room) and a label (`Jan 2023`) every so many, at
 * least 72 pixels apart. A span too short to label two months (a few weeks) is labelled with its first and last days.
 */
function timeAxisSvg(time: TimeAxis, value: PercentAxis): string {
  const out = [`<path d="M${LEFT},${n(value.bottom)} H${PLOT_RIGHT}" fill="none" stroke="${QUIET}" stroke-width="1"/>`];
  const tick = (x: number, long: boolean) => `<path d="M${n(x)},${n(value.bottom)} v${long ? 6 : 4}" fill="none" stroke="${QUIET}" stroke-width="1"/>`;
  const perMonth = (PLOT_WIDTH / time.days) * 30.44;
  const every = [1, 2, 3, 4, 6, 12].find((k) => perMonth * k >= 72) ?? 12 * Math.ceil(72 / (perMonth * 12));
  const months = monthsIn(time).map((ym) => {
    const [year, month] = ym.split('-').map(Number) as [number, number];
    return { ym, x: time.x(`${ym}-01`), labelled: every <= 12 ? (month - 1) % every === 0 : month === 1 && year % (every / 12) === 0 };
  });
  const labelled = months.filter((m) => m.labelled);
  if (labelled.length < 2) {
    out.push(...months.map((m) => tick(m.x, false)), tick(LEFT, true), tick(PLOT_RIGHT, true));
    out.push(text(LEFT, value.bottom + 21, formatUkDate(time.start), `text-anchor="start" fill="${INK}"`));
    out.push(text(PLOT_RIGHT, value.bottom + 21, formatUkDate(time.end), `text-anchor="end" fill="${INK}"`));
    return out.join('\n');
  }
  for (const m of months) {
    if (m.labelled) {
      out.push(`<path d="M${n(m.x)},${n(value.top)} V${n(value.bottom)}" fill="none" stroke="${GRID}" stroke-width="1"/>`);
      out.push(text(m.x, value.bottom + 21, formatTime({ value: m.ym, precision: 'month' }), `text-anchor="middle" fill="${INK}"`));
    }
    if (m.labelled || perMonth >= 6) out.push(tick(m.x, m.labelled));
  }
  return out.join('\n');
}

function percentAxisSvg(value: PercentAxis): string {
  const out: string[] = [];
  for (let v = 0; v <= value.max; v += value.step) {
    const y = value.y(v);
    out.push(`<path d="M${LEFT},${n(y)} H${PLOT_RIGHT}" fill="none" stroke="${v === 0 ? QUIET : GRID}" stroke-width="1"/>`);
    out.push(text(LEFT - 8, y + 4, `${v}%`, `text-anchor="end" fill="${INK}"`));
  }
  out.push(`<path d="M${LEFT},${n(value.top)} V${n(value.bottom)}" fill="none" stroke="${QUIET}" stroke-width="1"/>`);
  return out.join('\n');
}

/** A reference line across the plot (110% of capacity, 100% of target staffing), labelled at its right-hand end. */
function referenceSvg(at: number, value: PercentAxis): string {
  const y = value.y(at);
  return [
    `<path d="M${LEFT},${n(y)} H${PLOT_RIGHT}" fill="none" stroke="${WARNING}" stroke-width="2" stroke-dasharray="7 4"/>`,
    text(PLOT_RIGHT + 6, y + 4, `${at}%`, `font-weight="bold" fill="${INK}"`),
  ].join('\n');
}

type LegendSample =
  | { kind: 'series'; look: SeriesLook }
  | { kind: 'reference' }
  | { kind: 'mark'; offence: boolean }
  | { kind: 'fill'; fill: string; opacity?: number };

function sampleSvg(sample: LegendSample, x: number, y: number): string {
  switch (sample.kind) {
    case 'series':
      return `<path d="M${n(x)},${n(y)} H${n(x + 36)}" fill="none" stroke="${sample.look.colour}" stroke-width="2.2"${sample.look.dash ? ` stroke-dasharray="${sample.look.dash}"` : ''}/>\n${markerSvg(sample.look.marker, x + 18, y, sample.look.colour)}`;
    case 'reference':
      return `<path d="M${n(x)},${n(y)} H${n(x + 36)}" fill="none" stroke="${WARNING}" stroke-width="2" stroke-dasharray="7 4"/>`;
    case 'mark':
      return `<path d="M${n(x + 18)},${n(y - 8)} V${n(y + 8)}" fill="none" stroke="${sample.offence ? INK : QUIET}" stroke-width="${sample.offence ? 2.5 : 1.5}"/>`;
    case 'fill':
      return `<rect x="${n(x + 4)}" y="${n(y - 7)}" width="28" height="14" fill="${sample.fill}"${sample.opacity === undefined ? '' : ` fill-opacity="${sample.opacity}"`} stroke="${QUIET}" stroke-width="1"/>`;
  }
}

/** The legend, item after item, onto as many rows as it needs. Returns its drawing and the height it took. */
function legendSvg(items: readonly { sample: LegendSample; label: string }[], top: number): { svg: string; height: number } {
  const out: string[] = [];
  let x = LEFT;
  let row = 0;
  for (const item of items) {
    const width = 44 + textWidth(item.label, 14);
    if (x > LEFT && x + width > WIDTH - 12) [x, row] = [LEFT, row + 1];
    const y = top + row * LEGEND_ROW + 10;
    out.push(sampleSvg(item.sample, x, y), text(x + 44, y + 5, item.label, `font-size="14" fill="${INK}"`));
    x += width + 22;
  }
  return { svg: out.join('\n'), height: items.length ? (row + 1) * LEGEND_ROW : 0 };
}

export function svgDocument(width: number, height: number, title: string, desc: string, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${n(height)}" viewBox="0 0 ${width} ${n(height)}" role="img" font-family="${FONT}" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${n(height)}" fill="#ffffff"/>`,
    ...body.filter(Boolean),
    '</svg>',
  ].join('\n');
}

const plotTopFor = (marks: readonly Mark[], time: TimeAxis) => {
  const rows = markRows(marks, time);
  return rows === 0 ? 16 : 14 + rows * ROW;
};

/** "E1 on 22 Sep 2023; E2 on 20 Jul 2023. Further offence on 12 Nov 2023." for the description. */
function marksWords(decisions: readonly { label: string; date: string }[], offence: string | null): string {
  const said = decisions.length ? `Decisions: ${decisions.map((d) => `${d.label} on ${formatUkDate(d.date)}`).join('; ')}.` : 'No decisions marked.';
  return offence ? `${said} Further offence on ${formatUkDate(offence)}.` : said;
}

function seriesWords(name: string, points: readonly Point[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${name}: no snapshots.`;
  const values = points.map((p) => p.pct);
  return `${name}: ${points.length === 1 ? `one snapshot, on ${formatUkDate(first.date)}` : `${points.length} snapshots from ${formatUkDate(first.date)} to ${formatUkDate(last.date)}`}, ${pct(Math.min(...values))}${points.length > 1 ? ` to ${pct(Math.max(...values))}` : ''}.`;
}

const noData = (value: PercentAxis, words: string) => text(LEFT + PLOT_WIDTH / 2, value.top + PLOT_HEIGHT / 2, words, `text-anchor="middle" font-size="15" fill="${INK}"`);

/** Capacity over the case: one line for each officer, the 110% line, excessive runs shaded, each decision and the offence marked. */
export function workloadChartSvg(chart: WorkloadChart): DrawnFigure {
  const dates = [...chart.lines.flatMap((l) => l.points.map((p) => p.date)), ...chart.excessive.flatMap((e) => [e.from, e.to]), ...chart.decisions.map((d) => d.date), ...(chart.offence ? [chart.offence] : [])];
  const time = timeAxis(chart.from, chart.to, dates);
  const marks = marksOf(chart.decisions, chart.offence);
  const value = percentAxis([chart.threshold, ...chart.lines.flatMap((l) => l.points.map((p) => p.pct))], 140, plotTopFor(marks, time));
  const excessiveFill = { kind: 'fill', fill: WARNING, opacity: 0.16 } as const;

  // Each excessive run shaded across the plot and named at its foot (officers' runs may overlap: their names stagger).
  const bandNames = stagger(chart.excessive.map((e) => ({ x: (time.x(e.from) + time.x(e.to)) / 2, width: textWidth(e.officer, 13) })), LEFT + 4, PLOT_RIGHT - 4);
  const bands = chart.excessive.map((e) => `<rect x="${n(time.x(e.from))}" y="${n(value.top)}" width="${n(Math.max(2, time.x(e.to) - time.x(e.from)))}" height="${PLOT_HEIGHT}" fill="${WARNING}" fill-opacity="${excessiveFill.opacity}"/>`);
  const bandLabels = chart.excessive.map((e, i) => {
    const p = bandNames[i] as Placed;
    return text(p.left + p.width / 2, value.bottom - 10 - p.row * ROW, e.officer, `text-anchor="middle" fill="${INK}" ${HALO}`);
  });
  const { lines: markLines, labels: markLabels } = marksSvg(marks, time, value);
  const axisBottom = value.bottom + 36;
  const legend = legendSvg(
    [
      ...chart.lines.map((l, i) => ({ sample: { kind: 'series', look: lookOf(i) } as const, label: l.officer })),
      { sample: { kind: 'reference' }, label: `${chart.threshold}% of capacity` },
      ...(chart.excessive.length ? [{ sample: excessiveFill, label: `Excessive workload (over ${chart.threshold}% for 4 weeks or more)` }] : []),
      ...(chart.decisions.length ? [{ sample: { kind: 'mark', offence: false } as const, label: 'Decision (episode number)' }] : []),
      ...(chart.offence ? [{ sample: { kind: 'mark', offence: true } as const, label: 'Further offence' }] : []),
    ],
    axisBottom,
  );
  const height = axisBottom + legend.height + 12;
  const desc = [
    `Capacity of each officer who held the case, as a percentage, from ${formatUkDate(chart.from)} to ${formatUkDate(chart.to)}, with the ${chart.threshold}% line.`,
    ...chart.lines.map((l) => seriesWords(l.officer, l.points)),
    chart.excessive.length ? `Excessive workload: ${chart.excessive.map((e) => `${e.officer} from ${formatUkDate(e.from)} to ${formatUkDate(e.to)}`).join('; ')}.` : 'No excessive workload.',
    marksWords(chart.decisions, chart.offence),
  ].join(' ');
  return {
    svg: svgDocument(WIDTH, height, 'Capacity over the case', desc, [
      ...bands,
      percentAxisSvg(value),
      timeAxisSvg(time, value),
      referenceSvg(chart.threshold, value),
      ...chart.lines.map((l, i) => seriesSvg(l.points, lookOf(i), time, value, false)),
      chart.lines.length ? '' : noData(value, 'No workload snapshots in this span'),
      markLines,
      ...bandLabels,
      markLabels,
      legend.svg,
    ]),
    width: WIDTH,
    height,
  };
}

/** Fills for the delivery statuses staff record (Red, Amber, Green, in any case), with text that reads on each. */
const STATUS_LOOK: Record<string, { fill: string; ink: string }> = {
  red: { fill: '#d4351c', ink: '#ffffff' },
  amber: { fill: '#f47738', ink: INK },
  green: { fill: '#00703c', ink: '#ffffff' },
};
/** Any other status, as recorded: grey, named in its band and the legend. */
const OTHER_STATUS = { fill: '#dcdcdc', ink: INK };
const statusLook = (status: string) => STATUS_LOOK[status.trim().toLowerCase()] ?? OTHER_STATUS;
const STATUS_ORDER = ['red', 'amber', 'green'];
const STRIP = 20;

/** Each team's recorded delivery status, in a strip under the time axis: each status holds until the next snapshot, and is named where there is room. */
function statusStrips(chart: StaffingChart, time: TimeAxis, top: number): { svg: string; height: number } {
  const out: string[] = [];
  let y = top;
  for (const team of chart.teams) {
    out.push(text(LEFT, y + 12, `Delivery status recorded for ${team.team}`, `font-size="14" fill="${INK}"`));
    const stripTop = y + 18;
    out.push(`<rect x="${LEFT}" y="${n(stripTop)}" width="${PLOT_WIDTH}" height="${STRIP}" fill="#ffffff" stroke="${RULE}" stroke-width="1"/>`);
    const usual = usualGap(team.points);
    for (const run of unbrokenRuns(team.points)) {
      const statuses = run.map((p) => p.status);
      // Neighbouring snapshots with the same status are one stretch, named once.
      let i = 0;
      while (i < run.length) {
        const status = statuses[i] ?? null;
        let j = i;
        while (j + 1 < run.length && statuses[j + 1] === status) j++;
        const x0 = time.x((run[i] as Point).date);
        const x1 = time.x(holdsUntil(run, j, usual, time));
        if (status !== null) {
          const look = statusLook(status);
          out.push(`<rect x="${n(x0)}" y="${n(stripTop)}" width="${n(Math.max(1.5, x1 - x0))}" height="${STRIP}" fill="${look.fill}"/>`);
          if (x1 - x0 >= textWidth(status, 13, true) + 8) out.push(text((x0 + x1) / 2, stripTop + 14.5, status, `text-anchor="middle" font-weight="bold" fill="${look.ink}"`));
        }
        i = j + 1;
      }
    }
    y = stripTop + STRIP + 10;
  }
  return { svg: out.join('\n'), height: y - top };
}

/** Each team's staffing over the case as steps, the 100% line, each recorded delivery status, each decision and the offence. */
export function staffingChartSvg(chart: StaffingChart): DrawnFigure {
  const dates = [...chart.teams.flatMap((t) => t.points.map((p) => p.date)), ...chart.decisions.map((d) => d.date), ...(chart.offence ? [chart.offence] : [])];
  const time = timeAxis(chart.from, chart.to, dates);
  const marks = marksOf(chart.decisions, chart.offence);
  const value = percentAxis(chart.teams.flatMap((t) => t.points.map((p) => p.pct)), 120, plotTopFor(marks, time));
  const { lines: markLines, labels: markLabels } = marksSvg(marks, time, value);
  const strips = statusStrips(chart, time, value.bottom + 36);
  const recorded = [...new Set(chart.teams.flatMap((t) => t.points.flatMap((p) => (p.status === null ? [] : [p.status]))))];
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s.trim().toLowerCase());
    return i === -1 ? STATUS_ORDER.length : i;
  };
  recorded.sort((a, b) => rank(a) - rank(b));
  const unrecorded = chart.teams.some((t) => t.points.some((p) => p.status === null));
  const legendTop = value.bottom + 36 + strips.height;
  const legend = legendSvg(
    [
      ...chart.teams.map((t, i) => ({ sample: { kind: 'series', look: lookOf(i) } as const, label: t.team })),
      { sample: { kind: 'reference' }, label: '100% of target staffing' },
      ...recorded.map((s) => ({ sample: { kind: 'fill', fill: statusLook(s).fill } as const, label: `Delivery status: ${s}` })),
      ...(unrecorded ? [{ sample: { kind: 'fill', fill: '#ffffff' } as const, label: 'No delivery status recorded' }] : []),
      ...(chart.decisions.length ? [{ sample: { kind: 'mark', offence: false } as const, label: 'Decision (episode number)' }] : []),
      ...(chart.offence ? [{ sample: { kind: 'mark', offence: true } as const, label: 'Further offence' }] : []),
    ],
    legendTop,
  );
  const height = legendTop + legend.height + 12;
  const statusWords = (points: StaffingChart['teams'][number]['points']) => {
    const changes = points.filter((p, i) => i === 0 || p.status !== points[i - 1]?.status);
    return changes.length ? ` Delivery status: ${changes.map((p) => `${p.status ?? 'not recorded'} from ${formatUkDate(p.date)}`).join(', ')}.` : '';
  };
  const desc = [
    `Staffing of each team as a percentage of its target, from ${formatUkDate(chart.from)} to ${formatUkDate(chart.to)}, with the 100% line and each recorded delivery status.`,
    ...chart.teams.map((t) => seriesWords(t.team, t.points) + statusWords(t.points)),
    marksWords(chart.decisions, chart.offence),
  ].join(' ');
  return {
    svg: svgDocument(WIDTH, height, 'Team staffing over the case', desc, [
      percentAxisSvg(value),
      timeAxisSvg(time, value),
      referenceSvg(100, value),
      ...chart.teams.map((t, i) => seriesSvg(t.points, lookOf(i), time, value, true)),
      chart.teams.length ? '' : noData(value, 'No team staffing snapshots in this span'),
      markLines,
      markLabels,
      strips.svg,
      legend.svg,
    ]),
    width: WIDTH,
    height,
  };
}
