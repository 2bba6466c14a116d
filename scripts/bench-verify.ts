// The signature bench (issue 13): a case file of 100,000 records, its trail signed, checked as `verify` checks it.
// Target: verifying the signatures of the trail (each entry hashed again, each signature checked) under 1 s.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { entrySignature, signersByFingerprint } from '../shared/audit/signatures.js';
import { checkChain } from '../shared/audit/trail.js';
import { readCaseBundle } from '../shared/bundle/readBundle.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';

const PASS = 'bench passphrase, not a secret';

/** Make a key, then a bundle of the generated case signed with it, through the command line. */
export function writeSignedBundle(demoDir: string, work: string): string {
  const env = { ...process.env, FORESIGHT_PASSPHRASE: PASS, FORESIGHT_KEY: join(work, 'bench.key') };
  const keygen = spawnSync('npx', ['tsx', 'cli/main.ts', 'keygen', '--name', 'Bench Reviewer', '--out', env.FORESIGHT_KEY], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (keygen.status !== 0) throw new Error('keygen failed');
  const out = join(work, 'signed-bundle.json');
  const files = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'].map((f) => join(demoDir, f));
  const r = spawnSync('npx', ['tsx', 'cli/main.ts', 'bundle', ...files, '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--out', out], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.status !== 0) throw new Error('building the signed bundle failed');
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export function measureVerify(bundlePath: string, runs = 5) {
  const t0 = performance.now();
  const read = readCaseBundle(readFileSync(bundlePath, 'utf8'));
  const readMs = performance.now() - t0;
  if (!read.ok) throw new Error(read.message);
  const { bundle } = read;
  const signatures: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    // The signatures as verify checks them: every entry hashed again and chained, then each signature over its hash.
    if (checkChain(bundle.audit)) throw new Error('the bench trail is broken');
    const signers = signersByFingerprint(bundle.signers ?? []);
    if (!bundle.audit.every((e) => entrySignature(e, signers).state === 'signed')) throw new Error('the bench trail is not signed');
    const b = performance.now();
    if (!verifyBundle(bundle).ok) throw new Error('the bench bundle does not verify');
    whole.push(performance.now() - b);
    signatures.push(b - a);
  }
  return { records: bundle.records.length, rows: bundle.records.length + bundle.otherWork.length + bundle.workload.length + bundle.teams.length, readMs, signaturesMs: median(signatures), wholeMs: median(whole) };
}
