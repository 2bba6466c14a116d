// `npm run cli -- COMMAND ...`: the Node entry point; everything it does is in run.ts, tested with in-memory files.
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { CliIo } from './commands.js';
import { run } from './run.js';

const io: CliIo = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  size: async (path) => (await stat(path)).size,
  writeFile: (path, content) => writeFile(path, content),
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  now: () => new Date(),
  env: (name) => process.env[name],
};

run(process.argv.slice(2), io).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`foresight: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
