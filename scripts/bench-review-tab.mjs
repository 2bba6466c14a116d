/* global document, requestAnimationFrame, HTMLTextAreaElement -- these run inside the page */
// The Review tab in real Chromium (issue 14): the 100,000-record case with its 50-episode, 200-finding review, sent
// as a case file (the command line's `bundle --review`, then `encrypt`) and opened in the app. Times each part of the
// tab opening (from the click to what it shows), and keystrokes in a finding to their flags on the page.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseIndex } from '../shared/engine/caseIndex.ts';
import { readBenchCase } from './bench-engine.ts';
import { benchReview } from './bench-review.ts';
import { unlock } from './bench-unlock.mjs';

const FILE_PASSPHRASE = 'bench case file passphrase';
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/**
 * A generated case and a review of it as a case bundle, through the command line's `bundle --review`; `name` keeps
 * one part's files apart from another's.
 */
export async function writeReviewBundle(demoDir, work, makeReview = benchReview, name = 'bench-review') {
  const reviewPath = join(work, `${name}.json`);
  writeFileSync(reviewPath, JSON.stringify(makeReview(new CaseIndex(await readBenchCase(demoDir)))));
  const files = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'].map((f) => join(demoDir, f));
  const bundle = join(work, `${name}-bundle.json`);
  cli(['bundle', ...files, '--crn', 'X900417', '--offence-at', '2023-11-12T02:17', '--title', 'Bench review case', '--review', reviewPath, '--out', bundle]);
  return bundle;
}

/** A case bundle as a case file the app opens (the command line's `encrypt`). */
export function writeCaseFile(bundle) {
  const out = bundle.replace(/-bundle\.json$/, '.foresight');
  cli(['encrypt', '--bundle', bundle, '--out', out], { ...process.env, FORESIGHT_PASSPHRASE: FILE_PASSPHRASE });
  return out;
}

function cli(args, env = process.env) {
  const r = spawnSync('npx', ['tsx', 'cli/main.ts', ...args], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) throw new Error(`cli ${args[0]} failed`);
}

/** The 100,000-record case and its review as a case file the app opens. */
export async function writeReviewCaseFile(demoDir, work) {
  return writeCaseFile(await writeReviewBundle(demoDir, work));
}

/** Open a case file in the app (on a fresh profile) and its chronology: what the Review tab's and the report's benches start from. */
export async function openCaseFile(page, url, caseFile) {
  await page.goto(url);
  await unlock(page);
  await page.getByRole('grid', { name: 'Chronology' }).waitFor({ timeout: 300_000 });
  await page.goto(`${url}#/open`);
  await page.getByLabel('Case file').setInputFiles(caseFile);
  await page.getByLabel('Passphrase').fill(FILE_PASSPHRASE);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Add to this computer' }).click({ timeout: 300_000 });
  await page.goto(`${url}#/`);
  await page.getByRole('link', { name: 'Bench review case' }).first().click({ timeout: 300_000 });
  await page.getByRole('grid', { name: 'Chronology' }).waitFor({ timeout: 300_000 });
}

export async function measureReviewTab(browser, url, caseFile) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openCaseFile(page, url, caseFile);
  // Timed in the page, from the click to the first frame that has what it shows (Playwright's own waiting polls too
  // coarsely for this).
  const timed = (link, selector, text) =>
    page.evaluate(
      async ({ link, selector, text }) => {
        const matches = (e, pattern) => new RegExp(pattern).test(e.textContent.trim());
        const a = [...document.querySelectorAll('a')].find((e) => matches(e, link));
        const t0 = performance.now();
        a.click();
        const shown = () => [...document.querySelectorAll(selector)].some((e) => !text || matches(e, text));
        while (!shown()) {
          await new Promise((r) => requestAnimationFrame(r));
          if (performance.now() - t0 > 60_000) throw new Error(`${link}: ${selector} not shown`);
        }
        return performance.now() - t0;
      },
      { link, selector, text },
    );
  const FLAGS = '^Hindsight flags \\(\\d[\\d,]* open\\)$';
  const figures = {};
  figures.firstOpen = await timed('^Review$', 'a', FLAGS);
  await timed('^Chronology$', '[role=grid]');
  figures.reopen = await timed('^Review$', 'a', FLAGS);
  figures.findings = await timed('^Findings$', 'a', '^Finding N200$');
  figures.flags = await timed(FLAGS, 'h2', '^Hindsight flags$');
  figures.episodes = await timed('^Key practice episodes$', 'a', '^Episode 50$');
  figures.episode = await timed('^Episode 25$', '#tunnel-title');
  await timed('^Findings$', 'a', '^Finding N200$');
  figures.finding = await timed('^Finding N18$', 'textarea');
  // Keystrokes: a phrase typed at the end of the finding, from the input to its flag on the page (React handles the
  // input at once), and to the next frame drawn.
  const strokes = await page.evaluate(async () => {
    const area = document.querySelector('textarea');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < 40; i++) {
      const before = document.querySelectorAll('[data-flag="outcomeLanguage"]').length;
      const t0 = performance.now();
      setValue.call(area, `${area.value}${i % 2 === 0 ? ' failed to' : ' clearly'}`);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      const shown = performance.now() - t0;
      const added = document.querySelectorAll('[data-flag="outcomeLanguage"]').length - before;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push({ shown, framed: performance.now() - t0, added });
    }
    return out;
  });
  if (!strokes.every((s) => s.added === 1)) throw new Error('a keystroke did not show its flag');
  await context.close();
  return {
    ...figures,
    keystrokeMedian: percentile(strokes.map((s) => s.shown), 50),
    keystrokeP95: percentile(strokes.map((s) => s.shown), 95),
    framedMedian: percentile(strokes.map((s) => s.framed), 50),
  };
}
