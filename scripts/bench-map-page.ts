// The systems map's bench-only page (scripts/map-bench-page/, never part of the app), built for the pan benchmark
// (bench-map-pan.mjs) with the benchmark review (300 boxes) and the demo case beside it.
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { buildCaseBundle } from '../shared/import/buildBundle.js';
import { parseDateTime } from '../shared/import/dates.js';
import { readCsvImportFile } from '../shared/import/readFile.js';
import { benchReview } from './bench-systems-map.js';

const root = join(import.meta.dirname, '..');

/** The demo case as the app would hold it (for the information-flow view of the page). */
function demoCaseData() {
  const dir = join(root, 'assets/demo');
  const read = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'].map((fileName) => {
    const bytes = new Uint8Array(readFileSync(join(dir, fileName)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { result: readCsvImportFile({ fileName, bytes, sha256 }), sha256 };
  });
  const details = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { crn: string; offenceAt: string; title: string; subject: string };
  const offenceAt = parseDateTime(details.offenceAt);
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  return buildCaseBundle({ id: 'bench', crn: details.crn, title: details.title, subject: details.subject, offenceAt: offenceAt.value, synthetic: true, createdAt: '' }, read);
}

/** Builds the bench-only page (scripts/map-bench-page/) into `outDir`, with the benchmark review and the demo case beside it. */
export async function writeMapPage(outDir: string): Promise<void> {
  await build({
    root: join(root, 'scripts/map-bench-page'),
    base: './',
    plugins: [react()],
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'chrome130' },
  });
  writeFileSync(join(outDir, 'review.json'), JSON.stringify(benchReview()));
  writeFileSync(join(outDir, 'case.json'), JSON.stringify(demoCaseData()));
}
