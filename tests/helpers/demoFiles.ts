import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseIndex } from '../../shared/engine/caseIndex.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import type { DemoManifest } from '../../scripts/demo/demoCase.js';

export const DEMO_DIR = join(import.meta.dirname, '../../assets/demo');

export function demoBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(DEMO_DIR, name)));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const demoManifest = JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8')) as DemoManifest;

/** Read a CSV given as text, the way the importer reads a user's file. */
export function readText(fileName: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) });
}

const DEMO_IMPORT_FILES = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];

/** The demo case as the app builds it from its files, indexed for the engine. */
export function demoCaseIndex(): CaseIndex {
  const read = DEMO_IMPORT_FILES.map((fileName) => {
    const bytes = demoBytes(fileName);
    return { result: readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) }), sha256: sha256(bytes) };
  });
  const details = JSON.parse(readFileSync(join(DEMO_DIR, 'case.json'), 'utf8')) as { crn: string; offenceAt: string; title: string; subject: string };
  const offenceAt = parseDateTime(details.offenceAt);
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  return new CaseIndex(buildCaseBundle({ id: 'demo', crn: details.crn, title: details.title, subject: details.subject, offenceAt: offenceAt.value, synthetic: true, createdAt: '' }, read));
}
