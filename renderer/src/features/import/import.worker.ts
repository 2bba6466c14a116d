/// <reference lib="webworker" />
// Reads, checks and writes imports off the main thread, so the window stays responsive with 100,000 rows.
// Cancel terminates this worker: nothing is stored before Accept, and a write cut short aborts its transaction.
import { proposeAllocations } from '../../../../shared/domain/allocationProposals.js';
import { detectKind, unknownHeaders, type ColumnMap, type FileKind, type SavedColumnMaps } from '../../../../shared/import/columns.js';
import { planImport, routeRows, sourceFileOf, summariseFile, type PlannedRow } from '../../../../shared/import/plan.js';
import { readImportTable, sourceTable, type SourceTable } from '../../../../shared/import/readFile.js';
import { collectStaff } from '../../../../shared/import/staff.js';
import type { Allocation, ContactRecord, SourceFile } from '../../../../shared/schemas/index.js';
import { sha256Hex } from '../../lib/sha256.js';
import { openDatabase } from '../../store/db.js';
import { applyImport, loadStored } from '../../store/imports.js';
import { getSetting, setSetting } from '../../store/settings.js';
import { changeKey, type FilePreview, type FromWorker, type ImportPreview, type MappingAnswer, type MappingQuestion, type ToWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;
const db = openDatabase();
const post = (message: FromWorker) => self.postMessage(message);
const COLUMN_MAPPINGS = 'columnMappings';

interface ParsedFile {
  name: string;
  sha256: string;
  source: SourceTable;
}

let parsed: { caseId: string; crn: string; files: ParsedFile[]; saved: SavedColumnMaps } | null = null;
let pending: { caseId: string; rows: PlannedRow[]; preview: ImportPreview; sources: SourceFile[] } | null = null;

function samplesOf(source: SourceTable & { ok: true }): string[][] {
  return source.table.header.map((_, i) => source.table.rows.map((r) => r.cells[i]?.trim() ?? '').filter((v) => v !== '').slice(0, 3));
}

/** Parse every file once; ask about any kind or column the tool does not know before checking the rows. */
async function read(caseId: string, crn: string, files: File[]): Promise<void> {
  const saved = (await getSetting<SavedColumnMaps>(db, COLUMN_MAPPINGS)) ?? {};
  const parsedFiles: ParsedFile[] = [];
  for (const file of files) {
    post({ type: 'progress', phase: 'reading', file: file.name, done: 0, total: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    parsedFiles.push({ name: file.name, sha256: await sha256Hex(bytes), source: await sourceTable(bytes) });
  }
  parsed = { caseId, crn, files: parsedFiles, saved };
  const questions: MappingQuestion[] = [];
  parsedFiles.forEach((f, index) => {
    if (!f.source.ok || f.source.table.header.every((h) => h.trim() === '')) return;
    const kind = detectKind(f.source.table.header, saved);
    if (kind && unknownHeaders(kind, f.source.table.header, saved[kind]).length === 0) return;
    questions.push({ index, file: f.name, kind, header: f.source.table.header, samples: samplesOf(f.source), saved: kind ? saved[kind] ?? {} : {} });
  });
  if (questions.length > 0) post({ type: 'needsMapping', questions });
  else await check(new Map());
}

/** The user's answers: remembered if they asked, then used to check the rows. */
async function mapped(answers: MappingAnswer[], remember: boolean): Promise<void> {
  if (!parsed) throw new Error('There are no files waiting to be checked.');
  if (remember) {
    const saved: SavedColumnMaps = { ...parsed.saved };
    for (const a of answers) saved[a.kind] = { ...saved[a.kind], ...a.columnMap };
    await setSetting(db, COLUMN_MAPPINGS, saved);
    parsed.saved = saved;
  }
  await check(new Map(answers.map((a) => [a.index, a])));
}

async function check(answers: Map<number, { kind: FileKind; columnMap: ColumnMap }>): Promise<void> {
  if (!parsed) throw new Error('There are no files waiting to be checked.');
  const { caseId, crn, files, saved } = parsed;
  const previews: FilePreview[] = [];
  const rows: PlannedRow[] = [];
  const sources: SourceFile[] = [];
  const knownSources = new Set((await db.sources.where('caseId').equals(caseId).toArray()).map((s) => s.sha256));
  for (const [index, f] of files.entries()) {
    const answer = answers.get(index);
    const kind = answer?.kind ?? (f.source.ok ? detectKind(f.source.table.header, saved) : null) ?? undefined;
    const input = {
      fileName: f.name,
      sha256: f.sha256,
      ...(kind ? { kind, columnMap: { ...saved[kind], ...answer?.columnMap } } : {}),
      onProgress: (done: number, total: number) => post({ type: 'progress', phase: 'reading', file: f.name, done, total }),
    };
    const result = f.source.ok
      ? readImportTable(input, f.source.table, f.source.encoding)
      : { file: f.name, encoding: f.source.encoding, rows: 0, accepted: 0, errors: [{ row: 1, message: f.source.message }], warnings: [], kind: null, items: [] as [] };
    const routed = routeRows(crn, result);
    const plan = planImport(routed.rows, await loadStored(db, caseId, routed.rows));
    previews.push({
      file: f.name,
      sha256: f.sha256,
      encoding: result.encoding,
      rows: result.rows,
      accepted: result.accepted,
      errors: result.errors,
      warnings: result.warnings,
      ...summariseFile(result),
      added: plan.added.length,
      unchanged: plan.unchanged,
      otherCaseRows: routed.otherCaseRows,
      alreadyImported: knownSources.has(f.sha256),
    });
    // A file with errors is blocked whole; the others go ahead.
    if (result.errors.length > 0) continue;
    const source = sourceFileOf(result, f.sha256);
    if (source) sources.push(source);
    for (const row of routed.rows) rows.push(row);
  }
  parsed = null;
  // Plan over all files together, so a row repeated in two files of one import is added once.
  const deduplicated = [...new Map(rows.map((r) => [`${r.table}:${r.key}`, r])).values()];
  const plan = planImport(deduplicated, await loadStored(db, caseId, deduplicated));
  const hasAllocations = deduplicated.some((r) => r.table === 'allocations') || (await db.allocations.where('caseId').equals(caseId).count()) > 0;
  const caseContacts = deduplicated.filter((r) => r.table === 'records' && 'kind' in r.item && r.item.kind === 'contact').map((r) => r.item as ContactRecord);
  const preview: ImportPreview = {
    files: previews,
    changed: plan.changed,
    toAdd: plan.added.length,
    proposedAllocations: hasAllocations ? [] : proposeAllocations(crn, caseContacts),
  };
  pending = { caseId, rows: plan.added, preview, sources };
  post({ type: 'preview', preview });
}

async function accept(acceptedChangeKeys: string[], confirmedAllocations: Allocation[]): Promise<void> {
  if (!pending) throw new Error('There is nothing waiting to be stored.');
  const accepted = new Set(acceptedChangeKeys);
  const acceptedChanges = pending.preview.changed.filter((c) => accepted.has(changeKey(c)));
  const rows = [...pending.rows, ...confirmedAllocations.map((a) => ({ table: 'allocations' as const, key: a.id, item: a }))];
  await applyImport(
    db,
    {
      caseId: pending.caseId,
      rows,
      acceptedChanges,
      sources: pending.sources,
      staff: collectStaff([...rows.map((r) => r.item), ...acceptedChanges.map((c) => c.after)]),
    },
    (done, total) => post({ type: 'progress', phase: 'writing', file: '', done, total }),
  );
  const written = rows.length + acceptedChanges.length;
  pending = null;
  post({ type: 'stored', written });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  const work =
    m.type === 'read' ? read(m.caseId, m.crn, m.files) : m.type === 'mapped' ? mapped(m.answers, m.remember) : accept(m.acceptedChangeKeys, m.confirmedAllocations);
  work.catch((e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
