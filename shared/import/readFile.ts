import { rowKeyOf, type KeyedTable } from '../audit/rowKeys.js';
import type { Provenance } from '../schemas/common.js';
import type { Allocation } from '../schemas/allocation.js';
import type { ContactRecord, InformationRecord } from '../schemas/record.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../schemas/snapshots.js';
import { mapHeaders, REQUIRED, detectKind, type ColumnMap, type FileKind } from './columns.js';
import { readCsv, type CsvProblem, type CsvRow, type CsvTable } from './csv.js';
import { decodeText, isUtf16, looksBinary, type TextEncoding } from './decode.js';
import type { RowIssue } from './issues.js';
import { readAllocation } from './kinds/allocations.js';
import { readContact } from './kinds/contacts.js';
import { readInformation } from './kinds/information.js';
import { readTeam, readWorkload } from './kinds/snapshots.js';
import { RowReader } from './rowReader.js';
import { looksLikeZip } from './zipGuard.js';

export interface ItemsByKind {
  contacts: ContactRecord;
  workload: WorkloadSnapshot;
  team: TeamSnapshot;
  information: InformationRecord;
  allocations: Allocation;
}

const READERS: { [K in FileKind]: (r: RowReader, p: Provenance) => ItemsByKind[K] | undefined } = {
  contacts: readContact,
  workload: readWorkload,
  team: readTeam,
  information: readInformation,
  allocations: readAllocation,
};

/** The table whose key identifies a kind's rows (a contact's key is its id, in records or other work alike). */
const KEYED_AS: Record<FileKind, KeyedTable> = { contacts: 'records', information: 'records', allocations: 'allocations', workload: 'workload', team: 'teams' };

const DUPLICATE_COLUMN: Record<FileKind, string> = {
  contacts: 'contact_id',
  information: 'info_id',
  allocations: 'from',
  workload: 'snapshot_date',
  team: 'snapshot_date',
};

/** How the file's text was stored: a CSV's encoding, or a workbook. */
export type SourceEncoding = TextEncoding | 'xlsx';

interface ReadFileSummary {
  file: string;
  encoding: SourceEncoding;
  /** Data rows read (records, not lines). */
  rows: number;
  accepted: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** The rows read, typed by the file's kind; a file whose kind is unknown yields none. */
export type ReadFileItems = { [K in FileKind]: { kind: K; items: ItemsByKind[K][] } }[FileKind] | { kind: null; items: [] };

export type ReadFileResult = ReadFileSummary & ReadFileItems;

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** Forces the kind (the command line's `KIND:path`); otherwise recognised from the header row. */
  kind?: FileKind;
  /** The user's answers for headers the tool did not know. */
  columnMap?: ColumnMap;
  /** Told how far validation has got, every thousand rows. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

function fileErrors(input: Omit<ImportFileInput, 'bytes'>, encoding: SourceEncoding, errors: RowIssue[], kind = input.kind): ReadFileResult {
  const summary = { file: input.fileName, encoding, rows: 0, accepted: 0, errors, warnings: [] };
  return kind ? ({ ...summary, kind, items: [] } as ReadFileResult) : { ...summary, kind: null, items: [] };
}

const fileError = (input: Omit<ImportFileInput, 'bytes'>, encoding: SourceEncoding, message: string) => fileErrors(input, encoding, [{ row: 1, message }]);

export type SourceTable = { ok: true; table: CsvTable; encoding: SourceEncoding } | { ok: false; encoding: SourceEncoding; message: string };

/** Why a file's first bytes cannot start a CSV (empty, a workbook, UTF-16, binary), or null when they can. */
export function notCsv(head: Uint8Array, size: number): string | null {
  if (size === 0) return 'the file is empty';
  if (looksLikeZip(head)) return 'this is a workbook (.xlsx), not a CSV file';
  if (isUtf16(head)) return 'the file is UTF-16 text: save it as "CSV UTF-8" and import it again';
  if (looksBinary(head)) return 'not a text file (is it a spreadsheet or binary file renamed .csv?)';
  return null;
}

/** A CSV file's bytes as a table, or why they cannot be one. */
export function csvSourceTable(bytes: Uint8Array): SourceTable {
  const refusal = notCsv(bytes, bytes.length);
  if (refusal) return { ok: false, encoding: 'utf-8', message: refusal };
  const { text, encoding } = decodeText(bytes);
  return { ok: true, table: readCsv(text), encoding };
}

/** A file's bytes as a table, CSV or XLSX (recognised by its bytes, not its name). */
export async function sourceTable(bytes: Uint8Array): Promise<SourceTable> {
  if (!looksLikeZip(bytes)) return csvSourceTable(bytes);
  // The workbook reader loads only when a workbook arrives: most imports are CSV.
  const { readXlsxTable } = await import('./xlsx.js');
  const workbook = await readXlsxTable(bytes);
  return workbook.ok ? { ok: true, table: workbook.table, encoding: 'xlsx' } : { ok: false, encoding: 'xlsx', message: workbook.message };
}

const fromSource = (input: ImportFileInput, source: SourceTable) =>
  source.ok ? readImportTable(input, source.table, source.encoding) : fileError(input, source.encoding, source.message);

/** Read and validate one CSV import file. Nothing here stores anything: the caller decides what to keep. */
export function readCsvImportFile(input: ImportFileInput): ReadFileResult {
  return fromSource(input, csvSourceTable(input.bytes));
}

/** Read and validate one import file, CSV or XLSX. */
export async function readImportFile(input: ImportFileInput): Promise<ReadFileResult> {
  return fromSource(input, await sourceTable(input.bytes));
}

/** Validates a file's rows a chunk at a time, remembering only ids (to catch duplicates) and the problems found. */
export interface RowValidator {
  kind: FileKind;
  validate(rows: readonly CsvRow[], problems?: readonly CsvProblem[]): ItemsByKind[FileKind][];
  /** The file's counts and problems so far. */
  summary(): { rows: number; accepted: number; errors: RowIssue[]; warnings: RowIssue[] };
}

/** Recognise a file's kind and columns from its header; a file that cannot be read as any kind is an error. */
export function openValidator(input: Omit<ImportFileInput, 'bytes'>, header: readonly string[], encoding: SourceEncoding): { ok: true; validator: RowValidator } | { ok: false; result: ReadFileResult } {
  if (header.length === 0 || header.every((h) => h.trim() === '')) {
    return { ok: false, result: fileError(input, encoding, 'the file has no header row') };
  }
  const kind = input.kind ?? detectKind(header);
  if (!kind) {
    return { ok: false, result: fileError(input, encoding, 'not recognised as contacts, workload, team, information or allocations: check the header row') };
  }
  const columns = mapHeaders(kind, header, input.columnMap);
  const missing = REQUIRED[kind].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { ok: false, result: fileErrors(input, encoding, missing.map((column) => ({ row: 1, column, message: 'missing required column' })), kind) };
  }
  const index = new Map<string, number>();
  columns.forEach((c, i) => c !== null && !index.has(c) && index.set(c, i));
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const seen = new Map<string, number>();
  let rowCount = 0;
  let badRows = 0;
  const validate = (rows: readonly CsvRow[], problems: readonly CsvProblem[] = []) => {
    const chunkErrors: RowIssue[] = problems.map((p) => ({ row: p.line, ...(p.column ? { column: p.column } : {}), message: `malformed CSV: ${p.message}` }));
    const items: ItemsByKind[FileKind][] = [];
    for (const row of rows) {
      if (rowCount % 1000 === 0) input.onProgress?.(rowCount, 0);
      rowCount++;
      const reader = new RowReader(index, row.cells, row.line);
      const item = READERS[kind](reader, { fileName: input.fileName, sha256: input.sha256, row: row.line });
      for (const w of reader.warnings) warnings.push(w);
      if (!item) {
        for (const e of reader.errors) chunkErrors.push(e);
        continue;
      }
      // A repeated key is reported rather than silently overwriting.
      const key = rowKeyOf(KEYED_AS[kind], item);
      const first = seen.get(key);
      if (first !== undefined) {
        chunkErrors.push({ row: row.line, column: DUPLICATE_COLUMN[kind], value: reader.text(DUPLICATE_COLUMN[kind]) ?? '', message: `duplicate of row ${first}` });
        continue;
      }
      seen.set(key, row.line);
      items.push(item);
    }
    // Distinct lines of the chunk's records with errors count the rows refused (a quote never closed names a line
    // where no record could be read).
    const lines = new Set(rows.map((r) => r.line));
    badRows += new Set(chunkErrors.filter((e) => lines.has(e.row)).map((e) => e.row)).size;
    for (const e of chunkErrors) errors.push(e);
    return items;
  };
  return {
    ok: true,
    validator: {
      kind,
      validate,
      summary: () => ({ rows: rowCount, accepted: rowCount - badRows, errors: [...errors].sort((a, b) => a.row - b.row), warnings }),
    },
  };
}

/** Validate a table of rows (from a CSV or a workbook) as the given or recognised kind. */
export function readImportTable(input: Omit<ImportFileInput, 'bytes'>, table: CsvTable, encoding: SourceEncoding): ReadFileResult {
  const total = table.rows.length;
  const progress = input.onProgress;
  const opened = openValidator(progress ? { ...input, onProgress: (done: number) => progress(done, total) } : input, table.header, encoding);
  if (!opened.ok) return opened.result;
  const items = opened.validator.validate(table.rows, table.problems);
  return { file: input.fileName, kind: opened.validator.kind, encoding, ...opened.validator.summary(), items } as ReadFileResult;
}
