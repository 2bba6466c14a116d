import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { benchReview } from '../../scripts/bench-systems-map.js';
import { acciMapRequest, drawAcciMap, layOut, wrapLines, CHARS_PER_LINE, type DrawnMap } from '../../shared/review/mapLayout.js';
import { readReview } from '../../shared/review/readReview.js';
import { BAND_NAMES, MAP_BANDS, factorsByLevel, linksFrom, systemsMap } from '../../shared/review/systemsMap.js';
import { ACCIMAP_LEVEL_NAMES } from '../../shared/review/words.js';
import { ACCIMAP_LEVELS, Review, type ReviewInput } from '../../shared/schemas/review.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const elk = new ELK();

const demoRecords = new Set(demoCaseIndex().records.map((r) => r.id));

/** A review of the demo case, checked against its records as the command line checks one (REVIEW.md §1). */
function demoReview(): Review {
  const input: ReviewInput = {
    title: 'SFO review: X900417',
    factors: [
      { id: 'F1', text: 'Caseload over 50 for two months', level: 'team', seips: 'organisation', pattern: 'resource-demand mismatch' },
      { id: 'F2', text: 'Police call-outs to the partner’s address not flagged to MAPPA or probation', level: 'region', seips: 'external', pattern: 'information not shared' },
      { id: 'F3', text: 'nDelius does not alert the officer when partner information arrives', level: 'environment', seips: 'tools' },
      { id: 'F4', text: 'Officer newly qualified', level: 'practitioner', seips: 'person' },
    ],
    episodes: [
      { id: 'E1', title: 'Decision not to recall', decisionAt: '2023-09-22T12:00', appraisal: 'problematic', records: ['info:P-03'], factors: ['F1', 'F3'] },
      { id: 'E2', title: 'Home visit after the housing notice', decisionAt: '2023-09-12', appraisal: 'good' },
    ],
    findings: [
      { id: 'N1', episode: 'E1', kind: 'problem', text: 'The officer did not know of the police call-outs', evidence: ['info:P-02'], factors: ['F2', 'F3', 'F4'] },
      { id: 'N2', episode: 'E2', kind: 'good', text: 'A prompt home visit followed the notice' },
      { id: 'N3', kind: 'condition', text: 'Staffing in the team was at 61%', factors: ['F1'] },
    ],
  };
  const read = readReview(input, demoRecords);
  if (!read.ok) throw new Error(`${read.path}: ${read.message}`);
  return read.review;
}

const inside = (map: DrawnMap, id: string) => {
  const box = map.boxes.find((b) => b.id === id)!;
  const band = map.bands.find((b) => b.id === box.band)!;
  return box.y >= band.y && box.y + box.height <= band.y + band.height;
};

/** Every box lies within its own band, and no two boxes overlap. */
function expectTidy(map: DrawnMap) {
  expect(map.boxes.filter((b) => !inside(map, b.id)).map((b) => b.id), 'boxes outside their band').toEqual([]);
  const overlapping = map.boxes.flatMap((a, i) =>
    map.boxes.slice(i + 1).filter((b) => !(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y)).map((b) => `${a.id} and ${b.id}`),
  );
  expect(overlapping, 'boxes that overlap').toEqual([]);
}

describe('the systems map: bands', () => {
  it('runs from government down to the work environment, then the findings and the episodes they are about', () => {
    expect(MAP_BANDS).toEqual([...ACCIMAP_LEVELS, 'findings', 'episodes']);
    expect(ACCIMAP_LEVELS.map((l) => ACCIMAP_LEVEL_NAMES[l])).toEqual([
      'Government',
      'Inspectorate',
      'National policy (HMPPS)',
      'Region or PDU',
      'Team or SPO',
      'Practitioner',
      'Work environment: systems, IT, buildings',
    ]);
    expect(BAND_NAMES.findings).toBe('Findings');
    expect(BAND_NAMES.episodes).toBe('Key practice episodes');
  });
});

describe('the systems map: the graph of a review', () => {
  it('puts each factor in its level’s band, and the findings and episodes in theirs', () => {
    const graph = systemsMap(demoReview());
    expect(graph.nodes.map((n) => [n.id, n.band])).toEqual([
      ['factor:F1', 'team'],
      ['factor:F2', 'region'],
      ['factor:F3', 'environment'],
      ['factor:F4', 'practitioner'],
      ['finding:N1', 'findings'],
      ['finding:N2', 'findings'],
      ['finding:N3', 'findings'],
      ['episode:E1', 'episodes'],
      ['episode:E2', 'episodes'],
    ]);
  });

  it('links each factor to the episodes and findings that name it, and each finding to its episode', () => {
    const graph = systemsMap(demoReview());
    expect(graph.edges.map((e) => `${e.from} → ${e.to}`)).toEqual([
      'factor:F1 → episode:E1',
      'factor:F3 → episode:E1',
      'factor:F2 → finding:N1',
      'factor:F3 → finding:N1',
      'factor:F4 → finding:N1',
      'finding:N1 → episode:E1',
      'finding:N2 → episode:E2',
      'factor:F1 → finding:N3',
    ]);
    const links = linksFrom(graph);
    expect(links.get('factor:F3')?.map((n) => n.id)).toEqual(['episode:E1', 'finding:N1']);
    expect(links.get('factor:F4')?.map((n) => n.text)).toEqual(['The officer did not know of the police call-outs']);
  });

  it('says in each box what a reader needs: the SEIPS element and pattern, the decision and appraisal, the kind of finding', () => {
    const byId = new Map(systemsMap(demoReview()).nodes.map((n) => [n.id, n]));
    expect(byId.get('factor:F1')?.detail).toBe('Organisation · resource-demand mismatch');
    expect(byId.get('episode:E1')?.detail).toBe('22 Sep 2023, 12:00 · Problematic');
    // A date alone is a date, never midnight.
    expect(byId.get('episode:E2')?.detail).toBe('12 Sep 2023 · Good practice');
    expect(byId.get('finding:N3')?.detail).toBe('Condition');
  });

  it('lists all seven levels for the list view, those without factors included', () => {
    const levels = factorsByLevel(systemsMap(demoReview()));
    expect(levels.map((l) => [l.level, l.factors.map((f) => f.ref)])).toEqual([
      ['government', []],
      ['inspectorate', []],
      ['national', []],
      ['region', ['F2']],
      ['team', ['F1']],
      ['practitioner', ['F4']],
      ['environment', ['F3']],
    ]);
  });

  it('keeps a factor, an episode and a finding apart when the review gives them the same id', () => {
    const graph = systemsMap(
      Review.parse({
        title: 't',
        factors: [{ id: 'X', text: 'A factor', level: 'team' }],
        episodes: [{ id: 'X', title: 'An episode', decisionAt: '2023-01-01', factors: ['X'] }],
        findings: [{ id: 'X', kind: 'problem', text: 'A finding', episode: 'X', factors: ['X'] }],
      }),
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(['factor:X', 'finding:X', 'episode:X']);
    expect(graph.edges.map((e) => e.id)).toEqual(['factor:X->episode:X', 'factor:X->finding:X', 'finding:X->episode:X']);
  });

  it('draws a link once when the review names it twice, and leaves out a link to something the review does not hold', () => {
    const graph = systemsMap(
      Review.parse({
        title: 't',
        factors: [{ id: 'F1', text: 'A factor', level: 'team' }],
        episodes: [{ id: 'E1', title: 'An episode', decisionAt: '2023-09-12', factors: ['F1', 'F1', 'F9'] }],
        findings: [{ id: 'N1', kind: 'problem', text: '  ', episode: 'E9' }],
      }),
    );
    expect(graph.edges.map((e) => e.id)).toEqual(['factor:F1->episode:E1']);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('finding:N1')?.text).toBe('No text yet');
    expect(byId.get('episode:E1')?.detail).toBe('12 Sep 2023 · Not appraised yet');
  });
});

describe('the systems map: box text', () => {
  it('wraps words onto lines no longer than a box holds, and ends what does not fit with an ellipsis', () => {
    expect(wrapLines('Caseload over 50 for two months')).toEqual(['Caseload over 50 for two', 'months']);
    const long = wrapLines('word '.repeat(60));
    expect(long).toHaveLength(4);
    expect(long.every((l) => l.length <= CHARS_PER_LINE)).toBe(true);
    expect(long[3]?.endsWith('…')).toBe(true);
    expect(wrapLines('https://example.org/a-very-long-address-with-no-spaces-at-all')).toEqual(['https://example.org/a-very-l', 'ong-address-with-no-spaces-a', 't-all']);
    expect(wrapLines('')).toEqual(['']);
  });
});

describe('the systems map: layout (elk, as the map’s worker runs it)', () => {
  it('keeps every box inside its own band, bands in order and touching, and no two boxes overlapping', async () => {
    const graph = systemsMap(demoReview());
    const map = drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Map');
    expect(map.bands.map((b) => b.id)).toEqual([...MAP_BANDS]);
    map.bands.forEach((b, i) => expect(b.y).toBe(i === 0 ? 0 : map.bands[i - 1]!.y + map.bands[i - 1]!.height));
    expect(map.height).toBe(map.bands.at(-1)!.y + map.bands.at(-1)!.height);
    expectTidy(map);
    for (const b of map.boxes) expect(b.x + b.width).toBeLessThanOrEqual(map.width);
  });

  it('gives an empty level a band of its own, to drop a factor into', async () => {
    const graph = systemsMap(demoReview());
    const map = drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Map');
    const government = map.bands.find((b) => b.id === 'government')!;
    expect(map.boxes.some((b) => b.band === 'government')).toBe(false);
    expect(government.height).toBeGreaterThan(40);
  });

  it('draws a factor moved to another level in that level’s band, at once with the last layout and after the next', async () => {
    const review = demoReview();
    const before = systemsMap(review);
    const positions = await layOut(acciMapRequest(before), elk);
    const moved = systemsMap({ ...review, factors: review.factors.map((f) => (f.id === 'F4' ? { ...f, level: 'inspectorate' as const } : f)) });
    for (const map of [drawAcciMap(moved, positions, 'Map'), drawAcciMap(moved, await layOut(acciMapRequest(moved), elk), 'Map')]) {
      expect(map.boxes.find((b) => b.id === 'factor:F4')?.band).toBe('inspectorate');
      expectTidy(map);
    }
  });

  it('asks for no new layout when a factor moves to another level: it moves straight up or down, and nothing else moves', async () => {
    const review = demoReview();
    const moved = systemsMap({ ...review, factors: review.factors.map((f) => (f.id === 'F1' ? { ...f, level: 'government' as const } : f)) });
    expect(acciMapRequest(moved)).toEqual(acciMapRequest(systemsMap(review)));
    const positions = await layOut(acciMapRequest(moved), elk);
    const [a, b] = [drawAcciMap(systemsMap(review), positions, 'Map'), drawAcciMap(moved, positions, 'Map')];
    const place = (map: DrawnMap) => new Map(map.boxes.map((box) => [box.id, [box.x, box.y - map.bands.find((band) => band.id === box.band)!.y]]));
    const [before, after] = [place(a), place(b)];
    // Within its band, every box is where it was; the moved factor too (unless its new band had a box in its way).
    expect(after.get('factor:F1')).toEqual(before.get('factor:F1'));
    expect(b.boxes.find((box) => box.id === 'factor:F1')?.band).toBe('government');
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
  });

  it('wraps a band with more boxes than a row holds, and still keeps every box in its band (300 boxes)', async () => {
    const graph = systemsMap(benchReview());
    expect(graph.nodes).toHaveLength(300);
    const map = drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Map');
    expectTidy(map);
    const findings = map.boxes.filter((b) => b.band === 'findings');
    expect(new Set(findings.map((b) => b.y)).size).toBeGreaterThan(1);
    // Near the screen's shape, not one strip 200 boxes long.
    expect(map.width).toBeLessThan(3 * map.height);
  });

  it('fans the links out along a box’s side, in the order of the boxes at their other ends', async () => {
    const graph = systemsMap(demoReview());
    const map = drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Map');
    const into = map.edges.filter((e) => e.to === 'finding:N1');
    expect(into).toHaveLength(3);
    const x = (id: string) => map.boxes.find((b) => b.id === id)!.x;
    const shifts = [...into].sort((a, b) => x(a.from) - x(b.from)).map((e) => e.toShift);
    expect(shifts).toEqual([...shifts].sort((a, b) => a - b));
    expect(new Set(shifts).size).toBe(3);
  });
});
