import { documentFileName } from '../bridge/contract.js';
import type { ReportDocument } from './document.js';
import type { DrawnFigure } from './figureTypes.js';

/** The documents a review can be written as. PDF is made from the print view (the document and its drawn figures). */
export const REPORT_FORMATS = ['docx', 'print', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type MadeReport =
  | { format: 'docx' | 'html' | 'csv'; fileName: string; bytes: Uint8Array }
  | { format: 'print'; fileName: string; doc: ReportDocument; figures: [string, DrawnFigure][] };

const EXTENSIONS = { docx: 'docx', html: 'html', csv: 'csv', print: 'pdf' } as const;

/** A document's file name from its title, safe on every system (the bridge's rule): `SFO review - X900417 - redacted.docx`. */
export function reportFileName(title: string, format: ReportFormat, redacted: boolean, chronology = false): string {
  return documentFileName(`${title}${chronology ? ' - chronology' : ''}${redacted ? ' - redacted' : ''}`, EXTENSIONS[format]);
}
