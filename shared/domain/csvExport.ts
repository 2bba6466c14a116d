/**
 * A cell for a CSV that people will open in a spreadsheet: quoted per RFC 4180, and never able to start a formula
 * (a leading =, +, -, @, tab or carriage return is neutralised with an apostrophe, as OWASP advises).
 */
export function safeCsvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toSafeCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(safeCsvCell).join(',')).join('\r\n') + '\r\n';
}
