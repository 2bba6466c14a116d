// The engine benchmark (issue 4): build a case's index once, then ask what an officer knew and carried at many
// moments. Target: an as-of query over 100,000 records in 5 ms or less.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { asOfReport } from '../shared/engine/asOf.js';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { buildCaseBundle } from '../shared/import/buildBundle.js';
import { parseDateTime } from '../shared/import/dates.js';
import { readImportFile } from '../shared/import/readFile.js';

const FILES = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number;

/** A generated demo case read from `dir` as the importer reads files, and its bundle (not yet indexed). */
export async function readBenchCase(dir: string) {
  const read = [];
  for (const fileName of FILES) {
    const bytes = new Uint8Array(readFileSync(join(dir, fileName)));
    read.push({ result: await readImportFile({ fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }), sha256: '' });
  }
  const details = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { crn: string; offenceAt: string };
  const offenceAt = parseDateTime(details.offenceAt);
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  return buildCaseBundle({ id: 'bench', crn: details.crn, title: 'bench', subject: '', offenceAt: offenceAt.value, synthetic: true, createdAt: '' }, read);
}

/** Reads a generated demo case from `dir`, indexes it, and times as-of queries at 200 moments across the case. */
export async function measureEngine(dir: string) {
  const bundle = await readBenchCase(dir);
  const t0 = performance.now();
  const index = new CaseIndex(bundle);
  const buildMs = performance.now() - t0;
  const first = index.starts[0] as number;
  const span = index.offenceHappened - first;
  const officers = ['N07P101', 'N07P214', 'N07P377'];
  const views: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < 200; i++) {
    const at = first + (span * i) / 199;
    const officer = officers[i % officers.length] as string;
    const a = performance.now();
    const view = index.view(officer, at);
    const b = performance.now();
    asOfReport(index, view);
    reports.push(performance.now() - b);
    views.push(b - a);
  }
  return { records: index.records.length, buildMs, viewMedian: percentile(views, 50), viewP95: percentile(views, 95), reportMedian: percentile(reports, 50) };
}
