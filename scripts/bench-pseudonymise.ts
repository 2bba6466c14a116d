// The training copy's bench (issue 17): the 100,000-record case made into a training copy (shared/training/
// pseudonymise.ts), in Node, as the app's worker runs it. Target: within 20 s. Median of 3 after a warm-up run, and the
// copy checked (it verifies, and holds no original CRN or staff code).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readCaseBundle } from '../shared/bundle/readBundle.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';
import { pseudonymise } from '../shared/training/pseudonymise.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export function measurePseudonymise(bundlePath: string, runs = 3) {
  const read = readCaseBundle(readFileSync(bundlePath, 'utf8'));
  if (!read.ok) throw new Error(read.message);
  const { bundle } = read;
  const options = { shiftDays: 364, who: 'Bench Trainer', at: new Date(), caseId: 'bench-training-copy' };
  let made = pseudonymise(bundle, options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    made = pseudonymise(bundle, options);
    times.push(performance.now() - t0);
  }
  if (!verifyBundle(made.bundle).ok) throw new Error('the training copy does not verify');
  const json = JSON.stringify(made.bundle);
  if (json.includes(bundle.case.crn) || bundle.staff.some((s) => json.includes(s.code))) throw new Error('the training copy still holds an original code');
  return {
    records: bundle.records.length,
    rows: bundle.records.length + bundle.otherWork.length + bundle.workload.length + bundle.teams.length,
    ms: median(times),
    replaced: Object.values(made.replaced).reduce((a, b) => a + b, 0),
    toCheck: made.toCheck.length,
  };
}

// Run on its own: `npx tsx scripts/bench-pseudonymise.ts case.json`.
if (process.argv[1]?.endsWith('bench-pseudonymise.ts') && process.argv[2]) {
  const m = measurePseudonymise(process.argv[2]);
  console.log(`Training copy (Node): ${m.records.toLocaleString('en-GB')} records, ${m.rows.toLocaleString('en-GB')} rows: ${m.ms.toFixed(0)} ms (target 20,000 ms); ${m.replaced.toLocaleString('en-GB')} places replaced, ${m.toCheck} words to check`);
}
