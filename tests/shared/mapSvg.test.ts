import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { informationFlow } from '../../shared/review/informationFlow.js';
import { acciMapRequest, drawAcciMap, drawInformationFlow, flowRequest, layOut, type DrawnMap } from '../../shared/review/mapLayout.js';
import { escapeXml, linkEnds, mapSvg } from '../../shared/review/mapSvg.js';
import { systemsMap } from '../../shared/review/systemsMap.js';
import { Review } from '../../shared/schemas/review.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';
import { elementTexts, xmlProblems } from '../helpers/xml.js';

const elk = new ELK();

/** Words that XML and HTML both treat specially, and characters XML cannot hold at all. */
const AWKWARD = 'Caseload <50> & "R&R" it\'s <script>alert(1)</script> \u0007bell';

async function awkwardMap(): Promise<DrawnMap> {
  const review = Review.parse({
    title: 'A & B',
    factors: [
      { id: 'F1', text: AWKWARD, level: 'team', pattern: 'resource-demand <mismatch>' },
      { id: 'F2', text: 'Nobody “owned” the referral — a long factor that runs well past the four lines a box can show on the map at all', level: 'environment' },
    ],
    episodes: [{ id: 'E1', title: 'Decision & recall', decisionAt: '2023-09-22T12:00', factors: ['F1'] }],
    findings: [{ id: 'N1', episode: 'E1', kind: 'problem', text: 'The officer’s view </text>', factors: ['F1', 'F2'] }],
  });
  const graph = systemsMap(review);
  return drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Review of X900417: contributory factors <AcciMap>');
}

describe('the map as SVG', () => {
  it('(the check of well-formedness finds what would stop a reader: it is not a check that cannot fail)', () => {
    expect(xmlProblems('<svg><g><text>a &amp; b</text></g></svg>')).toEqual([]);
    for (const bad of ['<svg><g></svg>', '<svg>a & b</svg>', '<svg><text x="<">a</text></svg>', '<svg/><svg/>', '<svg>\u0007</svg>', '<svg a="1" a="2"/>', '<svg><g></text></svg>']) {
      expect(xmlProblems(bad), bad).not.toEqual([]);
    }
  });

  it('is a well-formed XML document', async () => {
    const svg = mapSvg(await awkwardMap());
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('holds every box’s whole text, escaped, in its title, and its lines as drawn', async () => {
    const map = await awkwardMap();
    const svg = mapSvg(map);
    const titles = elementTexts(svg, 'title');
    expect(titles[0]).toBe('Review of X900417: contributory factors <AcciMap>');
    // The bell is a character XML cannot hold: it is left out, and the rest kept.
    for (const box of map.boxes) expect(titles, box.id).toContain(box.text.replace('\u0007', ''));
    expect(svg).toContain('Caseload &lt;50&gt; &amp; &quot;R&amp;R&quot; it&apos;s &lt;script&gt;');
    expect(svg).not.toContain('<script');
    const drawn = elementTexts(svg, 'tspan');
    for (const box of map.boxes) for (const line of box.lines) expect(drawn, box.id).toContain(line.replace('\u0007', ''));
    expect(map.boxes.find((b) => b.id === 'factor:F2')?.lines.at(-1)?.endsWith('…')).toBe(true);
    for (const band of map.bands) expect(drawn).toContain(band.lines[0]);
  });

  it('stands alone: no outside resources, no script, generic fonts only', async () => {
    for (const map of [await awkwardMap(), drawInformationFlow(informationFlow(demoCaseIndex().data), await layOut(flowRequest(informationFlow(demoCaseIndex().data)), elk), 'Flow')]) {
      const svg = mapSvg(map);
      expect(svg).not.toMatch(/href|<image|<script|@import|<foreignObject|url\((?!#)/i);
      expect([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1])).toEqual(['sans-serif']);
      expect(svg).toMatch(new RegExp(`width="${Math.round(map.width * 10) / 10}" height="${Math.round(map.height * 10) / 10}"`));
    }
  });

  it('draws every link, information that never arrived dashed and labelled', async () => {
    const flow = informationFlow(demoCaseIndex().data);
    const map = drawInformationFlow(flow, await layOut(flowRequest(flow), elk), 'How information moved');
    const svg = mapSvg(map);
    const paths = [...svg.matchAll(/<path [^>]*marker-end[^>]*>/g)].map((m) => m[0]);
    expect(paths).toHaveLength(map.edges.length);
    expect(paths.filter((p) => p.includes('stroke-dasharray'))).toHaveLength(map.edges.filter((e) => e.dashed).length);
    expect(elementTexts(svg, 'text')).toEqual(expect.arrayContaining(['Never arrived: 3 records', 'Shared: 2 records, 24 Jul 2023 to 4 Oct 2023']));
  });

  it('starts each link at the middle of its box’s side, moved along it by the link’s shift', () => {
    const from = { x: 10, y: 20, width: 200, height: 60 };
    const to = { x: 300, y: 200, width: 200, height: 60 };
    expect(linkEnds(from, to, { fromShift: 5, toShift: -5 }, 'DOWN')).toEqual({ sx: 115, sy: 80, tx: 395, ty: 200 });
    expect(linkEnds(from, to, { fromShift: 5, toShift: -5 }, 'RIGHT')).toEqual({ sx: 210, sy: 55, tx: 300, ty: 225 });
  });

  it('escapes the five XML characters and drops what XML forbids, keeping paired surrogates (emoji)', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\ufffed\ud800e 👍')).toBe('abcde 👍');
  });
});
