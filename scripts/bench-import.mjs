/* global window, indexedDB -- these run inside the page, through page.evaluate */
// The import benchmark (issue 3): 100,000 contacts (about 40 MB with realistic notes) and 10,000 workload rows,
// imported end to end in Chromium through the app's own Import screen, against the raw IndexedDB bulkPut rate for
// the same rows measured in the same run.
import { unlock } from './bench-unlock.mjs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv } from './demo/csvWriter.ts';
import { STRAY_QUOTE_LINE, strayQuoteExport } from './demo/strayQuote.ts';
import { STREAM_CHUNK, streamCsv } from '../shared/import/csvStream.ts';

const NOTES = [
  'Attended on time. Discussed employment: he has an interview at the warehouse on Thursday and asked for a letter confirming his reporting days. ',
  'Talked about his relationship and the licence condition to disclose it; he says his partner knows about his past. Explored warning signs. ',
  'Reviewed housing: rent arrears of about £300, referral to the accommodation service made. Reports drinking less; no contact with old associates. ',
];

export function writeImportFiles(dir = mkdtempSync(join(tmpdir(), 'foresight-import-'))) {
  mkdirSync(dir, { recursive: true });
  const contacts = Array.from({ length: 100_000 }, (_, i) => {
    const day = new Date(Date.UTC(2022, 4, 16) + (i % 540) * 86_400_000).toISOString().slice(0, 10);
    return {
      crn: 'X900417', contact_id: 3_000_000_000 + i, contact_date: day, contact_start_time: `${String(9 + (i % 8)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      type_code: 'COAP', type_description: 'Planned Office Visit (NS)', outcome_code: 'ATTC', outcome_description: 'Attended - Complied',
      staff_code: 'N07P214', staff_name: 'James Whitfield', team_code: 'N07T02',
      notes: NOTES[i % 3] + NOTES[(i + 1) % 3] + `Next appointment in two weeks. Ref ${i}.`,
      created_datetime: `${day} 17:${String(i % 60).padStart(2, '0')}:00`,
    };
  });
  const workload = Array.from({ length: 10_000 }, (_, i) => ({
    snapshot_date: new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
    staff_code: `N07P${String(900 + (i % 10)).padStart(3, '0')}`, team_code: 'N07T02', capacity_pct: 90 + (i % 40), total_cases: 40 + (i % 20),
  }));
  const contactsPath = join(dir, 'contacts-100k.csv');
  const workloadPath = join(dir, 'workload-10k.csv');
  writeFileSync(contactsPath, toCsv(Object.keys(contacts[0]), contacts));
  writeFileSync(workloadPath, toCsv(Object.keys(workload[0]), workload));
  return { contactsPath, workloadPath, rows: contacts.length + workload.length };
}

/** The 8.7 MB export with a stray quote, written for the browser to import. */
export function writeStrayQuoteFile(dir) {
  const path = join(dir, 'contacts-stray-quote.csv');
  writeFileSync(path, strayQuoteExport());
  return path;
}

/** The CSV reader alone on the export with a stray quote (Node, the worker's chunk size): median of 5, and the longest cell it held. */
export function measureStrayQuoteReader() {
  const bytes = strayQuoteExport();
  const times = [];
  let longest = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    for (const chunk of streamCsv((a, b) => bytes.subarray(a, b), bytes.length, 'utf-8', false, STREAM_CHUNK).chunks) {
      for (const row of chunk.rows) for (const cell of row.cells) longest = Math.max(longest, cell.length);
    }
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[2], longest };
}

/** From choosing the file with a stray quote to the Import screen naming it: the file is refused, nothing stored. */
export async function measureStrayQuote(browser, url, path) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await unlock(page);
  await page.waitForSelector('[role=grid]', { timeout: 120_000 });
  await page.goto(`${url}#/cases/demo-X900417/import`);
  await page.getByLabel('Choose files').waitFor();
  const t0 = Date.now();
  await page.getByLabel('Choose files').setInputFiles([path]);
  await page.getByRole('heading', { name: /^Problems/ }).waitFor({ timeout: 300_000 });
  const named = await page.getByText(`line ${STRAY_QUOTE_LINE.toLocaleString('en-GB')}`).count();
  const ms = Date.now() - t0;
  await context.close();
  return { ms, named: named > 0 };
}

/**
 * Samples the JS heap of every worker through the DevTools protocol (workers have no performance.memory):
 * attaches to each worker target and asks Runtime.getHeapUsage. Returns a stop() that gives the peak in bytes.
 */
async function sampleWorkerHeaps(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map();
  let peak = 0;
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    if (message.result?.usedSize) peak = Math.max(peak, message.result.usedSize);
  });
  const timer = setInterval(async () => {
    const { targetInfos } = await cdp.send('Target.getTargets').catch(() => ({ targetInfos: [] }));
    for (const t of targetInfos.filter((t) => t.type === 'worker')) {
      if (!sessions.has(t.targetId)) {
        const attached = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false }).catch(() => null);
        if (attached) sessions.set(t.targetId, attached.sessionId);
      }
      const sessionId = sessions.get(t.targetId);
      if (sessionId) cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId++, method: 'Runtime.getHeapUsage' }) }).catch(() => {});
    }
  }, 100);
  return async () => {
    clearInterval(timer);
    await cdp.detach().catch(() => {});
    return peak;
  };
}

/** Import through the UI of a fresh profile; returns the figures. */
export async function measureImport(browser, url, files) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await unlock(page);
  await page.waitForSelector('[role=grid]', { timeout: 120_000 });
  await page.goto(`${url}#/cases/demo-X900417/import`);
  await page.getByLabel('Choose files').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  let peakMainHeap = 0;
  const sample = setInterval(async () => {
    const main = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0).catch(() => 0);
    peakMainHeap = Math.max(peakMainHeap, main);
  }, 100);
  const stopWorkerSampling = await sampleWorkerHeaps(browser);
  const t0 = Date.now();
  await page.getByLabel('Choose files').setInputFiles([files.contactsPath, files.workloadPath]);
  await page.getByRole('button', { name: 'Accept and store' }).waitFor({ timeout: 300_000 });
  const checked = Date.now();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await page.getByRole('heading', { name: 'Import stored' }).waitFor({ timeout: 300_000 });
  const stored = Date.now();
  clearInterval(sample);
  const peakWorkerHeap = await stopWorkerSampling();
  const longest = await page.evaluate(() => window.__longest);
  // The same rows, written raw with IndexedDB put in one transaction: one value per row (the usual way, and the
  // floor for storing rows singly), and as the importer's blocks, so the importer's own overhead shows.
  const raw = await page.evaluate(async () => {
    const open = (name, upgrade) => new Promise((res, rej) => { const r = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name); r.onupgradeneeded = () => upgrade?.(r.result); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const src = await open('foresight');
    const blocks = await new Promise((res) => { const r = src.transaction('blocks').objectStore('blocks').getAll(); r.onsuccess = () => res(r.result.filter((b) => b.table === 'records' || b.table === 'workload')); });
    src.close();
    // Each block's clear rows, from its columns (a column of few values is its values and a character per row).
    const rows = blocks.flatMap((b) => Array.from({ length: b.items.rows }, (_, i) => Object.fromEntries(Object.entries(b.items.columns).map(([k, c]) => [k, Array.isArray(c) ? c[i] : c.values[c.at.charCodeAt(i) - 256]]))));
    const write = async (values) => {
      const dst = await open(`bench-raw-${Math.random()}`, (db) => db.createObjectStore('rows', { autoIncrement: true }));
      const t = performance.now();
      await new Promise((res, rej) => {
        const tx = dst.transaction('rows', 'readwrite');
        const store = tx.objectStore('rows');
        for (const value of values) store.put(value);
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      dst.close();
      return performance.now() - t;
    };
    return { rows: rows.length, ms: await write(rows), blocks: blocks.length, blocksMs: await write(blocks) };
  });
  await context.close();
  return { checkMs: checked - t0, storeMs: stored - checked, totalMs: stored - t0, longestBlockMs: longest, peakMainHeapMb: peakMainHeap / 1048576, peakWorkerHeapMb: peakWorkerHeap / 1048576, raw };
}
