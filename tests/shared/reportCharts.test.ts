import { Resvg } from '@resvg/resvg-js';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../cli/rasterise.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildReport } from '../../shared/report/build.js';
import { staffingChartSvg, workloadChartSvg } from '../../shared/report/charts.js';
import type { StaffingChart, WorkloadChart } from '../../shared/report/document.js';
import type { DrawnFigure } from '../../shared/report/figureTypes.js';
import { drawFigures } from '../../shared/report/figureSvgs.js';
import { staffingChart, workloadChart } from '../../shared/report/figures.js';
import { addDaysToDate } from '../../shared/time/calendar.js';
import { demoWithReview } from '../helpers/demoReview.js';
import { elementTexts, xmlProblems } from '../helpers/xml.js';

const demo = demoWithReview();
const demoWorkload = workloadChart(demo.index, demo.review);
const demoStaffing = staffingChart(demo.index, demo.review);

/** Every <text> drawn, with where it is. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), bold: m[3]!.includes('font-weight="bold"'), text: elementTexts(m[0], 'text')[0] as string }));
const words = (svg: string) => texts(svg).map((t) => t.text);
/** The excessive runs' shading: rectangles filled light red across the plot. */
const shadedBands = (svg: string) => [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="#d4351c" fill-opacity="[\d.]+"\/>/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
/** A line's drawn stretches: paths from one snapshot to the next (legend samples are drawn across, with H). */
const lineStretches = (svg: string, colour: string) => [...svg.matchAll(new RegExp(`<path d="M[^"]* L[^"]*" fill="none" stroke="${colour}"`, 'g'))];
const pointsEvery = (from: string, count: number, days: number, pct: (i: number) => number) => Array.from({ length: count }, (_, i) => ({ date: addDaysToDate(from, i * days), pct: pct(i) }));

function workload(over: Partial<WorkloadChart>): WorkloadChart {
  return { id: 'workload', from: '2023-01-01', to: '2023-06-30', lines: [], excessive: [], decisions: [], offence: null, threshold: 110, ...over };
}

function expectStandalone(figure: DrawnFigure) {
  expect(xmlProblems(figure.svg)).toEqual([]);
  // resvg reads it as SVG, at the size it says it is.
  const read = new Resvg(figure.svg);
  expect([read.width, read.height]).toEqual([figure.width, Math.round(figure.height * 10) / 10]);
  expect(figure.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="[\d.]+" viewBox="0 0 [\d.]+ [\d.]+" role="img" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif"/);
  expect(elementTexts(figure.svg, 'title')).toHaveLength(1);
  expect(elementTexts(figure.svg, 'desc')[0]?.length).toBeGreaterThan(40);
  // The app's content security policy may refuse inline styles; nothing outside the file is needed to draw it.
  expect(figure.svg).not.toMatch(/style[=>\s]|href|<image|<script|<foreignObject|url\(/i);
  // Text is black or dark grey on white (the status names inside coloured bands aside: white on red and green).
  for (const m of figure.svg.matchAll(/<text [^>]*fill="([^"]+)"[^>]*>([^<]*)</g)) {
    expect(['#0b0c0c', '#505a5f', '#ffffff'], m[2]).toContain(m[1]);
    if (m[1] === '#ffffff') expect(['Red', 'Green', 'RED', 'green'], 'white text is only a status in its band').toContain(m[2]);
  }
}

describe('the workload chart', () => {
  const figure = workloadChartSvg(demoWorkload);
  const svg = figure.svg;

  it('is a standalone, well-formed SVG that resvg reads, titled and described for screen readers', () => {
    expectStandalone(figure);
    expect(elementTexts(svg, 'title')).toEqual(['Capacity over the case']);
    const desc = elementTexts(svg, 'desc')[0] as string;
    for (const line of demoWorkload.lines) expect(desc).toContain(line.officer);
    expect(desc).toContain('Further offence on 12 Nov 2023');
    expect(desc).toContain('E1 on 22 Sep 2023');
  });

  it('draws the 110% line, labelled, and names it in the legend', () => {
    expect(words(svg)).toEqual(expect.arrayContaining(['110%', '110% of capacity']));
    expect(svg).toMatch(/<path d="M60,[\d.]+ H704" fill="none" stroke="#d4351c" stroke-width="2" stroke-dasharray="7 4"\/>/);
  });

  it('shades each excessive run in the demo over its dates, names its officer, and explains the shading in the legend', () => {
    expect(demoWorkload.excessive.length).toBeGreaterThanOrEqual(2);
    const bands = shadedBands(svg);
    expect(bands).toHaveLength(demoWorkload.excessive.length);
    // In date order along the axis: the later run is drawn further right, and the longer run wider.
    const byFrom = demoWorkload.excessive.map((e, i) => ({ e, band: bands[i]! })).sort((a, b) => a.e.from.localeCompare(b.e.from));
    expect(byFrom[0]!.band.x).toBeLessThan(byFrom[1]!.band.x);
    for (const e of demoWorkload.excessive) expect(words(svg)).toContain(e.officer);
    expect(words(svg)).toContain('Excessive workload (over 110% for 4 weeks or more)');
  });

  it('marks each decision with its episode number, and the further offence', () => {
    expect(demoWorkload.decisions.map((d) => d.label)).toEqual(['E1', 'E2']);
    for (const d of demoWorkload.decisions) expect(words(svg)).toContain(d.label);
    expect(words(svg).filter((w) => w === 'Further offence')).toHaveLength(2); // on the chart and in the legend
    expect(words(svg)).toContain('Decision (episode number)');
  });

  it('names each officer in the legend, each line with its own dash and marker as well as its colour', () => {
    for (const line of demoWorkload.lines) expect(words(svg)).toContain(line.officer);
    const samples = [...svg.matchAll(/<path d="M[\d.]+,[\d.]+ H[\d.]+" fill="none" stroke="(#[0-9a-f]+)" stroke-width="2.2"( stroke-dasharray="[^"]+")?\/>\n(<\w+)/g)];
    expect(samples).toHaveLength(demoWorkload.lines.length);
    expect(new Set(samples.map((s) => s[1])).size).toBe(samples.length);
    expect(new Set(samples.map((s) => s[2] ?? 'solid')).size).toBe(samples.length);
    // The demo's three officers: a circle, a square and a triangle.
    expect(samples.map((s) => s[3])).toEqual(['<circle', '<rect', '<path']);
  });

  it('labels the months along the time axis in UK form', () => {
    expect(words(svg)).toEqual(expect.arrayContaining(['Jan 2023', 'Jul 2023']));
    expect(words(svg).join(' ')).not.toMatch(/\d{4}-\d{2}/);
  });

  it('staggers the labels of decisions close together so none overlaps another', () => {
    const close = workloadChartSvg(workload({ decisions: ['E1', 'E2', 'E3', 'E10'].map((label, i) => ({ label, date: addDaysToDate('2023-05-01', i) })), offence: '2023-05-05' })).svg;
    // The marks' labels are bold; the legend's words are not.
    const labels = texts(close).filter((t) => t.bold && /^E\d+$|^Further offence$/.test(t.text));
    expect(labels).toHaveLength(5);
    expect(new Set(labels.map((l) => l.y)).size).toBe(5);
    // Decisions far apart share a row.
    const apart = texts(workloadChartSvg(workload({ decisions: [{ label: 'E1', date: '2023-02-01' }, { label: 'E2', date: '2023-05-01' }] })).svg).filter((t) => /^E\d$/.test(t.text));
    expect(new Set(apart.map((l) => l.y)).size).toBe(1);
  });

  it('breaks a line where two snapshots are more than 8 days apart, and joins a weekend', () => {
    const weekdays = pointsEvery('2023-01-02', 5, 1, () => 100).concat(pointsEvery('2023-01-09', 5, 1, () => 101));
    const later = pointsEvery('2023-02-01', 5, 1, () => 102);
    const svg = workloadChartSvg(workload({ lines: [{ officer: 'A. Officer', points: [...weekdays, ...later] }] })).svg;
    expect(lineStretches(svg, '#1d70b8')).toHaveLength(2);
  });

  it('draws a single snapshot as a marker, with no line', () => {
    const svg = workloadChartSvg(workload({ lines: [{ officer: 'A. Officer', points: [{ date: '2023-03-01', pct: 90 }] }] })).svg;
    expect(lineStretches(svg, '#1d70b8')).toHaveLength(0);
    expect(svg.match(/<circle [^>]*fill="#1d70b8"/g)).toHaveLength(2); // the point, and the legend's sample
  });

  it('fits values over 200% on the axis, and says when there are no decisions, snapshots or offence to show', () => {
    const high = workloadChartSvg(workload({ lines: [{ officer: 'A. Officer', points: pointsEvery('2023-01-02', 30, 1, (i) => 150 + i * 4) }] })).svg;
    expect(words(high)).toContain('250%');
    const plotTop = Math.min(...texts(high).filter((t) => t.text.endsWith('%') && /^\d+%$/.test(t.text)).map((t) => t.y - 4));
    const markerTops = [...high.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...markerTops)).toBeGreaterThan(plotTop);
    expect(words(high)).not.toContain('Decision (episode number)');
    expect(words(high)).not.toContain('Further offence');
    expect(words(high)).not.toContain('Excessive workload (over 110% for 4 weeks or more)');
    const empty = workloadChartSvg(workload({ from: '2023-01-01', to: '2023-01-01' }));
    expectStandalone(empty);
    expect(words(empty.svg)).toEqual(expect.arrayContaining(['No workload snapshots in this span', '31 Dec 2022', '2 Jan 2023']));
  });

  it('keeps names that XML treats specially as text, escaped', () => {
    const awkward = workloadChartSvg(
      workload({ lines: [{ officer: 'O’Brien <R&R> "Cover" \u0007', points: pointsEvery('2023-01-02', 3, 1, () => 120) }], excessive: [{ officer: 'O’Brien <R&R> "Cover" \u0007', from: '2023-01-02', to: '2023-01-04' }] }),
    );
    expectStandalone(awkward);
    expect(words(awkward.svg)).toContain('O’Brien <R&R> "Cover" ');
  });
});

describe('the staffing chart', () => {
  const figure = staffingChartSvg(demoStaffing);
  const svg = figure.svg;

  it('is a standalone, well-formed SVG that resvg reads, titled and described', () => {
    expectStandalone(figure);
    expect(elementTexts(svg, 'title')).toEqual(['Team staffing over the case']);
    expect(elementTexts(svg, 'desc')[0]).toContain('Red from');
  });

  it('names each team and shows each status it recorded, named in its band and in the legend', () => {
    expect(demoStaffing.teams.length).toBeGreaterThan(0);
    for (const team of demoStaffing.teams) {
      expect(words(svg)).toContain(team.team);
      expect(words(svg)).toContain(`Delivery status recorded for ${team.team}`);
      for (const status of new Set(team.points.map((p) => p.status))) {
        expect(words(svg)).toContain(status);
        expect(words(svg)).toContain(`Delivery status: ${status}`);
      }
    }
    expect(words(svg)).toEqual(expect.arrayContaining(['100%', '100% of target staffing', 'E1', 'E2', 'Further offence']));
  });

  it('shows each status as recorded, never read into Red, Amber or Green, and says where none was recorded', () => {
    const chart: StaffingChart = {
      id: 'staffing',
      from: '2023-06-01',
      to: '2023-08-31',
      teams: [
        { team: 'Team A', points: [{ date: '2023-06-05', pct: 80, status: 'amber' }, { date: '2023-06-12', pct: 80, status: 'Not rated' }, { date: '2023-06-19', pct: 80, status: null }] },
        { team: 'Team B', points: [{ date: '2023-07-03', pct: 240, status: 'Green' }] },
      ],
      decisions: [],
      offence: null,
    };
    const drawn = staffingChartSvg(chart);
    expectStandalone(drawn);
    expect(words(drawn.svg)).toEqual(expect.arrayContaining(['Delivery status: amber', 'Delivery status: Not rated', 'Delivery status: Green', 'No delivery status recorded', 'Team A', 'Team B', '250%']));
    expect(words(drawn.svg)).not.toContain('Delivery status: Amber');
  });
});

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(png.slice(12, 16))).toBe('IHDR');
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the figures of the document', () => {
  const doc = buildReport({ ...demo, trail: { ...verifyBundle(demo.bundle), depth: 'full' }, now: new Date('2026-12-01T10:00:00Z') });

  it('draws every figure of the demo document, by its id', async () => {
    const figures = await drawFigures(doc, new ELK());
    expect([...figures.keys()]).toEqual(['workload', 'staffing', 'systems-map']);
    for (const figure of figures.values()) expect(xmlProblems(figure.svg)).toEqual([]);
    const map = figures.get('systems-map')!;
    expect(elementTexts(map.svg, 'title')[0]).toBe('SFO review: X900417: Contributory factors (AcciMap)');
    expect(map.svg).toContain(`width="${Math.round(map.width * 10) / 10}" height="${Math.round(map.height * 10) / 10}"`);
  });

  it('leaves out a figure that cannot be drawn rather than drawing it blank', async () => {
    const failing = { layout: () => Promise.reject(new Error('out of memory')) };
    expect([...(await drawFigures(doc, failing)).keys()]).toEqual(['workload', 'staffing']);
  });

  it('turns a figure into a PNG at the scale asked for, in Node', async () => {
    const figure = workloadChartSvg(demoWorkload);
    const { width, height } = pngSize(await rasterise(figure, 2));
    expect(width).toBe(figure.width * 2);
    expect(height).toBe(Math.round(figure.height * 2));
  });
});
