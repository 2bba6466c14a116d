// The initial renderer JavaScript (what index.html loads before anything is lazy-loaded) must stay ≤ 250 kB gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dir = 'dist/renderer';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
// Modules preloaded by the entry are initial too.
for (const file of [...initial]) {
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(/from"\.\/([^"]+\.js)"/g)) initial.add(`assets/${m[1]}`);
}
let total = 0;
for (const file of initial) total += gzipSync(readFileSync(join(dir, file))).length;
const kb = total / 1024;
console.log(`Initial renderer JavaScript: ${kb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB) in ${initial.size} file(s)`);
if (initial.size === 0 || kb > BUDGET_KB) process.exit(1);
