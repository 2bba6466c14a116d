import type { SystemsMapGraph } from '../review/systemsMap.js';

/**
 * The review as a document, before it is any one format: a plain tree of headings, paragraphs, lists, tables and
 * figures. Word, HTML (and the print view, hence PDF) and CSV are each written from this one tree, so they hold the
 * same words; the redacted copy is this tree with names replaced (redaction.ts), before any of them is written.
 */

/** A piece of text within a paragraph or cell. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Words a paragraph is made of: a string is one plain run. */
export type Runs = string | readonly Run[];

/** How a paragraph is set: plain, a short lead-in, a quiet note, a warning, or a quotation of what someone wrote. */
export type ParagraphStyle = 'lead' | 'hint' | 'warning' | 'quote';

export interface TableColumn {
  label: string;
  /** Its share of the page's width, relative to the other columns. */
  weight: number;
}

export type Block =
  /** Level 1 for the document's parts (they start a new page), 2 and 3 within. `anchor` is a link target. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; anchor: string }
  | { kind: 'paragraph'; runs: Runs; style?: ParagraphStyle }
  | { kind: 'list'; items: readonly Runs[]; ordered?: boolean }
  /** Facts as label and value, a summary list: a two-column table in Word. */
  | { kind: 'facts'; rows: readonly { label: string; value: Runs }[] }
  /** A table whose header row repeats on each page. A cell's lines are separated by `\n`. */
  | { kind: 'table'; caption: string; columns: readonly TableColumn[]; rows: readonly (readonly string[])[] }
  | { kind: 'figure'; figure: Figure; caption: string; alt: string }
  /** Where the contents go: a Word contents field, a list of links in HTML. */
  | { kind: 'contents' };

export type Figure =
  | ({ type: 'workload' } & WorkloadChart)
  | ({ type: 'staffing' } & StaffingChart)
  | { type: 'systemsMap'; id: string; graph: SystemsMapGraph };

/** Capacity over the case: one line for each officer who held it, the 110% line, excessive runs shaded, each decision marked. */
export interface WorkloadChart {
  id: string;
  /** The chart's span, as London dates (YYYY-MM-DD). */
  from: string;
  to: string;
  lines: readonly { officer: string; points: readonly { date: string; pct: number }[] }[];
  /** Runs over 110% that HMPPS counts as excessive (four weeks or more), per officer. */
  excessive: readonly { officer: string; from: string; to: string }[];
  /** Each episode's decision, with its id as its label. */
  decisions: readonly { label: string; date: string }[];
  /** The further offence, when it falls in the span. */
  offence: string | null;
  threshold: number;
}

/** Each team's staffing over the case, with its recorded delivery status. */
export interface StaffingChart {
  id: string;
  from: string;
  to: string;
  teams: readonly { team: string; points: readonly { date: string; pct: number; status: string | null }[] }[];
  decisions: readonly { label: string; date: string }[];
  offence: string | null;
}

/** What the title page says the document is. */
export type DocumentMark = 'synthetic' | 'training' | 'redacted';

export interface ReportDocument {
  /** The document's title: the review's title. */
  title: string;
  titlePage: {
    caseTitle: string;
    /** Blank in a redacted copy. */
    crn: string;
    reviewer: string;
    /** The day the document was written (YYYY-MM-DD). */
    written: string;
    marks: readonly DocumentMark[];
  };
  blocks: readonly Block[];
}

/** Plain text of some runs. */
export const runsText = (runs: Runs): string => (typeof runs === 'string' ? runs : runs.map((r) => r.text).join(''));

/** The title page's words for each mark. */
export const MARK_WORDS: Record<DocumentMark, string> = {
  synthetic: 'Synthetic case: made up for demonstration, not a real person',
  training: 'Training copy: pseudonymised, for training only',
  redacted: 'Redacted copy: staff and third parties are named by their role',
};

/** Every figure of a document, in order. */
export const figuresOf = (doc: Pick<ReportDocument, 'blocks'>): Figure[] => doc.blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : []));
