/* global indexedDB -- runs inside the page, through page.evaluate */
// Issue 5's speed figure: open a 100,000-record case from the encrypted store and verify its audit trail, against
// opening the same case from an unencrypted store, in the same Chromium run. The store code runs as the app runs it,
// served from source by Vite's dev server. "Open" is what the chronology waits for (every row the engine needs);
// "check" is what the trail check does in its worker (read the whole case and its trail, hash every row).
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

export async function measureProtect(browser, root, bundlePath, runs = 3) {
  // The bundle is served as the dev server's only public file (tens of MB: too big to hand over through Playwright).
  const server = await createServer({ configFile: join(root, 'renderer/vite.config.ts'), publicDir: dirname(bundlePath), server: { port: 0, strictPort: false }, logLevel: 'error' });
  await server.listen();
  const url = server.resolvedUrls.local[0];
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('crash', () => process.stderr.write('The bench page crashed.\n'));
  await page.goto(url);
  const result = await page.evaluate(
    async ({ root, runs, bundleName }) => {
      const mod = (path) => import(/* @vite-ignore */ path);
      const { openDatabase } = await mod('/src/store/db.ts');
      const { storeCaseBundle } = await mod('/src/store/cases.ts');
      const { caseBundleOf } = await mod('/src/store/caseBundle.ts');
      const { loadCaseData } = await mod('/src/store/caseData.ts');
      const { sealerFor } = await mod('/src/store/sealing.ts');
      const { verifyTrail } = await mod(`/@fs${root}/shared/audit/trail.ts`);
      const { bundleRows } = await mod(`/@fs${root}/shared/bundle/bundleRows.ts`);
      const { readCaseBundle } = await mod(`/@fs${root}/shared/bundle/readBundle.ts`);
      const read = readCaseBundle(await (await fetch(`/${bundleName}`)).text());
      if (!read.ok) throw new Error(read.message);
      const bundle = read.bundle;
      const key = crypto.getRandomValues(new Uint8Array(32));
      const stores = { plain: openDatabase('bench-plain'), encrypted: openDatabase('bench-encrypted', { sealer: sealerFor(key) }) };
      const change = { kind: 'import', what: 'bench', who: 'bench' };
      await storeCaseBundle(stores.plain, bundle, change);
      await storeCaseBundle(stores.encrypted, bundle, change);
      const caseId = bundle.case.id;
      const times = { plainOpen: [], plainCheck: [], encryptedOpen: [], encryptedCheck: [] };
      for (let i = 0; i < runs; i++) {
        // Each open is a fresh connection, as when the app starts.
        for (const name of ['plain', 'encrypted']) {
          stores[name].close();
          stores[name] = name === 'plain' ? openDatabase('bench-plain') : openDatabase('bench-encrypted', { sealer: sealerFor(key) });
          await stores[name].open();
          const t0 = performance.now();
          await loadCaseData(stores[name], caseId);
          const t1 = performance.now();
          const opened = await caseBundleOf(stores[name], caseId);
          const check = verifyTrail(opened.audit, bundleRows(opened));
          const t2 = performance.now();
          if (!check.ok) throw new Error(`trail check failed: ${check.reason}`);
          times[`${name}Open`].push(t1 - t0);
          times[`${name}Check`].push(t2 - t1);
        }
      }
      const records = bundle.records.length;
      for (const db of Object.values(stores)) db.close();
      await Promise.all(['bench-plain', 'bench-encrypted'].map((n) => new Promise((r) => { const q = indexedDB.deleteDatabase(n); q.onsuccess = q.onerror = r; })));
      return { records, rows: bundleRows(bundle).size, times };
    },
    { root, runs, bundleName: basename(bundlePath) },
  );
  await context.close();
  await server.close();
  const m = Object.fromEntries(Object.entries(result.times).map(([k, v]) => [k, median(v)]));
  return { records: result.records, rows: result.rows, ...m };
}
