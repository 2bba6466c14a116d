import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildReport } from '../../shared/report/build.js';
import { MARK_WORDS, runsText, type Block, type ReportDocument } from '../../shared/report/document.js';
import { documentBody, documentHtml, documentPieces, pieceCount, pieceMarkup, type FigureSvg } from '../../shared/report/html.js';
import { REPORT_CSS } from '../../shared/report/reportCss.js';
import { acciMapRequest, drawAcciMap, layOut } from '../../shared/review/mapLayout.js';
import { mapSvg } from '../../shared/review/mapSvg.js';
import { DEMO_REVIEW, demoWithReview } from '../helpers/demoReview.js';
import { xmlProblems } from '../helpers/xml.js';

/** Words a reviewer may well write, which HTML treats as markup. */
const HOSTILE = 'He said <script>alert("x")</script> & left; see <img src="https://evil.example/x.png"> at R&R';

/** A chart as the figure writer draws one: its own <title>, a marker with an id, and a url(#…) to it. */
const chartSvg = (label: string): FigureSvg => ({
  width: 600,
  height: 240,
  svg: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240" viewBox="0 0 600 240" role="img"><title>${label}</title><defs><marker id="end" viewBox="0 0 10 10" refX="5" refY="5"><circle cx="5" cy="5" r="5"/></marker></defs><path d="M0,0 L600,240" stroke="#0b0c0c" marker-end="url(#end)"/></svg>`,
});

let doc: ReportDocument;
let svgs: Map<string, FigureSvg>;
let html: string;
let body: string;

beforeAll(async () => {
  const { bundle, index, review } = demoWithReview({ ...DEMO_REVIEW, judgement: { allReasonableSteps: 'partly', rationale: HOSTILE } });
  const hostileCase = { ...bundle, case: { ...bundle.case, title: 'Daniel "Dan" Marsh & <family>' } };
  doc = buildReport({ bundle: hostileCase, index, review, trail: { ...verifyBundle(bundle), depth: 'full' }, now: new Date('2026-12-01T12:00:00Z') });
  svgs = new Map();
  for (const b of doc.blocks) {
    if (b.kind !== 'figure') continue;
    if (b.figure.type === 'systemsMap') {
      const drawn = drawAcciMap(b.figure.graph, await layOut(acciMapRequest(b.figure.graph), new ELK()), 'Systems map');
      svgs.set(b.figure.id, { svg: mapSvg(drawn), width: drawn.width, height: drawn.height });
    } else svgs.set(b.figure.id, chartSvg(b.caption));
  }
  html = documentHtml(doc, svgs);
  body = documentBody(doc, svgs);
});

const unescape = (t: string) => t.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every start tag in the markup, with its attributes. Text is escaped, so each `<` that is not `</` or `<!` opens one. */
function tags(markup: string): { name: string; attributes: [string, string][] }[] {
  return [...markup.matchAll(/<([A-Za-z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a) => [(a[1] ?? '').toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']),
  }));
}

/**
 * Everything in a page that would make a browser fetch something, or run something. The page's own words may say
 * anything (`https://…`, `<img src=…>` as text), so text is not searched; markup, attribute values and the CSS are.
 */
function externalReferences(page: string): string[] {
  const found: string[] = [];
  const FETCHING = new Set(['link', 'script', 'img', 'iframe', 'frame', 'object', 'embed', 'base', 'audio', 'video', 'source', 'track', 'picture', 'image', 'use', 'feimage', 'foreignobject', 'form', 'input']);
  for (const tag of tags(page)) {
    if (FETCHING.has(tag.name)) found.push(`<${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // a namespace's name, never fetched
      if (['src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'ping', 'style'].includes(name) || name.startsWith('on')) found.push(`${name}= on <${tag.name}>`);
      if ((name === 'href' || name === 'xlink:href') && !value.startsWith('#')) found.push(`${name}="${value}"`);
      if (/url\((?!\s*['"]?#)/i.test(value) || /^\s*(?:https?|file|ftp|data|javascript):|\/\//i.test(value)) found.push(`${name}="${value}"`);
    }
  }
  for (const css of page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    if (/url\(|@import|https?:|file:/i.test(css[1] ?? '')) found.push('a reference in the CSS');
  }
  // The same as a plain search over the markup once the text between tags and the namespaces are taken out.
  const markup = page.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '<style></style>').replace(/>[^<]*</g, '><').replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
  for (const m of markup.matchAll(/\ssrc\s*=|<link\b|url\((?!#)|https?:|file:|@import/gi)) found.push(`"${m[0]}" in the markup`);
  return found;
}

describe('the review as one HTML file', () => {
  it('(the check for outside references finds them: it is not a check that cannot fail)', () => {
    expect(externalReferences('<p>see https://gov.uk and &lt;img src="https://x"&gt;</p><svg xmlns="http://www.w3.org/2000/svg"><path marker-end="url(#a)"/></svg>')).toEqual([]);
    for (const bad of [
      '<link rel="stylesheet" href="x.css" />',
      '<img src="data:image/png;base64,AAAA" />',
      '<a href="https://example.org/">x</a>',
      '<svg><image href="pic.png"/></svg>',
      '<style>.a { background: url(x.png) }</style>',
      '<style>@import "x.css";</style>',
      '<svg><path fill="url(https://example.org/p.svg#g)"/></svg>',
      '<p style="color: red">x</p>',
      '<script>1</script>',
    ]) expect(externalReferences(bad), bad).not.toEqual([]);
    // A figure drawn with an outside picture in it would be found in the written file too.
    const withPicture = new Map([...svgs].map(([id, s]) => [id, { ...s, svg: s.svg.replace('</svg>', '<image href="https://example.org/p.png" width="10" height="10"/></svg>') }]));
    expect(externalReferences(documentHtml(doc, withPicture))).not.toEqual([]);
  });

  it('refers to nothing outside itself: no links, scripts, images, fonts or style sheets to fetch', () => {
    expect(externalReferences(html)).toEqual([]);
    // The review's own words, which name an image and a web address, are there as words.
    expect(html).toContain('see &lt;img src=&quot;https://evil.example/x.png&quot;&gt; at R&amp;R');
  });

  it('is a complete HTML document in British English, with its CSS inline and the same body as the print view', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8" />')).toBe(true);
    expect(html).toContain(`<title>${'SFO review: X900417'}</title>`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).toContain(`<body class="report-page">\n${body}\n</body>`);
    expect(REPORT_CSS).toContain('@page { size: A4; margin: 2cm; }');
    expect(REPORT_CSS).toMatch(/@media print \{[\s\S]*\.report h1\.report-part \{ break-before: page;/);
    // Every tag is closed, in order; the figures' SVG inside it included.
    expect(xmlProblems(body)).toEqual([]);
  });

  it('escapes every text: a reviewer’s <script> and & are words on the page, and the case’s quotes too', () => {
    expect(html).not.toMatch(/<script/i);
    expect(tags(html).map((t) => t.name)).not.toContain('img');
    expect(body).toContain('He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left;');
    expect(body).toContain('<dt>Case</dt><dd>Daniel &quot;Dan&quot; Marsh &amp; &lt;family&gt;</dd>');
    expect(unescape(body)).toContain(HOSTILE);
  });

  it('has the title page first, with its marks, then every heading of the document, in order, as h1, h2 and h3', () => {
    const expected = [
      [1, doc.title],
      ...doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.level, b.text]] : b.kind === 'contents' ? [[1, 'Contents']] : [])),
    ];
    const found = [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => [Number(m[1]), unescape(m[2] ?? '')]);
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(30);
    const titlePage = body.slice(0, body.indexOf('</header>'));
    expect(titlePage).toContain(`<li class="report-mark">${MARK_WORDS.synthetic}</li>`);
    expect(titlePage).toContain('<dt>CRN</dt><dd>X900417</dd>');
    expect(titlePage).toContain('<dt>Written</dt><dd>1 Dec 2026</dd>');
    // Each part of the document starts a page when printed; the title page's own heading does not.
    expect(body.match(/<h1 class="report-part"/g)?.length).toBe(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length + 1);
  });

  it('has a contents list whose every link leads to a heading on the page, and ids that are each used once', () => {
    const nav = /<nav class="report-contents"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
    const links = [...nav.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ id: m[1] ?? '', text: unescape(m[2] ?? '') }));
    expect(links.map((l) => l.text)).toEqual(doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level < 3 ? [b.text] : [])));
    for (const link of links) expect(body, link.id).toMatch(new RegExp(`<h[12]( class="report-part")? id="${link.id}">`));
    const ids = [...body.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes anchors into ids that are safe in HTML and unique, whatever the anchors were', () => {
    const h = (anchor: string): Block => ({ kind: 'heading', level: 2, text: 'A part', anchor });
    const small: ReportDocument = { ...doc, blocks: [{ kind: 'contents' }, h('part'), h('part'), h('"><script>x</script>'), h('report-contents'), h(''), h('9 lives')] };
    const out = documentBody(small, new Map());
    const ids = [...out.matchAll(/<h2 id="([^"]*)">/g)].map((m) => m[1] ?? '');
    expect(ids).toHaveLength(6);
    expect(new Set([...ids, 'report-contents']).size).toBe(7);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(out).not.toContain('<script');
  });

  it('sets tables with a caption, a header row of column headers, and each row’s cells', () => {
    const tables = doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    const written = [...body.matchAll(/<table class="report-table">([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? '');
    expect(written).toHaveLength(tables.length);
    tables.forEach((t, i) => {
      const w = written[i]!;
      expect(unescape(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(w)?.[1] ?? ''), t.caption).toBe(t.caption);
      const head = /<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(w)?.[1] ?? '';
      expect([...head.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => unescape(m[1] ?? ''))).toEqual(t.columns.map((c) => c.label));
      const rows = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(w)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<br \/>/g, '\n')).map(unescape));
      expect(rows).toEqual(t.rows.map((r) => t.columns.map((_, j) => r[j] ?? '')));
    });
    expect(body).not.toMatch(/<th(?=[\s>])(?! scope="col")/);
  });

  it('comes to the print view as the same body in pieces: one for the title page and each block, a table’s rows apart from it', () => {
    const pieces = [...documentPieces(doc, svgs)];
    expect(pieces).toHaveLength(pieceCount(doc));
    expect(`<article class="report" lang="en-GB">\n${pieces.map(pieceMarkup).join('\n')}\n</article>`).toBe(body);
    const tables = pieces.filter((p) => typeof p !== 'string');
    expect(tables).toHaveLength(doc.blocks.filter((b) => b.kind === 'table').length);
    for (const t of tables) {
      // The table alone is a whole table with an empty body, for its rows to go into.
      expect(t.head + t.foot).toMatch(/^<table [\s\S]*<tbody>\n\n<\/tbody>\n<\/table>$/);
      expect(xmlProblems(t.head + t.foot)).toEqual([]);
      for (const row of t.rows) expect(row).toMatch(/^<tr>(<td>[^\n]*?<\/td>)+<\/tr>$/);
    }
  });

  it('draws each figure inline as an SVG image named by its alt text, under "Figure N:" and its caption', () => {
    const figures = doc.blocks.filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
    expect(figures.map((f) => f.figure.type)).toEqual(['workload', 'staffing', 'systemsMap']);
    const written = [...body.matchAll(/<figure class="report-figure">([\s\S]*?)<\/figure>/g)].map((m) => m[1] ?? '');
    expect(written).toHaveLength(3);
    figures.forEach((f, i) => {
      const w = written[i]!;
      expect(w).toContain(`<figcaption>Figure ${i + 1}: ${f.caption}</figcaption>`);
      const svg = tags(w).find((t) => t.name === 'svg')!;
      const attribute = (name: string) => svg.attributes.find(([n]) => n === name)?.[1];
      expect(attribute('role')).toBe('img');
      expect(svg.attributes.filter(([n]) => n === 'role')).toHaveLength(1);
      expect(w).toContain(`<title id="${attribute('aria-labelledby')}">${f.alt.replace(/'/g, '&apos;')}</title>`);
      // The figure's own title is replaced, not doubled.
      expect(w.match(/<title\b/g)?.length).toBe(f.figure.type === 'systemsMap' ? 1 + (w.match(/<g><title>/g)?.length ?? 0) : 1);
    });
    // Two charts each with a marker called "end": each figure's references reach its own.
    for (const m of body.matchAll(/url\(#([^)]+)\)/g)) expect(body).toContain(`id="${m[1]}"`);
    expect(body).toContain('id="report-figure-1-end"');
    expect(body).toContain('id="report-figure-2-end"');
  });

  it('says in words what a figure shows when it could not be drawn', () => {
    const out = documentBody(doc, new Map());
    const alt = doc.blocks.find((b) => b.kind === 'figure')!;
    expect(out).toContain('<figcaption>Figure 1: Capacity over the case</figcaption>');
    expect(unescape(out)).toContain(`The figure was not drawn. It shows: ${(alt as { alt: string }).alt}`);
    expect(out).not.toContain('<svg');
  });

  it('sets paragraphs in their styles, says "Warning:" in words, and lists facts as a description list', () => {
    const warning = doc.blocks.find((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph' && b.style === 'warning')!;
    expect(body).toContain(`<p class="report-warning">Warning: ${runsText(warning.runs)}</p>`);
    expect(body).toContain('<blockquote class="report-quote"><p>Failed to act on the notice; she should have known.</p></blockquote>');
    expect(body).toMatch(/<p class="report-lead">The view from the tunnel/);
    expect(body).toContain('<p><strong>Partly</strong></p>');
    expect(body).toContain('<div class="report-facts__row"><dt>Who held the case</dt><dd>Sarah Okafor (PO): from 16 May 2022 to 31 Jan 2023<br />James Whitfield (PO): from 1 Feb 2023<br />');
  });

  it('leaves the CRN off a redacted copy’s title page, and shows every mark it has', () => {
    const redacted: ReportDocument = { ...doc, titlePage: { ...doc.titlePage, crn: '', marks: ['synthetic', 'training', 'redacted'] } };
    const page = documentBody(redacted, svgs).split('</header>')[0]!;
    expect(page).not.toContain('<dt>CRN</dt>');
    for (const mark of ['synthetic', 'training', 'redacted'] as const) expect(page).toContain(MARK_WORDS[mark]);
  });
});
