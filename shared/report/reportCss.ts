/**
 * How the review looks as a web page and on paper: GOV.UK restraint (a sans serif, black text, bold headings, light
 * grey rules), A4 with 2 cm margins, each part of the document on a new page, table headers repeated on every page.
 * The self-contained HTML file carries it in a <style>; the app's print view adopts the same text as a stylesheet,
 * so a printed PDF and the file look the same. Every rule sits under `.report`, so in the app it styles the
 * document and nothing else; there is no url() or @import, as the file may fetch nothing.
 */

/** A table column's class for its share of the width, in whole percent (the markup carries no style attributes, which the app's CSP refuses). */
export const columnWidthClass = (percent: number): string => `report-w${Math.min(100, Math.max(1, Math.round(percent)))}`;

const COLUMN_WIDTHS = Array.from({ length: 100 }, (_, i) => `.report .${columnWidthClass(i + 1)} { width: ${i + 1}%; }`).join('\n');

export const REPORT_CSS = `
@page { size: A4; margin: 2cm; }

.report {
  font-family: Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif;
  color: #0b0c0c;
  background: #ffffff;
  font-size: 1rem;
  line-height: 1.45;
  max-width: 60rem;
  margin: 0 auto;
  padding: 2rem 1.5rem 4rem;
  overflow-wrap: break-word;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.report *, .report *::before, .report *::after { box-sizing: border-box; }
body.report-page { margin: 0; background: #ffffff; }

.report h1, .report h2, .report h3 { font-weight: 700; line-height: 1.2; color: #0b0c0c; break-after: avoid; page-break-after: avoid; }
.report h1 { font-size: 2rem; margin: 3.5rem 0 1.25rem; padding-top: 1.5rem; border-top: 1px solid #b1b4b6; }
.report h2 { font-size: 1.5rem; margin: 2.25rem 0 1rem; }
.report h3 { font-size: 1.1875rem; margin: 1.75rem 0 0.75rem; }
.report p { margin: 0 0 1rem; }

.report a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
.report a:hover { color: #003078; text-decoration-thickness: 3px; }
.report a:focus-visible { outline: 3px solid transparent; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; color: #0b0c0c; text-decoration: none; }
.report [tabindex="-1"]:focus { outline: none; }

/* The title page: what the document is, and any mark saying it is not a live case, before anything else. */
.report .report-title-page { padding: 1rem 0 2rem; }
.report .report-marks { margin: 0 0 2.5rem; padding: 0; list-style: none; }
.report .report-mark { margin: 0 0 0.75rem; padding: 0.75rem 1rem; border: 5px solid #0b0c0c; font-size: 1.1875rem; font-weight: 700; }
.report .report-caption { color: #505a5f; font-size: 1.1875rem; margin: 0 0 0.5rem; }
.report h1.report-title { font-size: 2.5rem; margin: 0 0 2rem; padding: 0; border: 0; }

/* Facts as a summary list: the label beside its value, a grey rule under each row. */
.report .report-facts { margin: 0 0 1.5rem; display: table; width: 100%; border-collapse: collapse; }
.report .report-facts__row { display: table-row; break-inside: avoid; page-break-inside: avoid; }
.report .report-facts dt, .report .report-facts dd { display: table-cell; padding: 0.5rem 1.25rem 0.5rem 0; border-bottom: 1px solid #b1b4b6; vertical-align: top; margin: 0; }
.report .report-facts dt { font-weight: 700; width: 30%; }

.report .report-list { margin: 0 0 1.25rem; padding-left: 1.5rem; }
.report .report-list li { margin-bottom: 0.4rem; }

.report .report-lead { font-size: 1.1875rem; }
.report .report-hint { color: #505a5f; }
.report .report-warning { font-weight: 700; margin: 0 0 1.25rem; padding: 0.5rem 0 0.5rem 1rem; border-left: 5px solid #0b0c0c; }
.report .report-quote { margin: 0 0 1.25rem; padding: 0.5rem 0 0.5rem 1rem; border-left: 5px solid #b1b4b6; font-size: 1.1875rem; }
.report .report-quote p { margin: 0; }

.report .report-contents ol { list-style: none; margin: 0 0 1.5rem; padding: 0; }
.report .report-contents > ol > li { margin: 0 0 0.6rem; font-weight: 700; }
.report .report-contents ol ol { margin: 0.3rem 0 0; padding-left: 1.5rem; font-weight: 400; }
.report .report-contents ol ol li { margin: 0 0 0.25rem; }

/* Tables: a bold header row over a heavier rule, light grey rules between rows, the caption above. The columns'
   shares are preferred widths: a header word is never split, while a long value (a SHA-256) may break anywhere. */
.report .report-table { width: 100%; table-layout: auto; border-collapse: collapse; margin: 0 0 2rem; font-size: 0.875rem; }
.report .report-table caption { text-align: left; font-weight: 700; font-size: 1.1875rem; padding: 0 0 0.5rem; caption-side: top; }
.report .report-table th, .report .report-table td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem 0.5rem 0; border-bottom: 1px solid #b1b4b6; overflow-wrap: anywhere; }
.report .report-table th { font-weight: 700; border-bottom: 2px solid #0b0c0c; overflow-wrap: normal; }
.report .report-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
.report .report-table thead { display: table-header-group; }
.report .report-table tr { break-inside: avoid; page-break-inside: avoid; }

.report .report-figure { margin: 0 0 2rem; break-inside: avoid; page-break-inside: avoid; }
.report .report-figure figcaption { font-weight: 700; font-size: 1.1875rem; margin: 0 0 0.75rem; }
.report .report-figure svg { display: block; width: 100%; height: auto; max-height: 80vh; }

${COLUMN_WIDTHS}

@media print {
  .report { font-size: 11pt; line-height: 1.35; max-width: none; margin: 0; padding: 0; }
  .report h1 { font-size: 20pt; margin: 0 0 14pt; padding: 0; border: 0; }
  .report h1.report-part { break-before: page; page-break-before: always; }
  .report h2 { font-size: 15pt; margin: 18pt 0 8pt; }
  .report h3 { font-size: 12pt; margin: 14pt 0 6pt; }
  .report p, .report li { orphans: 3; widows: 3; }
  .report .report-lead, .report .report-quote, .report .report-mark, .report .report-caption,
  .report .report-table caption, .report .report-figure figcaption { font-size: 12pt; }
  .report .report-title-page { padding: 3cm 0 0; }
  .report h1.report-title { font-size: 28pt; margin-bottom: 1.5cm; }
  .report a { color: #0b0c0c; text-decoration: none; }
  .report .report-table { font-size: 9pt; }
  .report .report-figure svg { max-height: 21cm; }
}
`;
