/**
 * Writes the built-in demo case to assets/demo/ in the formats of docs/formats.md. Deterministic: the same seed writes
 * the same bytes. `--case-contacts N` pads the chronology to N contacts (for speed tests); `--out DIR` writes elsewhere.
 *   npm run demo
 *   npm run demo -- --case-contacts 100000 --out /tmp/big
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoFiles } from './writeDemo.js';

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'case-contacts': { type: 'string' } },
});
const out = resolve(values.out ?? join(import.meta.dirname, '../../assets/demo'));
mkdirSync(out, { recursive: true });
const caseContacts = values['case-contacts'] ? Number(values['case-contacts']) : undefined;
const manifest = writeDemoFiles(out, caseContacts ? { caseContacts } : {}, writeFileSync);
process.stderr.write(`Demo case written to ${out}: ${JSON.stringify(manifest)}\n`);
