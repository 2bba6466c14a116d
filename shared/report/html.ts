import { escapeXml } from '../review/mapSvg.js';
import { formatUkDate } from '../time/display.js';
import { MARK_WORDS, type Block, type Figure, type ReportDocument, type Runs } from './document.js';
import { columnWidthClass, REPORT_CSS } from './reportCss.js';

/**
 * The review as one self-contained web page (issue 15): the CSS inline, the figures as inline SVG, nothing fetched
 * from anywhere, printable on A4. The app's print view shows the same markup (`documentBody`) with the same CSS, so
 * the PDF made from it and this file hold the same document. The markup has no style attributes and no scripts, as
 * the app's Content Security Policy allows neither, and is well-formed XML as well as HTML.
 */

/** A figure drawn as SVG, with its size in CSS pixels. */
export interface FigureSvg {
  svg: string;
  width: number;
  height: number;
}

/** Every text goes through here: `<`, `&` and quotes become entities, and characters no document can hold are left out. */
const text = (t: string): string => escapeXml(t).replace(/\r?\n/g, '<br />');
/** Text where markup cannot go (a page's or an SVG's title): escaped, on one line. */
const plain = (t: string): string => escapeXml(t.replace(/\s*\r?\n\s*/g, ' '));

function runs(r: Runs): string {
  if (typeof r === 'string') return text(r);
  return r
    .map((run) => {
      let out = text(run.text);
      if (run.italic) out = `<em>${out}</em>`;
      if (run.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

/**
 * Ids for the headings' anchors: letters, digits and hyphens only, starting with a letter, each used once. The
 * document's own ids (`report-…`) are kept apart, so an anchor can never take one.
 */
function anchorIds(blocks: readonly Block[]): Map<Block, string> {
  const ids = new Map<Block, string>();
  const used = new Set<string>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    let base = b.anchor.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (!/^[a-z]/.test(base) || base.startsWith('report-')) base = `part-${base || 'untitled'}`.replace(/-+$/, '');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(b, id);
  }
  return ids;
}

function contents(blocks: readonly Block[], ids: Map<Block, string>): string {
  const items: { text: string; id: string; children: { text: string; id: string }[] }[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.level === 3) continue;
    const entry = { text: b.text, id: ids.get(b)! };
    const last = items[items.length - 1];
    if (b.level === 2 && last) last.children.push(entry);
    else items.push({ ...entry, children: [] });
  }
  const link = (e: { text: string; id: string }) => `<a href="#${e.id}">${text(e.text)}</a>`;
  const list = items
    .map((e) => `<li>${link(e)}${e.children.length ? `\n<ol>\n${e.children.map((c) => `<li>${link(c)}</li>`).join('\n')}\n</ol>` : ''}</li>`)
    .join('\n');
  return `<nav class="report-contents" aria-labelledby="report-contents">\n<h1 class="report-part" id="report-contents">Contents</h1>\n<ol>\n${list}\n</ol>\n</nav>`;
}

/**
 * One piece of the document's markup: a block, or a table with its rows apart, so that the print view can lay a long
 * table out a few rows at a time (a browser lays a table out whole each time it changes). `head`, the rows joined by
 * newlines, then `foot`, are the table.
 */
export type Piece = string | { head: string; rows: string[]; foot: string };

/** A table; where its caption repeats the heading it sits under, the caption is there for screen readers only. */
function table(b: Extract<Block, { kind: 'table' }>, heading: string | null): Piece {
  const total = b.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const cols = b.columns.map((c) => `<col class="${columnWidthClass((c.weight / total) * 100)}" />`).join('');
  const head = b.columns.map((c) => `<th scope="col">${text(c.label)}</th>`).join('');
  return {
    head: `<table class="report-table">\n<caption${heading === b.caption ? ' class="report-visually-hidden"' : ''}>${text(b.caption)}</caption>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n`,
    rows: b.rows.map((row) => `<tr>${b.columns.map((_, i) => `<td>${text(row[i] ?? '')}</td>`).join('')}</tr>`),
    foot: '\n</tbody>\n</table>',
  };
}

/** A piece as the markup it stands for. */
export const pieceMarkup = (piece: Piece): string => (typeof piece === 'string' ? piece : `${piece.head}${piece.rows.join('\n')}${piece.foot}`);

/**
 * A figure's SVG, made ready to sit inline: its prolog dropped, its size and accessible name (the alt text, as its
 * <title>) set here, and its own ids prefixed so that two figures' markers or gradients cannot collide.
 */
function inlineSvg(drawn: FigureSvg, prefix: string, alt: string): string {
  const svg = drawn.svg.replace(/^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?/i, '');
  const root = /^<svg\b([^>]*?)(\/?)>/.exec(svg);
  if (!root) throw new Error(`Figure ${prefix} is not an SVG.`);
  const kept = (root[1] ?? '').replace(/\s(?:width|height|role|aria-[a-z]+|class)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
  const viewBox = /\sviewBox\s*=/.test(kept) ? '' : ` viewBox="0 0 ${drawn.width} ${drawn.height}"`;
  const open = `<svg${kept}${viewBox} width="${drawn.width}" height="${drawn.height}" role="img" aria-labelledby="${prefix}-title"><title id="${prefix}-title">${plain(alt)}</title>`;
  const inner = root[2] ? '</svg>' : svg.slice(root[0].length).replace(/^\s*<title\b[^>]*>[\s\S]*?<\/title>/, '');
  return (open + inner)
    .replace(/(\s)id="([^"]+)"/g, (whole, space: string, id: string) => (id === `${prefix}-title` ? whole : `${space}id="${prefix}-${id}"`))
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, `$1#${prefix}-$2"`);
}

function figure(b: { figure: Figure; caption: string; alt: string }, n: number, svgs: ReadonlyMap<string, FigureSvg>): string {
  const drawn = svgs.get(b.figure.id);
  const caption = `<figcaption>Figure ${n}: ${text(b.caption)}</figcaption>`;
  // Without its drawing the figure still says what it shows, in words.
  const body = drawn ? inlineSvg(drawn, `report-figure-${n}`, b.alt) : `<p class="report-hint">The figure was not drawn. It shows: ${text(b.alt)}</p>`;
  return `<figure class="report-figure">\n${caption}\n${body}\n</figure>`;
}

function titlePage(doc: ReportDocument): string {
  const t = doc.titlePage;
  const marks = t.marks.length ? `<ul class="report-marks">\n${t.marks.map((m) => `<li class="report-mark">${text(MARK_WORDS[m])}</li>`).join('\n')}\n</ul>\n` : '';
  const rows: [string, string][] = [
    ['Case', t.caseTitle],
    ...(t.crn ? ([['CRN', t.crn]] as [string, string][]) : []),
    ['Reviewer', t.reviewer || 'Not named'],
    ['Written', formatUkDate(t.written)],
  ];
  return `<header class="report-title-page">\n${marks}<p class="report-caption">Serious further offence review</p>\n<h1 class="report-title">${text(doc.title)}</h1>\n${facts(rows)}\n</header>`;
}

function facts(rows: readonly (readonly [string, Runs])[]): string {
  return `<dl class="report-facts">\n${rows.map(([label, value]) => `<div class="report-facts__row"><dt>${text(label)}</dt><dd>${runs(value)}</dd></div>`).join('\n')}\n</dl>`;
}

function paragraph(b: Extract<Block, { kind: 'paragraph' }>): string {
  switch (b.style) {
    // Said in words, not shown by colour or a border alone.
    case 'warning':
      return `<p class="report-warning">Warning: ${runs(b.runs)}</p>`;
    case 'quote':
      return `<blockquote class="report-quote"><p>${runs(b.runs)}</p></blockquote>`;
    case 'lead':
    case 'hint':
      return `<p class="report-${b.style}">${runs(b.runs)}</p>`;
    default:
      return `<p>${runs(b.runs)}</p>`;
  }
}

/**
 * The document's markup in pieces, in order, each made when it is asked for: the title page, then one piece for each
 * block (`pieceCount` in all). The print view lays them out a few at a time, so the window never stops for the whole
 * document at once, nor for making its markup.
 */
export function* documentPieces(doc: ReportDocument, svgs: ReadonlyMap<string, FigureSvg>): Generator<Piece, void, undefined> {
  yield titlePage(doc);
  const ids = anchorIds(doc.blocks);
  let figures = 0;
  let heading: string | null = null;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        heading = b.text;
        yield `<h${b.level}${b.level === 1 ? ' class="report-part"' : ''} id="${ids.get(b)}">${text(b.text)}</h${b.level}>`;
        break;
      case 'paragraph':
        yield paragraph(b);
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        yield `<${tag} class="report-list">\n${b.items.map((item) => `<li>${runs(item)}</li>`).join('\n')}\n</${tag}>`;
        break;
      }
      case 'facts':
        yield facts(b.rows.map((r) => [r.label, r.value] as const));
        break;
      case 'table':
        yield table(b, heading);
        break;
      case 'figure':
        yield figure(b, ++figures, svgs);
        break;
      case 'contents':
        yield contents(doc.blocks, ids);
        break;
    }
  }
}

/** How many pieces `documentPieces` makes of a document. */
export const pieceCount = (doc: ReportDocument): number => doc.blocks.length + 1;

/** The <article> that holds the pieces, opened and closed. */
const ARTICLE = { open: '<article class="report" lang="en-GB">', close: '</article>' } as const;

/** The document as the markup inside <body>: one <article class="report">, the same in the file and the print view. */
export function documentBody(doc: ReportDocument, svgs: ReadonlyMap<string, FigureSvg>): string {
  return `${ARTICLE.open}\n${Array.from(documentPieces(doc, svgs), pieceMarkup).join('\n')}\n${ARTICLE.close}`;
}

/** The document as one HTML file that stands on its own: open it in any browser, or print it. */
export function documentHtml(doc: ReportDocument, svgs: ReadonlyMap<string, FigureSvg>): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${plain(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body class="report-page">',
    documentBody(doc, svgs),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
