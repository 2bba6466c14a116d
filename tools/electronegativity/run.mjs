// Runs Electronegativity over electron/ and fails on any finding not justified in allowlist.json, and on any
// allow-list entry that no longer matches a finding (so the list cannot go stale).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.sarif');
const bin = join(here, 'node_modules/.bin/electronegativity');
const run = spawnSync(bin, ['-i', join(root, 'electron'), '-o', out, '-r', '-v', 'false', '-e', '45.0.0'], { encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(`Electronegativity failed to run:\n${run.stderr}\n`);
  process.exit(1);
}
const findings = JSON.parse(readFileSync(out, 'utf8')).runs.flatMap((r) =>
  r.results.map((result) => ({
    check: result.ruleId,
    file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '*',
    line: result.locations?.[0]?.physicalLocation?.region?.startLine,
  })),
);
const allowed = JSON.parse(readFileSync(join(here, 'allowlist.json'), 'utf8'));
const matches = (entry, f) => entry.check === f.check && (entry.file === '*' || entry.file === f.file);
const unjustified = findings.filter((f) => !allowed.some((a) => matches(a, f)));
const stale = allowed.filter((a) => !findings.some((f) => matches(a, f)));
for (const f of findings) console.log(`${unjustified.includes(f) ? 'NOT ALLOWED' : 'allowed    '} ${f.check} ${f.file}:${f.line ?? ''}`);
for (const a of stale) console.log(`STALE       allow-list entry ${a.check} ${a.file}: no such finding any more`);
console.log(`Electronegativity: ${findings.length} finding(s), ${unjustified.length} not allowed, ${stale.length} stale allow-list entr${stale.length === 1 ? 'y' : 'ies'}`);
process.exit(unjustified.length > 0 || stale.length > 0 ? 1 : 0);
