import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/**
 * The Word document's look, as named styles a Word user can change (Home > Styles) rather than formatting on each
 * paragraph: GOV.UK restraint, Arial, near-black text, bold headings, light grey rules. Sizes are in half-points,
 * spacing and indents in twips (a twentieth of a point; 567 to the centimetre).
 */

/** The ids of the paragraph styles the writer uses; each has a plain name in `styles`. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  titlePageText: 'TitlePageText',
  mark: 'DocumentMark',
  contentsHeading: 'TOCHeading',
  lead: 'Lead',
  hint: 'Hint',
  warning: 'Warning',
  quote: 'Quotation',
  caption: 'Caption',
  figure: 'Figure',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  factLabel: 'FactLabel',
  factValue: 'FactValue',
  listItem: 'ListParagraph',
  header: 'Header',
  footer: 'Footer',
} as const;

/** The references of the numbering definitions lists use. */
export const LIST = { bullet: 'bullet-list', numbered: 'numbered-list' } as const;

const TEXT = '0B0C0C';
const SECONDARY = '505A5F';
const RULE = 'B1B4B6';
const FONT = 'Arial';

/** A4 in twips, with 2 cm margins: the width a table or picture may take. */
export const PAGE = { width: 11906, height: 16838, margin: 1134, headerFooter: 567 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The rules of tables: light grey, half a point. */
export const TABLE_RULE = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
/** The header row's fill: GOV.UK's light grey. */
export const HEADER_FILL = 'F3F2F1';

const STARTS_A_PAGE = { pageBreakBefore: true };

const custom = (id: string, name: string, rest: Omit<NonNullable<IStylesOptions['paragraphStyles']>[number], 'id' | 'name'>) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  ...rest,
});

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: TEXT },
      paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: 56, bold: true, color: TEXT }, paragraph: { spacing: { before: 2268, after: 360 } } },
    heading1: {
      run: { font: FONT, size: 40, bold: true, color: TEXT },
      // A part of the document starts on a new page. docx writes a style's pageBreakBefore, though its type leaves it out.
      paragraph: { ...STARTS_A_PAGE, keepNext: true, keepLines: true, spacing: { before: 0, after: 300 }, outlineLevel: 0 },
    },
    heading2: { run: { font: FONT, size: 30, bold: true, color: TEXT }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 420, after: 160 }, outlineLevel: 1 } },
    heading3: { run: { font: FONT, size: 24, bold: true, color: TEXT }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 300, after: 120 }, outlineLevel: 2 } },
    caption: { run: { font: FONT, size: 20, bold: true, italics: false, color: TEXT }, paragraph: { spacing: { before: 120, after: 120 } } },
    // No space between the items of a list, and the space of a paragraph after the last.
    listParagraph: { run: { font: FONT }, paragraph: { contextualSpacing: true, spacing: { after: 160 } } },
  },
  paragraphStyles: [
    custom(STYLE.subtitle, 'Subtitle', { run: { size: 32 }, paragraph: { spacing: { after: 480 } } }),
    custom(STYLE.titlePageText, 'Title page text', { run: { size: 26 }, paragraph: { spacing: { after: 120 } } }),
    // Boxed and bold, so what the document is cannot be missed.
    custom(STYLE.mark, 'Document mark', {
      run: { size: 28, bold: true },
      paragraph: {
        spacing: { before: 240, after: 240 },
        border: {
          top: { style: BorderStyle.SINGLE, size: 18, color: TEXT, space: 6 },
          bottom: { style: BorderStyle.SINGLE, size: 18, color: TEXT, space: 6 },
          left: { style: BorderStyle.SINGLE, size: 18, color: TEXT, space: 6 },
          right: { style: BorderStyle.SINGLE, size: 18, color: TEXT, space: 6 },
        },
      },
    }),
    custom(STYLE.contentsHeading, 'TOC Heading', { run: { size: 40, bold: true }, paragraph: { keepNext: true, spacing: { after: 300 } } }),
    custom(STYLE.lead, 'Lead', { run: { size: 26 }, paragraph: { spacing: { before: 240, after: 240 } } }),
    custom(STYLE.hint, 'Hint', { run: { color: SECONDARY } }),
    // A thick bar down the left and bold words: a warning is not marked by colour alone.
    custom(STYLE.warning, 'Warning', {
      run: { bold: true },
      paragraph: { indent: { left: 284 }, spacing: { before: 120, after: 240 }, border: { left: { style: BorderStyle.THICK, size: 36, color: TEXT, space: 10 } } },
    }),
    custom(STYLE.quote, 'Quotation', {
      paragraph: { indent: { left: 397 }, spacing: { before: 120, after: 240 }, border: { left: { style: BorderStyle.SINGLE, size: 36, color: RULE, space: 12 } } },
    }),
    custom(STYLE.figure, 'Figure', { paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 60 } } }),
    custom(STYLE.tableText, 'Table text', { run: { size: 17 }, paragraph: { spacing: { after: 40, line: 240, lineRule: LineRuleType.AUTO } } }),
    { ...custom(STYLE.tableHeading, 'Table heading', { run: { bold: true } }), basedOn: STYLE.tableText },
    custom(STYLE.factLabel, 'Fact label', { run: { bold: true }, paragraph: { spacing: { after: 60 } } }),
    custom(STYLE.factValue, 'Fact value', { paragraph: { spacing: { after: 60 } } }),
    custom(STYLE.header, 'Header', { run: { size: 18, bold: true }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } }),
    custom(STYLE.footer, 'Footer', { run: { size: 18 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } }),
  ],
};

const indent = { left: 567, hanging: 340 };

export const NUMBERING: INumberingOptions = {
  config: [
    { reference: LIST.bullet, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }] },
    { reference: LIST.numbered, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }] },
  ],
};
