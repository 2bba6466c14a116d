// Bundles the main process and the sandboxed preload into single CommonJS files. `electron` stays external:
// only the composition root (main) and the preload import it, and Electron provides it at run time.
import { build } from 'esbuild';

const common = { bundle: true, format: 'cjs', external: ['electron'], target: 'node22', logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node' });
// A sandboxed preload can require only Electron's renderer modules, so everything else (zod, the contract) is bundled in.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser' });
