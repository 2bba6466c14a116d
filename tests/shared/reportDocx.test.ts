import { Resvg } from '@resvg/resvg-js';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildReport } from '../../shared/report/build.js';
import { figuresOf, MARK_WORDS, runsText, type Block, type ReportDocument } from '../../shared/report/document.js';
import { documentDocx, type FigureImage } from '../../shared/report/docx.js';
import { demoWithReview } from '../helpers/demoReview.js';

const png = (width: number, height: number): FigureImage => ({
  png: new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#1d70b8"/></svg>`).render().asPng(),
  width,
  height,
});

/** The text of an HTML fragment, as a reader sees it. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (path: string) => strFromU8(files[path]!);
};

const html = async (bytes: Uint8Array) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;

const minimal = (blocks: Block[], titlePage: Partial<ReportDocument['titlePage']> = {}): ReportDocument => ({
  title: 'SFO review: X1',
  titlePage: { caseTitle: 'A case', crn: 'X1', reviewer: 'A. Reviewer', written: '2026-12-01', marks: [], ...titlePage },
  blocks,
});

describe('the review as a Word document', () => {
  const demo = demoWithReview();
  const doc = buildReport({ ...demo, trail: { ...verifyBundle(demo.bundle), depth: 'full' }, now: new Date('2026-12-01T12:00:00Z') });
  const images = new Map(figuresOf(doc).map((f) => [f.id, png(900, 420)]));
  let bytes: Uint8Array;
  let read: string;
  let part: (path: string) => string;
  beforeAll(async () => {
    bytes = await documentDocx(doc, images);
    read = await html(bytes);
    part = parts(bytes);
  });

  it('has the document’s headings as Word headings, at their levels, in order', () => {
    const headings = [...read.matchAll(/<h([1-3])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${text(m[2]!).trim()}`);
    const expected = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));
    expect(expected.length).toBeGreaterThan(30);
    expect(headings).toEqual(expected);
    // Built-in heading styles, so Word's navigation pane lists them; a part of the document starts a new page.
    const styles = part('word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:pageBreakBefore\/>.*?<\/w:style>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="1"\/>/);
  });

  it('opens with a title page: review, case, CRN, reviewer, the day written and the mark', () => {
    const start = text(read.slice(0, read.indexOf('Contents')));
    for (const words of [doc.title, doc.titlePage.caseTitle, 'CRN X900417', 'Reviewer: A. Reviewer', 'Written 1 Dec 2026', MARK_WORDS.synthetic]) expect(start).toContain(words);
    // The mark's short words head every page.
    const headers = Object.keys(unzipSync(bytes)).filter((p) => /^word\/header\d+\.xml$/.test(p));
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(text(part(h))).toContain('Synthetic case');
  });

  it('has a contents field over Heading 1 and 2 that Word fills in on opening', () => {
    const body = part('word/document.xml');
    expect(body).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    expect(part('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    // Filled in already with the headings, so it is not empty where fields are not updated.
    const contents = text(read.slice(read.indexOf('Contents'), read.indexOf('<h1>')));
    expect(contents).toContain('Chronology of key events');
    expect(contents).toContain('N1. Problem');
    expect(contents).not.toContain('What the officer knew');
  });

  it('writes the chronology as a table whose header row repeats on each page, on landscape pages', () => {
    const chronology = doc.blocks.find((b) => b.kind === 'table' && b.caption === 'Chronology of key events');
    if (chronology?.kind !== 'table') throw new Error('no chronology');
    const table = read.slice(read.indexOf('Table 1: Chronology of key events'));
    const firstRow = table.slice(table.indexOf('<tr>'), table.indexOf('</tr>'));
    expect(text(firstRow)).toBe(chronology.columns.map((c) => c.label).join(''));
    expect(text(table.slice(0, table.indexOf('</table>')))).toContain('Release appointment kept the same day.');
    const body = part('word/document.xml');
    const tables = doc.blocks.filter((b) => b.kind === 'table').length;
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(tables);
    expect((read.match(/<table>/g) ?? []).length).toBe(tables + doc.blocks.filter((b) => b.kind === 'facts').length);
    // A4, upright for the document and on its side for the eight columns of the tabular timeline.
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(body).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
  });

  it('writes a cell’s lines as separate paragraphs, and a fact’s', () => {
    expect(read).toContain('<p>Release from custody (EREL)</p><p>Released from HMP Northtown on licence. Licence expiry 15/05/2025.</p>');
    expect(read).toContain('<td><p>Who held the case</p></td><td><p>Sarah Okafor (PO): from 16 May 2022 to 31 Jan 2023</p><p>James Whitfield (PO): from 1 Feb 2023</p>');
  });

  it('has the findings, their evidence as a list, and the practitioner’s words as quotations', () => {
    expect(read).toContain('Failed to act on the notice; she should have known.');
    const evidence = doc.blocks.find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list' && runsText(b.items[0]!).startsWith('around 1 Oct 2023'));
    expect(evidence).toBeDefined();
    const items = evidence!.items.map((i) => `<li>${runsText(i)}</li>`).join('');
    expect(read).toContain(`<ul>${items}</ul>`);
    expect(part('word/document.xml')).toContain('<w:pStyle w:val="Quotation"/>');
  });

  it('has the SHA-256 of each source file and the trail’s newest hash, so the document can be checked against the case', () => {
    for (const s of demo.bundle.sources) expect(read).toContain(s.sha256);
    expect(read).toContain(demo.bundle.audit.at(-1)!.hash);
  });

  it('has each figure as a picture with its alt text, then its numbered caption', () => {
    const figures = doc.blocks.filter((b) => b.kind === 'figure');
    expect(figures).toHaveLength(3);
    figures.forEach((f, i) => {
      expect(read).toContain(`alt="${f.alt.replace(/"/g, '&quot;')}"`);
      expect(read).toContain(`<p>Figure ${i + 1}: ${f.caption}</p>`);
    });
    expect(part('word/document.xml')).toContain(`<wp:docPr id="1" name="Capacity over the case" descr="${figures[0]!.alt}" title="Capacity over the case"/>`);
    // 900 by 420 pixels, scaled to the 17 cm between the margins: 6,115,050 EMU wide, keeping its shape.
    expect(part('word/document.xml')).toContain('<wp:extent cx="6115050" cy="2857500"/>');
  });

  it('keeps a warning visible without colour: a bold “Warning:” and a bar down its side', () => {
    const warning = doc.blocks.find((b) => b.kind === 'paragraph' && b.style === 'warning');
    if (warning?.kind !== 'paragraph') throw new Error('no warning');
    expect(read).toContain(`Warning: ${runsText(warning.runs)}`);
    expect(part('word/styles.xml')).toMatch(/<w:style w:type="paragraph" w:styleId="Warning">(?:(?!<\/w:style>).)*<w:left w:val="thick"(?:(?!<\/w:style>).)*<w:b\/>/);
  });

  it('names its styles in plain words, so a Word user can change them', () => {
    const styles = part('word/styles.xml');
    for (const name of ['Lead', 'Hint', 'Warning', 'Quotation', 'Table text', 'Table heading', 'Fact label', 'Document mark', 'Figure']) expect(styles).toContain(`<w:name w:val="${name}"/>`);
    // Word's own caption style, by its own name.
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"\/>/);
    // No run of the body sets its own font, size or colour: the styles do.
    expect(part('word/document.xml')).not.toMatch(/<w:(rFonts|sz|color) /);
  });

  it('numbers its pages “Page X of Y” in the footer, and carries the title, reviewer and a description', () => {
    const footers = Object.keys(unzipSync(bytes)).filter((p) => /^word\/footer\d+\.xml$/.test(p)).map(part);
    expect(footers.some((f) => /Page .*PAGE.* of .*NUMPAGES/.test(f))).toBe(true);
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>SFO review: X900417</dc:title>');
    expect(core).toContain('<dc:creator>A. Reviewer</dc:creator>');
    expect(core).toContain('<dc:description>SFO review: Daniel Marsh (synthetic demo case) (CRN X900417): the review as written on 1 Dec 2026.</dc:description>');
  });
});

describe('the Word document, part by part', () => {
  it('says a figure could not be drawn when its picture is missing, rather than leaving a gap', async () => {
    const figure: Block = { kind: 'figure', figure: { type: 'systemsMap', id: 'systems-map', graph: { nodes: [], edges: [] } as never }, caption: 'The systems map (AcciMap)', alt: 'Three factors by level.' };
    const read = await html(await documentDocx(minimal([figure]), new Map()));
    expect(text(read)).toContain('Warning: the figure “The systems map (AcciMap)” could not be drawn. It would show: Three factors by level.');
    expect(read).not.toContain('<img');
    expect(read).not.toContain('Figure 1');
  });

  it('fits a tall picture to the page, keeping its shape', async () => {
    const figure: Block = { kind: 'figure', figure: { type: 'systemsMap', id: 'map', graph: { nodes: [], edges: [] } as never }, caption: 'Map', alt: 'A map.' };
    const body = parts(await documentDocx(minimal([figure]), new Map([['map', png(400, 2000)]])))('word/document.xml');
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(body)!;
    expect(Number(cy)).toBeLessThan(Number(cx) * 5 + 9525 * 2);
    expect(Number(cy)).toBeGreaterThan(Number(cx) * 5 - 9525 * 5);
    // Shorter than the page's text area (24.7 cm), with room for the caption.
    expect(Number(cy)).toBeLessThan(24.7 * 360000 - 100 * 9525);
  });

  it('leaves out a blank CRN, and heads each page of a redacted copy with its mark', async () => {
    const bytes = await documentDocx(minimal([{ kind: 'paragraph', runs: 'Text' }], { crn: '', marks: ['redacted'] }), new Map());
    const read = text(await html(bytes));
    expect(read).not.toContain('CRN');
    expect(read).toContain(MARK_WORDS.redacted);
    expect(parts(bytes)('word/header1.xml')).toContain('Redacted copy');
  });

  it('writes lists as Word lists, each numbered list counting from 1', async () => {
    const bytes = await documentDocx(
      minimal([
        { kind: 'list', ordered: true, items: ['First', 'Second'] },
        { kind: 'paragraph', runs: 'Between' },
        { kind: 'list', ordered: true, items: ['Again first'] },
        { kind: 'list', items: [[{ text: 'Bold', bold: true }, { text: ' and plain' }]] },
      ]),
      new Map(),
    );
    const read = await html(bytes);
    expect(read).toContain('<ol><li>First</li><li>Second</li></ol><p>Between</p><ol><li>Again first</li></ol><ul><li><strong>Bold</strong> and plain</li></ul>');
    const numIds = [...parts(bytes)('word/document.xml').matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(numIds.slice(0, 2)).size).toBe(1);
    expect(numIds[2]).not.toBe(numIds[0]);
    expect(parts(bytes)('word/numbering.xml')).toContain('<w:lvlText w:val="%1."/>');
  });

  it('keeps a short row on one page but lets a very long one break, and widens a narrow column to its longest word', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long note.`).join('\n');
    const table: Block = {
      kind: 'table',
      caption: 'Notes',
      columns: [
        { label: 'Factor', weight: 3 },
        { label: 'Note', weight: 97 },
      ],
      rows: [
        ['F1', 'Short.'],
        ['F2', long],
      ],
    };
    const body = parts(await documentDocx(minimal([table]), new Map()))('word/document.xml');
    const rows = [...body.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).toContain('<w:cantSplit/>');
    expect(rows[2]).not.toContain('<w:cantSplit/>');
    const grid = [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1134);
    // 3% would be 289 twips, too narrow for "Factor" at 8.5 pt.
    expect(grid[0]).toBeGreaterThan(700);
  });
});
