import type { FileKind } from './columns.js';
import type { RowIssue } from './issues.js';
import type { ReadFileResult, SourceEncoding } from './readFile.js';

/** One file in `check --json`, in the order and shape docs/command-line.md gives. */
export interface CheckedFile {
  file: string;
  kind: FileKind | null;
  encoding: SourceEncoding;
  rows: number;
  accepted: number;
  errors: { row: number; column?: string; value?: string; message: string }[];
  warnings: { row: number; column?: string; message: string }[];
}

export interface CheckReport {
  ok: boolean;
  files: CheckedFile[];
}

const issue = (i: RowIssue) => ({ row: i.row, ...(i.column !== undefined ? { column: i.column } : {}), ...(i.value !== undefined ? { value: i.value } : {}), message: i.message });
const warning = (i: RowIssue) => ({ row: i.row, ...(i.column !== undefined ? { column: i.column } : {}), message: i.message });

export function checkReport(results: readonly ReadFileResult[]): CheckReport {
  const files = results.map((r) => ({
    file: r.file,
    kind: r.kind,
    encoding: r.encoding,
    rows: r.rows,
    accepted: r.accepted,
    errors: r.errors.map(issue),
    warnings: r.warnings.map(warning),
  }));
  return { ok: files.every((f) => f.errors.length === 0), files };
}

/** The same report for a person at a terminal. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${f.file}: ${f.kind ?? 'unrecognised'}, ${f.encoding}, ${count(f.rows, 'row')}, ${f.accepted} accepted, ${count(f.errors.length, 'error')}, ${count(f.warnings.length, 'warning')}`);
    for (const e of f.errors) lines.push(`  error   row ${e.row}${e.column ? `, ${e.column}` : ''}${e.value !== undefined && e.value !== '' ? ` "${e.value}"` : ''}: ${e.message}`);
    for (const w of f.warnings) lines.push(`  warning row ${w.row}${w.column ? `, ${w.column}` : ''}: ${w.message}`);
  }
  lines.push(report.ok ? 'OK: no errors.' : 'Errors found: fix them and check again.');
  return lines.join('\n');
}
