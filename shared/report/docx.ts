import {
  BuilderElement,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  StringContainer,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { formatUkDate } from '../time/display.js';
import { MARK_WORDS, type Block, type ReportDocument, type Runs, type TableColumn } from './document.js';
import { HEADER_FILL, LIST, NUMBERING, PAGE, STYLE, STYLES, TABLE_RULE, TEXT_WIDTH } from './docxStyles.js';

/** A figure drawn as a picture, with its size as drawn, in CSS pixels. */
export interface FigureImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const PARAGRAPH_STYLES = { lead: STYLE.lead, hint: STYLE.hint, warning: STYLE.warning, quote: STYLE.quote } as const;

/** A part of the document holding a table of more columns than this is set on landscape pages. */
const WIDE_TABLE = 6;

/** The text area of a page, in twips, upright or on its side. */
interface TextArea {
  width: number;
  height: number;
}
const UPRIGHT: TextArea = { width: TEXT_WIDTH, height: PAGE.height - 2 * PAGE.margin };
const SIDEWAYS: TextArea = { width: PAGE.height - 2 * PAGE.margin, height: PAGE.width - 2 * PAGE.margin };

/** A row this many lines deep or fewer is kept on one page; a deeper one may break, rather than leave most of a page empty. */
const KEEP_ROW_LINES = 14;
/** About how many twips a character of table text takes, for guessing how wide a word is and how deep a row. */
const TABLE_CHAR_TWIPS = 100;
const CELL_MARGINS = { top: 57, bottom: 57, left: 85, right: 85 };
const CELL_PADDING = CELL_MARGINS.left + CELL_MARGINS.right + 30;
/** Words longer than this (a hash, a file name) are broken in any case, so a column is not widened for them. */
const LONGEST_WORD_KEPT = 1600;

/** A mark's short words, for the header of every page: "Synthetic case", "Redacted copy". */
const shortMark = (words: string): string => words.split(':')[0]!;

/** Some runs as Word runs; a new line within them is a line break. */
function textRuns(runs: Runs): TextRun[] {
  const parts = typeof runs === 'string' ? [{ text: runs }] : runs;
  return parts.flatMap((r) =>
    r.text.split('\n').map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) })),
  );
}

/** Lines of a cell or a fact's value, each a paragraph of the style given. */
function lineParagraphs(runs: Runs, style: string): Paragraph[] {
  if (typeof runs !== 'string') return [new Paragraph({ style, children: textRuns(runs) })];
  return runs.split('\n').map((line) => new Paragraph({ style, children: line ? [new TextRun(line)] : [] }));
}

/** Twips in whole numbers summing to `width`, the last taking what rounding leaves. */
function wholeTwips(shares: readonly number[], width: number): number[] {
  const widths = shares.map(Math.floor);
  widths[widths.length - 1]! += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Each column's share of the width by its weight, widened where that would break a word of its header or cells
 * ("Fact-or"), taking the room from the columns with most to spare; by weight alone when there is not room for that.
 */
function columnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[], width: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const share = columns.map((c) => (width * c.weight) / total);
  const need = columns.map((c, i) => {
    let longest = 0;
    for (const text of [c.label, ...rows.map((r) => r[i] ?? '')]) for (const word of text.split(/\s+/)) longest = Math.max(longest, word.length);
    return Math.min(LONGEST_WORD_KEPT, CELL_PADDING + longest * TABLE_CHAR_TWIPS);
  });
  const short = share.reduce((sum, s, i) => sum + Math.max(0, need[i]! - s), 0);
  const spare = share.reduce((sum, s, i) => sum + Math.max(0, s - need[i]!), 0);
  if (short === 0 || short > spare) return wholeTwips(share, width);
  return wholeTwips(
    share.map((s, i) => (s < need[i]! ? need[i]! : s - ((s - need[i]!) * short) / spare)),
    width,
  );
}

const allRules = { top: TABLE_RULE, bottom: TABLE_RULE, left: TABLE_RULE, right: TABLE_RULE, insideHorizontal: TABLE_RULE, insideVertical: TABLE_RULE };
const NONE = { style: 'none', size: 0, color: 'auto' } as const;

function dataTable(block: Extract<Block, { kind: 'table' }>, area: TextArea): Table {
  const widths = columnWidths(block.columns, block.rows, area.width);
  const cell = (lines: string, i: number, style: string, shaded: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: CELL_MARGINS,
      ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
      children: lineParagraphs(lines, style),
    });
  const perLine = widths.map((w) => Math.max(1, Math.floor((w - CELL_PADDING) / TABLE_CHAR_TWIPS)));
  const deep = (row: readonly string[]) => Math.max(...row.map((text, i) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine[i]!)), 0)));
  return new Table({
    width: { size: area.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: allRules,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.label, i, STYLE.tableHeading, true)) }),
      ...block.rows.map((row) => new TableRow({ ...(deep(row) <= KEEP_ROW_LINES ? { cantSplit: true } : {}), children: block.columns.map((_, i) => cell(row[i] ?? '', i, STYLE.tableText, false)) })),
    ],
  });
}

/** Facts as a summary list: label and value, ruled between rows only. */
function factsTable(block: Extract<Block, { kind: 'facts' }>, area: TextArea): Table {
  const widths = wholeTwips([area.width * 0.3, area.width * 0.7], area.width);
  const cell = (children: Paragraph[], i: number) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, margins: CELL_MARGINS, children });
  return new Table({
    width: { size: area.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, left: NONE, right: NONE, insideVertical: NONE, bottom: TABLE_RULE, insideHorizontal: TABLE_RULE },
    rows: block.rows.map(
      (r) => new TableRow({ cantSplit: true, children: [cell([new Paragraph({ style: STYLE.factLabel, text: r.label })], 0), cell(lineParagraphs(r.value, STYLE.factValue), 1)] }),
    ),
  });
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => new TextRun({ children: [new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });

/**
 * "Figure 1: …", numbered by a Word caption field (SEQ) as Word writes one, so Word can list the figures and tables;
 * its number is written in too, for readers that do not work fields out.
 */
const caption = (label: 'Figure' | 'Table', n: number, text: string, keepNext: boolean) =>
  new Paragraph({
    style: STYLE.caption,
    ...(keepNext ? { keepNext: true } : {}),
    children: [
      new TextRun(`${label} `),
      fieldChar('begin'),
      new TextRun({ children: [new StringContainer('w:instrText', `SEQ ${label} \\* ARABIC`)] }),
      fieldChar('separate'),
      new TextRun(String(n)),
      fieldChar('end'),
      new TextRun(`: ${text}`),
    ],
  });

/** Pixels (CSS, 96 to the inch) in so many twips (1440 to the inch). */
const px = (twips: number) => Math.floor((twips * 96) / 1440);

/** The picture, scaled down to fit the page as drawn, never up, leaving room below it for its caption. */
function pictureSize(image: FigureImage, area: TextArea): { width: number; height: number } {
  const scale = Math.min(1, px(area.width) / image.width, (px(area.height) - 150) / image.height);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const t = doc.titlePage;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: doc.title }),
    new Paragraph({ style: STYLE.subtitle, text: t.caseTitle }),
    ...(t.crn ? [new Paragraph({ style: STYLE.titlePageText, text: `CRN ${t.crn}` })] : []),
    new Paragraph({ style: STYLE.titlePageText, text: `Reviewer: ${t.reviewer || 'not named'}` }),
    new Paragraph({ style: STYLE.titlePageText, text: `Written ${formatUkDate(t.written)}` }),
    ...t.marks.map((m) => new Paragraph({ style: STYLE.mark, text: MARK_WORDS[m] })),
  ];
}

/** Pages of one orientation: the document's parts (from one level-1 heading to the next) set on them. */
interface Pages {
  sideways: boolean;
  blocks: Block[];
}

/** The blocks in runs of parts set the same way: a part holding a wide table (the chronology's) goes on landscape pages. */
function orientations(blocks: readonly Block[]): Pages[] {
  const parts: Block[][] = [];
  for (const b of blocks) {
    if (parts.length === 0 || (b.kind === 'heading' && b.level === 1)) parts.push([]);
    parts[parts.length - 1]!.push(b);
  }
  const all: Pages[] = [];
  for (const part of parts) {
    const sideways = part.some((b) => b.kind === 'table' && b.columns.length > WIDE_TABLE);
    const last = all[all.length - 1];
    if (last?.sideways === sideways) last.blocks.push(...part);
    else all.push({ sideways, blocks: [...part] });
  }
  return all;
}

/** Writes blocks as Word paragraphs and tables, numbering tables, figures and lists through the whole document. */
class BodyWriter {
  private figures = 0;
  private tables = 0;
  private lists = 0;

  constructor(private readonly images: ReadonlyMap<string, FigureImage>) {}

  write(blocks: readonly Block[], area: TextArea): FileChild[] {
    return blocks.flatMap((b) => this.block(b, area));
  }

  private block(b: Block, area: TextArea): FileChild[] {
    switch (b.kind) {
      case 'contents':
        return [new Paragraph({ style: STYLE.contentsHeading, text: 'Contents' }), new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' })];
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[b.level], text: b.text })];
      case 'paragraph':
        return [
          new Paragraph({
            ...(b.style ? { style: PARAGRAPH_STYLES[b.style] } : {}),
            children: [...(b.style === 'warning' ? [new TextRun('Warning: ')] : []), ...textRuns(b.runs)],
          }),
        ];
      case 'list': {
        // Each numbered list counts from 1 again.
        const numbering = b.ordered ? { reference: LIST.numbered, level: 0, instance: ++this.lists } : { reference: LIST.bullet, level: 0 };
        return b.items.map((item) => new Paragraph({ style: STYLE.listItem, numbering, children: textRuns(item) }));
      }
      case 'facts':
        // A paragraph after each table keeps two tables in a row from running into one.
        return [factsTable(b, area), new Paragraph({ style: STYLE.tableText, children: [] })];
      case 'table':
        return [caption('Table', ++this.tables, b.caption, true), dataTable(b, area), new Paragraph({ style: STYLE.tableText, children: [] })];
      case 'figure': {
        const image = this.images.get(b.figure.id);
        if (!image) return [new Paragraph({ style: STYLE.warning, children: [new TextRun(`Warning: the figure “${b.caption}” could not be drawn. It would show: ${b.alt}`)] })];
        return [
          new Paragraph({
            style: STYLE.figure,
            children: [new ImageRun({ type: 'png', data: image.png, transformation: pictureSize(image, area), altText: { name: b.caption, title: b.caption, description: b.alt } })],
          }),
          caption('Figure', ++this.figures, b.caption, false),
        ];
      }
    }
  }
}

/**
 * The review as a Word document (issue 15): a title page, a contents field Word fills in on opening, real headings
 * (so the navigation pane works), tables whose header row repeats on each page, the figures as pictures with their
 * alt text, A4 with "Page X of Y", and the document's marks in the header of every page. `images` are the figures
 * drawn, by figure id; a figure without one says it could not be drawn. Runs in Node and in a Web Worker.
 */
export async function documentDocx(doc: ReportDocument, images: ReadonlyMap<string, FigureImage>): Promise<Uint8Array> {
  const marks = doc.titlePage.marks.map((m) => shortMark(MARK_WORDS[m])).join(' · ');
  // Every page is headed with the document's marks, if it has any; the title page carries no page number.
  const headers = () => (marks ? { headers: { default: new Header({ children: [new Paragraph({ style: STYLE.header, text: marks })] }) } } : {});
  const pageNumber = () => new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })] });
  const page = (sideways: boolean) => ({
    size: { width: PAGE.width, height: PAGE.height, orientation: sideways ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.headerFooter, footer: PAGE.headerFooter },
  });
  const writer = new BodyWriter(images);
  const sections: ISectionOptions[] = [
    { properties: { page: page(false) }, ...headers(), children: titlePage(doc) },
    ...orientations(doc.blocks).map(
      (pages): ISectionOptions => ({
        properties: { page: page(pages.sideways), type: SectionType.NEXT_PAGE },
        ...headers(),
        footers: { default: pageNumber() },
        children: writer.write(pages.blocks, pages.sideways ? SIDEWAYS : UPRIGHT),
      }),
    ),
  ];
  const t = doc.titlePage;
  const word = new Document({
    title: doc.title,
    // Blank rather than docx's "Un-named" when the review names no reviewer.
    creator: t.reviewer,
    lastModifiedBy: t.reviewer,
    description: `${t.caseTitle}${t.crn ? ` (CRN ${t.crn})` : ''}: the review as written on ${formatUkDate(t.written)}.`,
    features: { updateFields: true },
    styles: STYLES,
    numbering: NUMBERING,
    sections,
  });
  return Packer.pack(word, 'uint8array');
}
