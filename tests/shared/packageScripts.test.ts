import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run demo` once pointed at a script that had moved. Every file a package.json script hands to `tsx` or `node`
// (and every `--config` file) must exist, so a rename cannot break a documented command unnoticed.
const root = join(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The files a script's commands name: the first argument after `tsx` or `node` that is not an option, and `--config X`. */
function filesRunBy(script: string): string[] {
  const files: string[] = [];
  for (const command of script.split(/&&|\|\||;|\|/)) {
    const words = command.trim().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      if (words[i] === 'tsx' || words[i] === 'node') {
        const file = words.slice(i + 1).find((w) => !w.startsWith('-'));
        if (file) files.push(file);
      }
      if (words[i] === '--config' && words[i + 1]) files.push(words[i + 1]!);
    }
  }
  return files;
}

describe('package.json scripts', () => {
  it('finds the files a command line runs', () => {
    expect(filesRunBy('tsx scripts/demo/generate.ts')).toEqual(['scripts/demo/generate.ts']);
    expect(filesRunBy('npm run build && node --no-warnings scripts/a.mjs --x 1')).toEqual(['scripts/a.mjs']);
    expect(filesRunBy('vite build --config renderer/vite.config.ts')).toEqual(['renderer/vite.config.ts']);
    expect(filesRunBy('vitest run')).toEqual([]);
  });

  it('run only files that exist', () => {
    const named = Object.entries(scripts).flatMap(([name, script]) => filesRunBy(script).map((file) => ({ name, file })));
    expect(named.length, 'files named by the scripts').toBeGreaterThan(5);
    const missing = named.filter(({ file }) => !existsSync(join(root, file)));
    expect(missing, 'scripts that run a file that does not exist').toEqual([]);
  });
});
