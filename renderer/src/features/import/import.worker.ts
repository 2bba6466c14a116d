/// <reference lib="webworker" />
// Reads, checks and writes imports off the main thread, so the window stays responsive with 100,000 rows.
// Cancel terminates this worker: nothing is stored before Accept, and a write cut short aborts its transaction.
import { proposeAllocations } from '../../../../shared/domain/allocationProposals.js';
import { planImport, routeRows, sourceFileOf, summariseFile, type PlannedRow } from '../../../../shared/import/plan.js';
import { readImportFile } from '../../../../shared/import/readFile.js';
import { collectStaff } from '../../../../shared/import/staff.js';
import type { Allocation, ContactRecord, SourceFile } from '../../../../shared/schemas/index.js';
import { sha256Hex } from '../../lib/sha256.js';
import { openDatabase } from '../../store/db.js';
import { applyImport, loadStored } from '../../store/imports.js';
import { changeKey, type FilePreview, type FromWorker, type ImportPreview, type ToWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;
const db = openDatabase();
const post = (message: FromWorker) => self.postMessage(message);

let pending: { caseId: string; rows: PlannedRow[]; preview: ImportPreview; sources: SourceFile[] } | null = null;

async function read(caseId: string, crn: string, files: File[]): Promise<void> {
  const previews: FilePreview[] = [];
  const rows: PlannedRow[] = [];
  const sources: SourceFile[] = [];
  const knownSources = new Set((await db.sources.where('caseId').equals(caseId).toArray()).map((s) => s.sha256));
  for (const file of files) {
    post({ type: 'progress', phase: 'reading', file: file.name, done: 0, total: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const result = await readImportFile({
      fileName: file.name,
      bytes,
      sha256,
      onProgress: (done, total) => post({ type: 'progress', phase: 'reading', file: file.name, done, total }),
    });
    const routed = routeRows(crn, result);
    const stored = await loadStored(db, caseId, routed.rows);
    const plan = planImport(routed.rows, stored);
    previews.push({
      file: file.name,
      sha256,
      encoding: result.encoding,
      rows: result.rows,
      accepted: result.accepted,
      errors: result.errors,
      warnings: result.warnings,
      ...summariseFile(result),
      added: plan.added.length,
      unchanged: plan.unchanged,
      otherCaseRows: routed.otherCaseRows,
      alreadyImported: knownSources.has(sha256),
    });
    // A file with errors is blocked whole; the others go ahead.
    if (result.errors.length > 0) continue;
    const source = sourceFileOf(result, sha256);
    if (source) sources.push(source);
    rows.push(...routed.rows);
  }
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
  const message = event.data;
  const work = message.type === 'read' ? read(message.caseId, message.crn, message.files) : accept(message.acceptedChangeKeys, message.confirmedAllocations);
  work.catch((e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
