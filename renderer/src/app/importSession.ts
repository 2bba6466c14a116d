/// <reference lib="webworker" />
// The import session (app layer), run by the import worker. Reads, checks and writes imports off the main thread, so the window stays responsive with 100,000 rows.
// A CSV is read a chunk at a time, twice: once to check it (keeping only keys and problems), and again at Accept,
// inside the one transaction that stores it. Memory is bounded by the chunk, not the file.
// Cancel terminates this worker: nothing is stored before Accept, and a write cut short aborts its transaction.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { proposeAllocations } from '../../../shared/domain/allocationProposals.js';
import { detectKind, unknownHeaders, type ColumnMap, type FileKind, type SavedColumnMaps } from '../../../shared/import/columns.js';
import type { CsvChunk } from '../../../shared/import/csvStream.js';
import { STREAM_CHUNK, streamCsv } from '../../../shared/import/csvStream.js';
import { hasUtf8Bom, Utf8Check, type TextEncoding } from '../../../shared/import/decode.js';
import { countInto, describeRows, FileSummariser, routeRows, type ChangedRow, type RowsByTable, type StoredItem, type TableName } from '../../../shared/import/plan.js';
import { trailKey } from '../../../shared/audit/rowKeys.js';
import { CrnSurvey } from '../../../shared/import/survey.js';
import { londonDateOfTime } from '../../../shared/time/london.js';
import { ImportPlanner } from '../../../shared/import/planner.js';
import { notCsv, openValidator, type ReadFileItems, type SourceEncoding } from '../../../shared/import/readFile.js';
import { collectStaff } from '../../../shared/import/staff.js';
import { looksLikeZip } from '../../../shared/import/zipGuard.js';
import type { Allocation, Case, SourceFile, Staff } from '../../../shared/schemas/index.js';
import type { ForesightDb } from '../store/db.js';
import { openSealed } from '../store/openSealed.js';
import { existingKeys, IMPORT_TABLES, inNewCase, sourceHashes, storedRows, storeImport } from '../store/imports.js';
import { currentAuthor } from '../store/identity.js';
import { getSetting, setSetting } from '../store/settings.js';
import { changeKey, type FilePreview, type FromWorker, type ImportTarget, type MappingAnswer, type MappingQuestion, type ToWorker } from './importProtocol.js';
import { count } from '../../../shared/domain/words.js';

// The store is opened with the data key the window sends with the first message.
let db: ForesightDb;
// Answers go to whoever started the session (the worker posts them to the window).
let post: (message: FromWorker) => void = () => undefined;
const COLUMN_MAPPINGS = 'columnMappings';
const XLSX_CHUNK = 5000;

/** One file, readable from the start as many times as needed. */
interface ImportSource {
  name: string;
  /** Known once the file has been read through (a CSV is hashed while it is first checked). */
  sha256: string;
  encoding: SourceEncoding;
  header: string[];
  samples: string[][];
  /** Why the file cannot be read at all, if so. */
  error?: string;
  /** The file's rows a chunk at a time; `tee` sees every byte read, in order. */
  chunks(tee?: (bytes: Uint8Array) => void): Iterable<CsvChunk>;
  size: number;
}

function syncReader(file: File, tee?: (bytes: Uint8Array) => void) {
  const reader = new FileReaderSync();
  return (start: number, end: number) => {
    const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end)));
    tee?.(bytes);
    return bytes;
  };
}

const samplesOf = (header: readonly string[], rows: readonly { cells: string[] }[]) =>
  header.map((_, i) => rows.map((r) => r.cells[i]?.trim() ?? '').filter((v) => v !== '').slice(0, 3));

/**
 * Open a file: read its header and first rows only. Its encoding is settled from the first chunk (a strict UTF-8
 * decode) and confirmed while it is checked, when it is also hashed: each CSV is read once to check, once to store.
 */
async function openSource(file: File): Promise<ImportSource> {
  const read = syncReader(file);
  const head = read(0, Math.min(file.size, STREAM_CHUNK));
  if (looksLikeZip(head)) return openWorkbook(file);
  const base = { name: file.name, size: file.size, sha256: '', header: [] as string[], samples: [] as string[][], chunks: () => [] as CsvChunk[] };
  const refusal = notCsv(head, file.size);
  if (refusal) return { ...base, encoding: 'utf-8', error: refusal };
  const hadBom = hasUtf8Bom(head);
  const firstCheck = new Utf8Check();
  firstCheck.feed(head);
  const encoding: TextEncoding = firstCheck.valid ? 'utf-8' : 'windows-1252';
  const source: ImportSource = {
    ...base,
    encoding,
    chunks: (tee) => streamCsv(syncReader(file, tee), file.size, source.encoding as TextEncoding, hadBom && source.encoding === 'utf-8').chunks,
  };
  const first = streamCsv(read, file.size, encoding, hadBom);
  const firstChunk = first.chunks.next();
  source.header = first.header;
  source.samples = samplesOf(first.header, firstChunk.done ? [] : firstChunk.value.rows);
  return source;
}

/**
 * Read a CSV through for the check, hashing it and confirming its encoding on the way. Invalid UTF-8 found late
 * means the file is Windows-1252 after all: the scan starts again in that encoding.
 */
function* scanned(source: ImportSource, onRestart: () => void): Generator<CsvChunk> {
  if (source.encoding === 'xlsx') {
    yield* source.chunks();
    return;
  }
  for (;;) {
    const hash = sha256.create();
    const utf8 = source.encoding === 'utf-8' ? new Utf8Check() : null;
    const tee = (bytes: Uint8Array) => {
      hash.update(bytes);
      utf8?.feed(bytes);
    };
    for (const chunk of source.chunks(tee)) {
      if (utf8 && !utf8.valid) break;
      yield chunk;
    }
    if (!utf8 || utf8.finish()) {
      source.sha256 = bytesToHex(hash.digest());
      return;
    }
    source.encoding = 'windows-1252';
    onRestart();
  }
}

/** A workbook is a zip, so it is read whole; its rows are then handed on in chunks like a CSV's. */
async function openWorkbook(file: File): Promise<ImportSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = bytesToHex(sha256(bytes));
  const { readXlsxTable } = await import('../../../shared/import/xlsx.js');
  const workbook = await readXlsxTable(bytes);
  const base = { name: file.name, size: file.size, sha256: digest, encoding: 'xlsx' as const };
  if (!workbook.ok) return { ...base, header: [], samples: [], error: workbook.message, chunks: () => [] };
  const { header, rows } = workbook.table;
  return {
    ...base,
    header,
    samples: samplesOf(header, rows.slice(0, 50)),
    chunks: function* () {
      for (let i = 0; i < rows.length; i += XLSX_CHUNK) yield { rows: rows.slice(i, i + XLSX_CHUNK), problems: [], bytesRead: Math.round(((i + XLSX_CHUNK) / rows.length) * file.size) };
    },
  };
}

interface Checked {
  caseId: string;
  crn: string;
  files: { source: ImportSource; kind: FileKind; columnMap: ColumnMap }[];
  /** What the case held before this import, by table: rows under these keys are compared, never rewritten silently. */
  existing: Map<TableName, Map<string, number>>;
  changed: ChangedRow[];
  sources: SourceFile[];
  staff: Staff[];
  /** Rows in the files going ahead, for progress while storing. */
  rows: number;
}

type Answers = Map<number, { kind: FileKind; columnMap: ColumnMap }>;
/** Files opened and any answers about their columns; `into` is null until a case is chosen for files surveyed first. */
let opened: { into: ImportTarget | null; sources: ImportSource[]; saved: SavedColumnMaps; answers: Answers } | null = null;
let checked: Checked | null = null;

/**
 * Open every file; ask about any kind or column the tool does not know, then check the rows for the case, or, for a
 * case still to be made from these files, survey the CRNs they hold.
 */
async function read(into: ImportTarget | null, files: File[]): Promise<void> {
  const saved = (await getSetting<SavedColumnMaps>(db, COLUMN_MAPPINGS)) ?? {};
  const sources: ImportSource[] = [];
  for (const file of files) sources.push(await openSource(file));
  opened = { into, sources, saved, answers: new Map() };
  const questions: MappingQuestion[] = [];
  sources.forEach((s, index) => {
    if (s.error || s.header.every((h) => h.trim() === '')) return;
    const kind = detectKind(s.header, saved);
    if (kind && unknownHeaders(kind, s.header, saved[kind]).length === 0) return;
    questions.push({ index, file: s.name, kind, header: s.header, samples: s.samples, saved: kind ? saved[kind] ?? {} : {} });
  });
  if (questions.length > 0) post({ type: 'needsMapping', questions });
  else await next();
}

/** With every column known: check the files for their case, or survey them when there is no case yet. */
const next = () => (opened?.into ? check(opened.into) : survey());

/** The user's answers: remembered if they asked, then used to check the rows. */
async function mapped(answers: MappingAnswer[], remember: boolean): Promise<void> {
  if (!opened) throw new Error('There are no files waiting to be checked.');
  if (remember) {
    const saved: SavedColumnMaps = { ...opened.saved };
    for (const a of answers) saved[a.kind] = { ...saved[a.kind], ...a.columnMap };
    await setSetting(db, COLUMN_MAPPINGS, saved);
    opened.saved = saved;
  }
  opened.answers = new Map(answers.map((a) => [a.index, a]));
  await next();
}

/** The kind of each file, as recognised or as the user said. */
function kindOf(source: ImportSource, index: number): FileKind | undefined {
  if (!opened || source.error) return undefined;
  return opened.answers.get(index)?.kind ?? detectKind(source.header, opened.saved) ?? undefined;
}

const columnMapOf = (kind: FileKind, index: number): ColumnMap => ({ ...opened?.saved[kind], ...opened?.answers.get(index)?.columnMap });

/** After a survey, the case chosen: check the files for it. */
async function checkFor(into: ImportTarget): Promise<void> {
  if (!opened) throw new Error('There are no files waiting to be checked.');
  opened.into = into;
  await check(into);
}

/** Read the files through once for the CRNs they name, so the reviewer can say which case they are about. */
async function survey(): Promise<void> {
  if (!opened) throw new Error('There are no files waiting to be checked.');
  const crns = new CrnSurvey();
  for (const [index, source] of opened.sources.entries()) {
    const kind = kindOf(source, index);
    if (kind !== 'contacts' && kind !== 'information' && kind !== 'allocations') continue;
    const open = () => validatorFor(source, kind, columnMapOf(kind, index));
    let validator = open();
    // Each file on its own: read again as Windows-1252 (invalid UTF-8 found late), it starts afresh.
    let file = new CrnSurvey();
    const restart = () => {
      validator = open();
      file = new CrnSurvey();
    };
    for (const chunk of scanned(source, restart)) {
      if (!validator.ok) break;
      const items = validator.validator.validate(chunk.rows, chunk.problems) as { crn: string; occurred?: { value: string; precision: 'exact' | 'day' | 'month' | 'approx' } }[];
      file.add(kind, items.map((i) => ({ crn: i.crn, ...(i.occurred ? { date: londonDateOfTime(i.occurred) } : {}) })));
      post({ type: 'progress', phase: 'reading', file: source.name, done: 0, total: 0 });
    }
    crns.merge(file);
  }
  post({ type: 'survey', survey: crns.result() });
}

/** Validate one chunk and route its rows into the case's tables. */
function routeChunk(crn: string, validator: ReturnType<typeof openValidator> & { ok: true }, chunk: CsvChunk) {
  const items = validator.validator.validate(chunk.rows, chunk.problems);
  return { items, ...routeRows(crn, { kind: validator.validator.kind, items } as ReadFileItems) };
}

function validatorFor(source: ImportSource, kind: FileKind | undefined, columnMap: ColumnMap, onProgress?: (done: number) => void) {
  return openValidator({ fileName: source.name, sha256: source.sha256, ...(kind ? { kind, columnMap } : {}), ...(onProgress ? { onProgress } : {}) }, source.header, source.encoding);
}

/** Pass one: check every row, compare with what the case holds, and keep only keys, problems and changed rows. */
async function check(into: ImportTarget): Promise<void> {
  if (!opened) throw new Error('There are no files waiting to be checked.');
  const { sources } = opened;
  const { caseId, crn } = into;
  const existing = new Map<TableName, Map<string, number>>();
  for (const table of IMPORT_TABLES) existing.set(table, await existingKeys(db, caseId, table));
  const knownSources = await sourceHashes(db, caseId);
  const previews: FilePreview[] = [];
  const result: Checked = { caseId, crn, files: [], existing, changed: [], sources: [], staff: [], rows: 0 };
  const staff = new Map<string, Staff>();
  const planner = new ImportPlanner(existing);
  let toAdd = 0;
  const toAddByTable: RowsByTable = {};

  for (const [index, source] of sources.entries()) {
    const kind = kindOf(source, index);
    const columnMap = kind ? columnMapOf(kind, index) : {};
    let rowsDone = 0;
    const open = () => (source.error ? null : validatorFor(source, kind, columnMap, (done) => (rowsDone = done)));
    let validator = open();
    const preview: FilePreview = {
      file: source.name, sha256: source.sha256, encoding: source.encoding, rows: 0, accepted: 0, errors: [], warnings: [],
      kind: kind ?? null, from: null, to: null, officers: [], added: 0, unchanged: 0, otherCaseRows: 0, byTable: {}, alreadyImported: false,
    };
    if (!validator || !validator.ok) {
      const failure = validator && !validator.ok ? validator.result : null;
      previews.push({ ...preview, kind: failure?.kind ?? null, errors: failure?.errors ?? [{ row: 1, message: source.error ?? 'the file cannot be read' }] });
      continue;
    }
    let summariser = new FileSummariser();
    planner.startFile();
    // Invalid UTF-8 found late: the file is checked again as Windows-1252, from a clean slate.
    const restart = () => {
      validator = open();
      summariser = new FileSummariser();
      planner.restartFile();
      preview.otherCaseRows = 0;
      preview.byTable = {};
    };
    for (const chunk of scanned(source, restart)) {
      if (!validator?.ok) break;
      const { items, rows, otherCaseRows } = routeChunk(crn, validator, chunk);
      summariser.add(items as StoredItem[]);
      for (const s of collectStaff(items as StoredItem[])) if (!staff.has(s.code)) staff.set(s.code, s);
      preview.otherCaseRows += otherCaseRows;
      for (const r of rows) countInto(preview.byTable, r.table);
      for (const [table, candidates] of planner.plan(rows)) {
        planner.compare(table, candidates, await storedRows(db, caseId, table, candidates.map((c) => c.key), existing.get(table) ?? new Map()));
      }
      const fraction = source.size > 0 ? chunk.bytesRead / source.size : 1;
      post({ type: 'progress', phase: 'reading', file: source.name, done: rowsDone, total: fraction > 0 ? Math.round(rowsDone / fraction) : 0 });
    }
    if (!validator?.ok) continue;
    // The hash is known only now that the file has been read through: the changed rows' provenance takes it.
    const { added, addedByTable, unchanged, changed: fileChanged } = planner.fileTally();
    for (const c of fileChanged) if ('provenance' in c.after && c.after.provenance) c.after.provenance.sha256 = source.sha256;
    Object.assign(preview, { sha256: source.sha256, encoding: source.encoding, alreadyImported: knownSources.has(source.sha256) });
    const summary = validator.validator.summary();
    Object.assign(preview, summary, summariser.summary(validator.validator.kind), { kind: validator.validator.kind, added, unchanged });
    previews.push(preview);
    // A file with errors is blocked whole; the others go ahead.
    if (summary.errors.length > 0) continue;
    toAdd += added;
    for (const [table, n] of Object.entries(addedByTable) as [TableName, number][]) countInto(toAddByTable, table, n);
    result.changed.push(...fileChanged);
    result.files.push({ source, kind: validator.validator.kind, columnMap });
    result.sources.push({ fileName: source.name, sha256: source.sha256, kind: validator.validator.kind, rows: summary.rows });
    result.rows += summary.rows;
  }
  result.staff = [...staff.values()];
  opened = null;
  checked = result;
  const hasAllocations = planner.allocationsInImport || existing.get('allocations')?.size !== 0;
  const { earliestContact, transfers } = planner;
  post({
    type: 'preview',
    preview: { files: previews, changed: result.changed, toAdd, toAddByTable, proposedAllocations: hasAllocations ? [] : proposeAllocations(crn, earliestContact ? [earliestContact, ...transfers] : transfers) },
  });
}

/**
 * Pass two, at Accept: read the files again inside one transaction and store what pass one found new. A case made
 * from these files is created in the same transaction: if the import fails, there is no half-made case.
 */
async function accept(acceptedChangeKeys: string[], confirmedAllocations: Allocation[], newCase: Case | undefined): Promise<void> {
  if (!checked) throw new Error('There is nothing waiting to be stored.');
  const { caseId, crn, files, existing, changed, sources, staff, rows: totalRows } = checked;
  const accepted = new Set(acceptedChangeKeys);
  const acceptedChanges = changed.filter((c) => accepted.has(changeKey(c)));
  const total = files.reduce((n, f) => n + f.source.size, 0);
  let bytesBefore = 0;
  const author = await currentAuthor(db);
  const store = () => storeImport(
    db,
    caseId,
    async (put) => {
      const done = new Set<string>();
      // The database writes a chunk on its own thread while this one parses the next: one write in flight at a time.
      let inFlight: Promise<void> = Promise.resolve();
      for (const { source, kind, columnMap } of files) {
        const validator = validatorFor(source, kind, columnMap);
        if (!validator.ok) continue;
        for (const chunk of source.chunks()) {
          const { rows } = routeChunk(crn, validator, chunk);
          const fresh = rows.filter((r) => ImportPlanner.isNew(existing, r) && !done.has(trailKey(r.table, r.key)));
          for (const r of fresh) done.add(trailKey(r.table, r.key));
          await inFlight;
          inFlight = put(fresh);
          const fraction = total > 0 ? (bytesBefore + chunk.bytesRead) / total : 1;
          post({ type: 'progress', phase: 'writing', file: source.name, done: Math.round(fraction * totalRows), total: totalRows });
        }
        bytesBefore += source.size;
      }
      await inFlight;
      await put(confirmedAllocations.map((a) => ({ table: 'allocations' as const, key: a.id, item: a })));
    },
    {
      acceptedChanges,
      existing,
      sources,
      staff: [...staff, ...collectStaff(confirmedAllocations)],
      audit: { author, at: new Date(), what: (n) => importSummary(sources, n, acceptedChanges.length, confirmedAllocations.length) },
    },
  );
  const written = newCase
    ? await inNewCase(db, newCase, author, store)
    : await store();
  checked = null;
  post({ type: 'stored', written, replaced: acceptedChanges.length });
}


/** What an import did, in a line for the audit trail. */
function importSummary(sources: readonly SourceFile[], written: RowsByTable, changes: number, allocations: number): string {
  const confirmed = allocations > 0 ? ` (the allocations proposed from transfer contacts, confirmed)` : '';
  const replaced = changes > 0 ? `; ${count(changes, 'changed row')} replaced` : '';
  return `Imported ${count(sources.length, 'file')} (${sources.map((s) => s.fileName).join(', ')}): ${describeRows(written)} stored${confirmed}${replaced}`;
}

/** Handle one message from the window; every answer, progress included, goes through `answer`. */
export function handleImportMessage(m: ToWorker, answer: (message: FromWorker) => void): void {
  post = answer;
  if (m.type === 'read') db ??= openSealed(m.dataKey);
  const work =
    m.type === 'read' ? read(m.into, m.files)
    : m.type === 'mapped' ? mapped(m.answers, m.remember)
    : m.type === 'checkFor' ? checkFor(m.into)
    : accept(m.acceptedChangeKeys, m.confirmedAllocations, m.newCase);
  work.catch((e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
}
