/* global document, requestAnimationFrame -- these run inside the page */
// A training copy in real Chromium (issue 17): the 100,000-record case with its review, opened from a case file, made
// into a training copy on its Training tab, dates moved a fixed 26 weeks. Times, in the page, from the click to the
// first frame that shows what it leads to: "Show what the copy replaces" to the preview, and "Make the training
// copy" to the new case's page. Budget: within 20 s, in a worker, with progress; the long tasks and the progress
// line's changes are recorded as the report's bench records them (the training copy's progress is a .report-progress
// too), and the progress line's steps split each job: reading the case, pseudonymising, then (make) storing the copy.
import { openCaseFile } from './bench-review-tab.mjs';
import { settle, summary, watch, watched } from './bench-report-page.mjs';

/**
 * Click a button by its words, and time in the page until the first frame that shows what it leads to: the preview
 * (its line on how far dates move), or the new case's page (its title).
 */
const untilShown = (page, button) =>
  page.evaluate(async (button) => {
    const shown = button === 'Show what the copy replaces'
      ? () => [...document.querySelectorAll('p')].some((p) => p.textContent.startsWith('Dates move by 182 days'))
      : () => [...document.querySelectorAll('h1')].some((h) => h.textContent.startsWith('Training copy: '));
    const t0 = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button).click();
    while (!shown()) {
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() - t0 > 600_000) throw new Error(`${button}: not shown within 600 s`);
    }
    return performance.now() - t0;
  }, button);

/** A job's figures: its time, its long tasks, and whether its progress moved (the percentage shown changed while it ran). */
const figures = (ms, watchedJob) => {
  const s = summary(watchedJob);
  const percents = new Set(s.steps.map((x) => /\((\d+)%\)$/.exec(x.what)?.[1]).filter(Boolean));
  return { ms, ...s, progressUpdates: percents.size };
};

export async function measureTrainingCopyPage(browser, url, caseFile) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openCaseFile(page, url, caseFile);
  await page.getByRole('link', { name: 'Training', exact: true }).click();
  await page.getByRole('heading', { name: 'Make a training copy' }).waitFor({ timeout: 300_000 });
  await page.getByLabel('A number of weeks I choose').check();
  await page.getByLabel('Weeks', { exact: true }).fill('26');
  // The day's full trail check and backup after the case opened would otherwise be timed with the copy.
  const settled = await settle(browser);

  await watch(page);
  const previewMs = await untilShown(page, 'Show what the copy replaces');
  const preview = figures(previewMs, await watched(page));
  const toCheck = await page.locator('.training-copy__word').count();

  await settle(browser);
  await watch(page);
  const makeMs = await untilShown(page, 'Make the training copy');
  const make = figures(makeMs, await watched(page));
  await context.close();
  return { settled, preview, make, toCheck };
}
