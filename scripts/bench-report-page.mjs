/* global document, window, requestAnimationFrame, MutationObserver -- these run inside the page */
// The report in real Chromium (issue 15): the 100,000-record case with its report-sized review (500 key events, 50
// episodes, 200 findings), opened from a case file. Times, from the click, the Word document to its download and the
// print view to the document shown, then page.pdf of it (what the desktop's printToPDF does); and the redaction
// preview to its table. Budgets: Word within 3 s, PDF within 5 s, no main-thread block over 100 ms throughout: the
// long tasks are recorded by a PerformanceObserver registered before each click.
import { performance as clock } from 'node:perf_hooks';
import { openCaseFile } from './bench-review-tab.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Start recording the page's long tasks and the progress line's changes, from now (page time). */
export const watch = (page) =>
  page.evaluate(() => {
    const w = { long: [], steps: [], t0: performance.now() };
    window.__bench = w;
    w.observer = new PerformanceObserver((list) => w.long.push(...list.getEntries().map((e) => ({ at: e.startTime - w.t0, ms: e.duration }))));
    w.observer.observe({ type: 'longtask' });
    // The progress line says which step the worker is on: its changes split the time by step.
    let last = '';
    w.mutations = new MutationObserver(() => {
      const text = document.querySelector('.report-progress p')?.textContent ?? '';
      if (text && text !== last) w.steps.push({ at: performance.now() - w.t0, what: (last = text) });
    });
    w.mutations.observe(document.body, { subtree: true, childList: true, characterData: true });
  });

/** The long tasks and steps recorded since `watch`; the observers stopped. */
export const watched = (page) =>
  page.evaluate(async () => {
    // A long task is reported after it ends: let the last one in.
    await new Promise((r) => setTimeout(r, 50));
    const w = window.__bench;
    w.observer.disconnect();
    w.mutations.disconnect();
    return { long: w.long, steps: w.steps };
  });

export const summary = ({ long, steps }) => ({ longest: Math.max(0, ...long.map((l) => l.ms)), over100: long.filter((l) => l.ms > 100).length, long, steps });

/** Click a button in the page (no Playwright actionability waits in the timing): the Node clock when it was clicked. */
async function click(page, name) {
  const t0 = clock.now();
  await page.evaluate((name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name).click(), name);
  return t0;
}

/** Write the Word document once: from the click to the download event, with the long tasks until the page says where it went. */
async function writeWord(page) {
  await watch(page);
  const downloaded = page.waitForEvent('download', { timeout: 300_000 });
  const t0 = await click(page, 'Write the Word document');
  const file = await downloaded;
  const ms = clock.now() - t0;
  await page.locator('.report-maker [role=status]').filter({ hasText: 'Saved' }).waitFor({ timeout: 60_000 });
  await file.delete();
  return { ms, ...summary(await watched(page)) };
}

/**
 * Time in the page from a click to the first frame that shows what it leads to (Playwright's own waiting polls too
 * coarsely): the print view with the document's last heading, or the redaction preview with its table.
 */
const untilShown = (page, what) =>
  page.evaluate(async (what) => {
    const last = () => [...document.querySelectorAll('article.report :is(h1, h2, h3)')].at(-1)?.textContent.trim();
    const shown = what === 'print view' ? () => last() === 'The audit trail' : () => document.querySelector('.redaction-preview table') !== null;
    const t0 = performance.now();
    if (what === 'print view') [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Open the print view').click();
    else document.getElementById('report-audience-redacted').click();
    while (!shown()) {
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() - t0 > 300_000) throw new Error(`${what} not shown within 300 s`);
    }
    return performance.now() - t0;
  }, what);

/**
 * Wait until the browser's processes are all but idle (under a tenth of a core for a second): the app's own work in
 * the background, the day's full trail check and backup after a case opens, or the quick check after a document is
 * recorded in the trail, would otherwise be timed with the next document.
 */
export async function settle(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const cpu = async () => (await cdp.send('SystemInfo.getProcessInfo')).processInfo.reduce((n, p) => n + p.cpuTime, 0);
  const t0 = clock.now();
  let before = await cpu();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cpu();
    if (now - before < 0.1 || clock.now() - t0 > 300_000) break;
    before = now;
  }
  await cdp.detach();
  return clock.now() - t0;
}

export async function measureReportPage(browser, url, caseFile, runs = 3) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await openCaseFile(page, url, caseFile);
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'The report' }).click({ timeout: 300_000 });
  await page.getByRole('heading', { name: 'The report' }).waitFor({ timeout: 300_000 });

  // The first document is written at once, as someone might on opening the case: with the day's full trail check
  // and backup running in another worker. Each one after is written with the app settled.
  const word = [await writeWord(page)];
  const settled = await settle(browser);
  for (let i = 0; i < runs; i++) {
    await settle(browser);
    word.push(await writeWord(page));
  }

  // PDF: the print view, then page.pdf of it.
  const pdf = [];
  await page.getByLabel('PDF (from the print view)').check();
  for (let i = 0; i < runs; i++) {
    await settle(browser);
    await watch(page);
    const shownMs = await untilShown(page, 'print view');
    const long = summary(await watched(page));
    const t0 = clock.now();
    const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pdfMs = clock.now() - t0;
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'The report' }).waitFor();
    pdf.push({ shownMs, pdfMs, ms: shownMs + pdfMs, bytes: bytes.length, ...long });
  }

  // The redaction preview, then a redacted Word document.
  await page.getByLabel('Word document').check();
  await settle(browser);
  await watch(page);
  const previewMs = await untilShown(page, 'redaction preview');
  const preview = { ms: previewMs, ...summary(await watched(page)) };
  await settle(browser);
  const redacted = await writeWord(page);
  await context.close();
  return { word, settled, pdf, preview, redacted };
}

export const medianOf = (runs, key = 'ms') => median(runs.map((r) => r[key]));
