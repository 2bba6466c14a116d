// `npm start`: build, fetch Electron's binary once if it is missing, and open the desktop app.
// Where the binary cannot be downloaded (no network), say so plainly and point to `npm run web`.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

if (!run('npm', ['run', 'build'])) process.exit(1);

let binary = electronBinary();
if (!binary) {
  process.stderr.write('Fetching the Electron binary (once)…\n');
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 180_000 });
  binary = electronBinary();
}
if (!binary) {
  process.stderr.write(
    "Foresight's desktop shell needs the Electron binary, and it could not be downloaded on this machine. " +
      'Run `npm run web` to use the same app in your browser.\n',
  );
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
