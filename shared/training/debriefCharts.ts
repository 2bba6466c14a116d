import { lookOf, svgDocument } from '../report/charts.js';
import type { DrawnFigure } from '../report/figureTypes.js';
import { escapeXml } from '../review/mapSvg.js';
import type { Debrief, PointDebrief, RatingGap } from './debrief.js';

/**
 * The debrief's charts, drawn like the report's (charts.ts: the same document, looks and font): how the room chose at
 * a point, and in the hindsight exercise each side's foreseeability rating at each point with the gap between them.
 * Every bar is labelled with its value, so the chart reads without colour; the view gives a table beside it.
 */

const WIDTH = 760;
const LABEL_WIDTH = 300;
const BAR_LEFT = LABEL_WIDTH + 16;
const BAR_RIGHT = WIDTH - 90;
const INK = '#0b0c0c';
const QUIET = '#505a5f';
const n = (v: number) => String(Math.round(v * 10) / 10);
/** About how many characters of 14-pixel Arial fit the label column. */
const LABEL_CHARS = Math.floor(LABEL_WIDTH / (14 * 0.53));
const cut = (s: string, max = LABEL_CHARS) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const text = (x: number, y: number, words: string, attrs: string) => `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(words)}</text>`;
const round = (v: number) => Math.round(v * 10) / 10;

/** One horizontal bar from the axis, its value written after it. */
function bar(y: number, height: number, fraction: number, colour: string, value: string): string {
  const width = Math.max(0, fraction) * (BAR_RIGHT - BAR_LEFT);
  return [
    `<rect x="${BAR_LEFT}" y="${n(y)}" width="${n(Math.max(width, 1.5))}" height="${height}" fill="${colour}"/>`,
    text(BAR_LEFT + width + 8, y + height / 2 + 5, value, `font-size="14" font-weight="bold" fill="${INK}"`),
  ].join('\n');
}

const axis = (top: number, bottom: number) => `<path d="M${BAR_LEFT},${n(top)} V${n(bottom)}" fill="none" stroke="${QUIET}" stroke-width="1"/>`;

/** How many groups chose each option at a point. */
export function choicesChartSvg(p: PointDebrief): DrawnFigure {
  const ROW = 34;
  const top = 12;
  const most = Math.max(1, p.groups.length);
  const rows = p.point.options.map((option, k) => {
    const y = top + k * ROW;
    const count = p.counts[k] ?? 0;
    return [
      text(LABEL_WIDTH, y + 19, cut(`${k + 1}. ${option}`), `text-anchor="end" font-size="14" fill="${INK}"`),
      bar(y + 4, 22, count / most, lookOf(0).colour, `${count} of ${p.groups.length}`),
    ].join('\n');
  });
  const height = top + p.point.options.length * ROW + 12;
  const title = `Point ${p.number}: how the groups chose`;
  const desc = `${p.point.title}. ${p.point.options.map((o, k) => `Option ${k + 1}, ${o}: ${p.counts[k] ?? 0} of ${p.groups.length} groups`).join('; ')}.`;
  return { svg: svgDocument(WIDTH, height, title, desc, [axis(top, height - 12), ...rows]), width: WIDTH, height };
}

const rated = (v: number | null) => (v === null ? 'none given' : `${round(v)}`);
const gapWords = (g: RatingGap) => (g.gap === null ? 'no gap: a side gave no rating' : `gap ${g.gap > 0 ? '+' : ''}${round(g.gap)}`);

/** In the hindsight exercise: at each point, how foreseeable each side judged the outcome (0 to 100), and the gap. */
export function ratingsChartSvg(d: Debrief): DrawnFigure {
  const BAR = 18;
  const ROW = 2 * BAR + 26;
  const top = 44;
  const told = lookOf(0).colour;
  const notTold = lookOf(2).colour;
  const legend = [
    `<rect x="${BAR_LEFT}" y="8" width="16" height="16" fill="${told}"/>`,
    text(BAR_LEFT + 22, 21, 'Told the outcome first', `font-size="14" fill="${INK}"`),
    `<rect x="${BAR_LEFT + 210}" y="8" width="16" height="16" fill="${notTold}"/>`,
    text(BAR_LEFT + 232, 21, 'Not told', `font-size="14" fill="${INK}"`),
  ];
  const rows = d.points.map((p, i) => {
    const y = top + i * ROW;
    return [
      text(LABEL_WIDTH, y + BAR + 4, cut(`${p.number}. ${p.point.title}`), `text-anchor="end" font-size="14" fill="${INK}"`),
      text(LABEL_WIDTH, y + BAR + 22, gapWords(p.ratings), `text-anchor="end" font-size="13" fill="${QUIET}"`),
      bar(y, BAR, (p.ratings.told ?? 0) / 100, told, rated(p.ratings.told)),
      bar(y + BAR + 2, BAR, (p.ratings.notTold ?? 0) / 100, notTold, rated(p.ratings.notTold)),
    ].join('\n');
  });
  const bottom = top + d.points.length * ROW;
  const ticks = [0, 25, 50, 75, 100].map((v) => {
    const x = BAR_LEFT + (v / 100) * (BAR_RIGHT - BAR_LEFT);
    return `<path d="M${n(x)},${n(bottom)} v5" stroke="${QUIET}" stroke-width="1"/>\n${text(x, bottom + 20, String(v), `text-anchor="middle" font-size="13" fill="${INK}"`)}`;
  });
  const height = bottom + 32;
  const desc = `How foreseeable the outcome was, 0 to 100, as each side of the room judged it at each point. ${d.points
    .map((p) => `Point ${p.number}, ${p.point.title}: told the outcome ${rated(p.ratings.told)}, not told ${rated(p.ratings.notTold)}, ${gapWords(p.ratings)}`)
    .join('; ')}.`;
  return {
    svg: svgDocument(WIDTH, height, 'How foreseeable the outcome looked, told and not told', desc, [...legend, axis(top - 4, bottom), `<path d="M${BAR_LEFT},${n(bottom)} H${BAR_RIGHT}" stroke="${QUIET}" stroke-width="1"/>`, ...ticks, ...rows]),
    width: WIDTH,
    height,
  };
}
