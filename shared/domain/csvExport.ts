/**
 * Whatever a spreadsheet may read as the start of a formula: =, +, - or @ (or their full-width forms, which some
 * spreadsheets also take), behind any leading spaces; or a tab or carriage return first.
 */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * A cell for a CSV that people will open in a spreadsheet: quoted per RFC 4180, and never able to start a formula
 * (neutralised with an apostrophe, as OWASP advises).
 */
export function safeCsvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toSafeCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(safeCsvCell).join(',')).join('\r\n') + '\r\n';
}
