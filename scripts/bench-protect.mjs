/* global indexedDB, Worker -- runs inside the page, through page.evaluate */
// Issue 5's speed figure: open a 100,000-record case from the encrypted store and verify its audit trail, against
// opening the same case from an unencrypted store, in the same Chromium run. The store code runs as the app runs it,
// served from source by Vite's dev server. "Open" is what the chronology waits for (every row the engine needs), on
// the page; "open and check" is what the app does (store/trailCheck.ts openCase: the same reads, and the quick check
// of the trail over them). The full check runs in a worker, as in the app. Each store is a fresh connection.
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { createServer } from 'vite';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Build the case bundle the store is filled from, with the command line, from generated import files. */
export function writeBenchBundle(demoDir, out) {
  const files = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'].map((f) => join(demoDir, f));
  const r = spawnSync('npx', ['tsx', 'cli/main.ts', 'bundle', ...files, '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('building the bench bundle failed');
}

export async function measureProtect(browser, root, bundlePath, runs = 7, fullRuns = 3) {
  // The bundle is served as the dev server's only public file (tens of MB: too big to hand over through Playwright).
  const server = await createServer({ configFile: join(root, 'renderer/vite.config.ts'), publicDir: dirname(bundlePath), server: { port: 0, strictPort: false }, logLevel: 'error' });
  await server.listen();
  const url = server.resolvedUrls.local[0];
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('crash', () => process.stderr.write('The bench page crashed.\n'));
  await page.goto(url);
  const result = await page.evaluate(
    async ({ root, runs, fullRuns, bundleName }) => {
      const mod = (path) => import(/* @vite-ignore */ path);
      const { openDatabase } = await mod('/src/store/db.ts');
      const { storeCaseBundle } = await mod('/src/store/cases.ts');
      const { createIdentity } = await mod('/src/store/identity.ts');
      const { loadCaseData } = await mod('/src/store/caseData.ts');
      const { openCase } = await mod('/src/store/trailCheck.ts');
      const { sealerFor } = await mod('/src/store/sealing.ts');
      const { bundleRows } = await mod(`/@fs${root}/shared/bundle/bundleRows.ts`);
      const { readCaseBundle } = await mod(`/@fs${root}/shared/bundle/readBundle.ts`);
      const read = readCaseBundle(await (await fetch(`/${bundleName}`)).text());
      if (!read.ok) throw new Error(read.message);
      const bundle = read.bundle;
      const caseId = bundle.case.id;
      const key = crypto.getRandomValues(new Uint8Array(32));
      const stores = { plain: { name: 'bench-plain', key: null }, encrypted: { name: 'bench-encrypted', key } };
      const open = (s) => openDatabase(s.name, s.key ? { sealer: sealerFor(s.key) } : {});
      for (const s of Object.values(stores)) {
        const db = open(s);
        await createIdentity(db, 'Bench Reviewer');
        await storeCaseBundle(db, bundle, { kind: 'import', what: 'bench' });
        db.close();
      }
      const loadedWorker = () =>
        new Promise((resolve, reject) => {
          const worker = new Worker(`/@fs${root}/scripts/bench-protect-worker.ts`, { type: 'module' });
          worker.onmessage = () => resolve(worker);
          worker.onerror = (e) => reject(new Error(e.message));
        });
      const check = (worker, s, depth) =>
        new Promise((resolve, reject) => {
          worker.onmessage = (e) => {
            worker.terminate();
            if (e.data.ok) resolve(e.data.ms);
            else reject(new Error(`trail check failed: ${e.data.reason}`));
          };
          worker.postMessage({ name: s.name, key: s.key, caseId, depth });
        });
      const timed = async (s, read) => {
        const db = open(s);
        await db.open();
        // Each read starts from a collected heap (the browser is started with --expose-gc), so none pays for another's garbage.
        globalThis.gc?.();
        const t0 = performance.now();
        const result = await read(db, caseId);
        const ms = performance.now() - t0;
        db.close();
        return { ms, result };
      };
      const times = {};
      const add = (name, ms) => (times[name] ??= []).push(ms);
      for (let i = 0; i < runs; i++) {
        for (const [name, s] of Object.entries(stores)) {
          // A first read, not counted, so neither measured read pays for switching stores; then both, in turn first.
          await timed(s, loadCaseData);
          const reads = [
            async () => add(`${name}Open`, (await timed(s, loadCaseData)).ms),
            async () => {
              const opened = await timed(s, openCase);
              if (!opened.result?.trail.ok) throw new Error(`trail check failed: ${opened.result?.trail.reason}`);
              add(`${name}OpenAndCheck`, opened.ms);
            },
          ];
          for (const read of i % 2 === 0 ? reads : reads.reverse()) await read();
          if (i < fullRuns) add(`${name}Full`, await check(await loadedWorker(), s, 'full'));
        }
      }
      await Promise.all(Object.values(stores).map((s) => new Promise((r) => { const q = indexedDB.deleteDatabase(s.name); q.onsuccess = q.onerror = r; })));
      return { records: bundle.records.length, rows: bundleRows(bundle).size, times };
    },
    { root, runs, fullRuns, bundleName: basename(bundlePath) },
  );
  await context.close();
  await server.close();
  const m = Object.fromEntries(Object.entries(result.times).map(([k, v]) => [k, median(v)]));
  return { records: result.records, rows: result.rows, ...m };
}
