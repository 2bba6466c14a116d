import { Resvg } from '@resvg/resvg-js';
import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildReport } from '../../shared/report/build.js';
import type { DrawnFigure } from '../../shared/report/figureTypes.js';
import { drawFigures } from '../../shared/report/figureSvgs.js';
import { svgLayers } from '../../shared/report/svgLayers.js';
import { demoWithReview } from '../helpers/demoReview.js';
import { xmlProblems } from '../helpers/xml.js';

const ROOT = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" font-size="13">';
const DEFS = '<defs><marker id="arrow" viewBox="0 0 10 10"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>';

/** What a layer draws: what follows the figure's opening tag and definitions, up to its closing tag. */
const drawnIn = (layer: string, head: string) => {
  expect(layer.startsWith(head)).toBe(true);
  expect(layer.endsWith('</svg>')).toBe(true);
  return layer.slice(head.length, -'</svg>'.length);
};

/** The picture resvg draws of an SVG at half its size, as RGBA pixels, on white or on nothing. */
const pixels = (svg: string, white: boolean) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 0.5 }, ...(white ? { background: '#ffffff' } : {}), font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' }, logLevel: 'off' }).render().pixels;

/** Layers drawn one over another on white, as a canvas draws them (source over). */
function stacked(layers: string[]): Uint8Array {
  const [first, ...rest] = layers.map((l, i) => pixels(l, i === 0));
  const out = Uint8Array.from(first!);
  for (const layer of rest) {
    for (let p = 0; p < out.length; p += 4) {
      const a = layer[p + 3]! / 255;
      for (let c = 0; c < 3; c++) out[p + c] = Math.round(layer[p + c]! + out[p + c]! * (1 - a));
    }
  }
  return out;
}

describe('a figure cut into layers to draw a part at a time', () => {
  let map: DrawnFigure;
  beforeAll(async () => {
    const { bundle, index, review } = demoWithReview();
    const doc = buildReport({ bundle, index, review, trail: { ...verifyBundle(bundle), depth: 'full' }, now: new Date('2026-12-01T12:00:00Z') });
    map = (await drawFigures(doc, new ELK())).get('systems-map')!;
  });

  it('gives each layer as a whole SVG with the figure’s size and definitions, and every element once, in order', () => {
    const elements = [
      '<rect x="0" y="0" width="200" height="100" fill="#ffffff"/>',
      // A `>` in an attribute value, and a group with elements inside it, stay whole.
      '<g><text x="10" y="20" data-note="a > b">Team &amp; SPO</text><path d="M0,0 L5,5" marker-end="url(#arrow)"/></g>',
      '<!-- a comment between elements -->',
      '<circle cx="50" cy="50" r="10"/>',
      '<g><g><text x="1" y="2"><tspan x="1" dy="14">Nested</tspan></text></g></g>',
    ];
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT}\n<title>A map</title>\n${DEFS}\n${elements.join('\n')}\n</svg>`;
    const layers = svgLayers(svg, 60);
    expect(layers.length).toBeGreaterThan(2);
    const head = `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT}${DEFS}`;
    for (const layer of layers) expect(xmlProblems(layer.replace(/^<\?xml[^>]*\?>\n/, '').replace(/<!--[\s\S]*?-->/g, ''))).toEqual([]);
    // Put back together, the layers hold what the figure holds, its definitions once at the top.
    const body = svg.slice(svg.indexOf('<title>'), svg.lastIndexOf('</svg>')).replace(DEFS, '');
    expect(layers.map((l) => drawnIn(l, head)).join('').trim()).toBe(body.trim());
  });

  it('leaves a figure smaller than a layer whole, and one it cannot read whole', () => {
    const small = `${ROOT}${DEFS}<rect x="0" y="0" width="10" height="10"/></svg>`;
    expect(svgLayers(small, 30_000)).toEqual([small]);
    const doctype = `<!DOCTYPE svg>${ROOT}<rect x="0" y="0" width="10" height="10"/><rect x="1" y="1" width="10" height="10"/></svg>`;
    expect(svgLayers(doctype, 10)).toEqual([doctype]);
    const unclosed = `${ROOT}<rect x="0" y="0" width="10" height="10"/><g><rect x="1" y="1" width="10" height="10"/>`;
    expect(svgLayers(unclosed, 10)).toEqual([unclosed]);
  });

  it('draws the systems map, layer over layer, as the same picture as the map drawn whole', () => {
    const layers = svgLayers(map.svg, Math.ceil(map.svg.length / 4));
    expect(layers.length).toBeGreaterThanOrEqual(4);
    const whole = pixels(map.svg, true);
    const parts = stacked(layers);
    expect(parts.length).toBe(whole.length);
    let worst = 0;
    for (let i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(whole[i]! - parts[i]!));
    // Edges drawn over white in steps may round a shade apart; nothing is missing, doubled or out of place.
    expect(worst).toBeLessThanOrEqual(2);
  });
});
