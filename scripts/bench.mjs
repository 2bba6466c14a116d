/* global document, requestAnimationFrame -- these run inside the page, through page.evaluate */
// `npm run bench`: speed figures in real Debian Chromium, for the demo case and a 100,000-record case from the same
// generator. Prints start-to-chronology-shown (first run, which imports and stores the case, and reopening it) and
// scroll frame times (median and 95th percentile); and the systems map's layout and panning (`-- systems-map`). Compare
// figures within one run; machines differ.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { measureImport, measureStrayQuote, measureStrayQuoteReader, writeImportFiles, writeStrayQuoteFile } from './bench-import.mjs';
import { measureEngine } from './bench-engine.ts';
import { measureReview } from './bench-review.ts';
import { measureReviewTab, writeCaseFile, writeReviewBundle, writeReviewCaseFile } from './bench-review-tab.mjs';
import { benchReportReview, benchReview } from './bench-review.ts';
import { measureReport } from './bench-report.ts';
import { measureReportPage, medianOf } from './bench-report-page.mjs';
import { measureProtect, writeBenchBundle } from './bench-protect.mjs';
import { measureVerify, writeSignedBundle } from './bench-verify.ts';
import { measureReply } from './bench-reply.ts';
import { measurePseudonymise } from './bench-pseudonymise.ts';
import { measureTrainingCopyPage } from './bench-training-copy-page.mjs';
import { sinceStoreOpen, unlock } from './bench-unlock.mjs';
import { measureTimeline, measureVisTimeline } from './bench-timeline.mjs';
import { measureMapLayout } from './bench-systems-map.ts';
import { writeMapPage } from './bench-map-page.ts';
import { measureMapPan } from './bench-map-pan.mjs';
import { measurePresenter } from './bench-presenter.ts';

const root = process.cwd();
// `npm run bench -- import` (or chronology) runs one part; no argument runs them all.
const parts = process.argv.slice(2);
const wanted = (part) => parts.length === 0 || parts.includes(part);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.csv': 'text/csv', '.json': 'application/json' };
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html'));
    if (!path.startsWith(dir) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const shown = async () => {
    // The chronology has its rows (up to the moment it opens on: a minute before the further offence).
    await page.waitForFunction(() => performance.getEntriesByName('chronology-shown').length > 0 && Number(document.querySelector('[role=grid]')?.getAttribute('aria-rowcount')) > 1, null, { timeout: 300_000, polling: 100 });
    return sinceStoreOpen(page, 'chronology-shown');
  };
  await page.goto(url);
  await unlock(page);
  const firstRun = await shown();
  await page.reload();
  await unlock(page);
  const reopen = await shown();
  // Scroll the chronology continuously, one step a frame, with the frame-rate limit off: each interval between
  // animation frames is then the real cost of a frame (scroll, React render of the visible rows, layout, paint).
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('.chronology-scroll');
    const intervals = [];
    let last = performance.now();
    for (let i = 0; i < 600; i++) {
      el.scrollTop += i % 200 < 100 ? 180 : -180;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    return intervals.slice(10);
  });
  await context.close();
  return { firstRun, reopen, frameMedian: percentile(frames, 50), frameP95: percentile(frames, 95) };
}

// Always from the current source: a stale build would measure old code.
run('npm', ['run', 'build:renderer']);
const work = mkdtempSync(join(tmpdir(), 'foresight-bench-'));
const demoDir = join(work, 'demo-app');
const bigDir = join(work, 'big-app');
cpSync(join(root, 'dist/renderer'), demoDir, { recursive: true });
cpSync(join(root, 'dist/renderer'), bigDir, { recursive: true });
const tenDir = join(work, 'ten-app');
cpSync(join(root, 'dist/renderer'), tenDir, { recursive: true });
if (wanted('chronology') || wanted('timeline') || wanted('protect') || wanted('verify') || wanted('review') || wanted('report') || wanted('reply') || wanted('pseudonymise') || wanted('training-copy') || wanted('presenter')) {
  process.stderr.write('Generating the 10,000- and 100,000-record cases…\n');
  run('npx', ['tsx', 'scripts/demo/generate.ts', '--case-contacts', '10000', '--out', join(tenDir, 'demo')]);
  run('npx', ['tsx', 'scripts/demo/generate.ts', '--case-contacts', '100000', '--out', join(bigDir, 'demo')]);
}

// Each part runs in a browser of its own, so no part pays for the memory and storage another left behind.
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-frame-rate-limit', '--disable-gpu-vsync', '--js-flags=--expose-gc'],
  });
let browser = await launch();
const fresh = async () => {
  await browser.close();
  browser = await launch();
};
const rows = [];
for (const [name, dir] of wanted('chronology') ? [['demo case', demoDir], ['100,000-record case', bigDir]] : []) {
  const manifest = JSON.parse(readFileSync(join(dir, 'demo/manifest.json'), 'utf8'));
  const records = manifest.caseContacts + manifest.information;
  const server = await serve(dir);
  process.stderr.write(`Measuring the ${name} (${records.toLocaleString('en-GB')} records)…\n`);
  const m = await measure(browser, `http://127.0.0.1:${server.address().port}/`);
  server.close();
  rows.push({ name, records, ...m });
}
const timeline = [];
const engine = [];
if (wanted('timeline')) await fresh();
for (const [name, dir] of wanted('timeline') ? [['10,000 records', tenDir], ['100,000 records', bigDir]] : []) {
  const manifest = JSON.parse(readFileSync(join(dir, 'demo/manifest.json'), 'utf8'));
  const records = manifest.caseContacts + manifest.information;
  process.stderr.write(`Measuring the as-of engine and the timeline at ${name}…\n`);
  engine.push({ name, ...(await measureEngine(join(dir, 'demo'))) });
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const ours = await measureTimeline(browser, base);
  process.stderr.write(`Measuring vis-timeline with ${records.toLocaleString('en-GB')} items…\n`);
  const theirs = await measureVisTimeline(browser, dir, base, records);
  server.close();
  timeline.push({ name, ours, theirs });
}
let review;
let reviewTab;
if (wanted('review')) {
  process.stderr.write('Measuring the hindsight checks of a 50-episode, 200-finding review of the 100,000-record case…\n');
  review = await measureReview(join(bigDir, 'demo'));
  await fresh();
  process.stderr.write('Writing that case and its review as a case file, and measuring the Review tab…\n');
  const file = await writeReviewCaseFile(join(bigDir, 'demo'), work);
  const server = await serve(demoDir);
  reviewTab = await measureReviewTab(browser, `http://127.0.0.1:${server.address().port}/`, file);
  server.close();
}
let report;
let reportPage;
if (wanted('report')) {
  process.stderr.write('Writing the 100,000-record case with a review of 500 key events, 50 episodes and 200 findings, and measuring its documents in Node…\n');
  const bundle = await writeReviewBundle(join(bigDir, 'demo'), work, benchReportReview, 'bench-report');
  const load = loadavg()[0];
  report = { ...(await measureReport(bundle)), load };
  await fresh();
  process.stderr.write('Measuring the report in Chromium: the Word document, the print view and its PDF, the redaction preview…\n');
  const server = await serve(demoDir);
  reportPage = { ...(await measureReportPage(browser, `http://127.0.0.1:${server.address().port}/`, writeCaseFile(bundle))), load: loadavg()[0] };
  server.close();
}
let protect;
if (wanted('protect')) {
  await fresh();
  process.stderr.write('Measuring the encrypted open of the 100,000-record case…\n');
  const bundlePath = join(work, 'bench-bundle.json');
  writeBenchBundle(join(bigDir, 'demo'), bundlePath);
  protect = await measureProtect(browser, root, bundlePath);
}
let verified;
if (wanted('verify')) {
  process.stderr.write('Signing a case file of the 100,000-record case, and verifying it…\n');
  verified = measureVerify(writeSignedBundle(join(bigDir, 'demo'), work));
}
let replied;
if (wanted('reply')) {
  process.stderr.write('Merging a practitioner’s reply into the 100,000-record case, by the pure rule and into a store…\n');
  replied = await measureReply(join(bigDir, 'demo'));
}
let pseudonymised;
if (wanted('pseudonymise')) {
  process.stderr.write('Making a training copy of the 100,000-record case…\n');
  const bundlePath = join(work, 'bench-pseudonymise.json');
  writeBenchBundle(join(bigDir, 'demo'), bundlePath);
  pseudonymised = { ...measurePseudonymise(bundlePath), load: loadavg()[0] };
}
let trainingCopy;
if (wanted('training-copy')) {
  await fresh();
  process.stderr.write('Writing the 100,000-record case with its review as a case file, and making a training copy of it in Chromium…\n');
  const file = writeCaseFile(await writeReviewBundle(join(bigDir, 'demo'), work, benchReview, 'bench-training-copy'));
  const server = await serve(demoDir);
  trainingCopy = { ...(await measureTrainingCopyPage(browser, `http://127.0.0.1:${server.address().port}/`, file)), load: loadavg()[0] };
  server.close();
}
let imp;
let importFiles;
let importMb;
if (wanted('import')) {
  await fresh();
  process.stderr.write('Writing the import files (100,000 contacts, 10,000 workload rows)…\n');
  importFiles = writeImportFiles(join(work, 'import'));
  importMb = statSync(importFiles.contactsPath).size / 1048576;
  const importServer = await serve(demoDir);
  process.stderr.write('Measuring the import…\n');
  imp = await measureImport(browser, `http://127.0.0.1:${importServer.address().port}/`, importFiles);
  importServer.close();
}
let strayQuote;
if (wanted('import') || wanted('stray-quote')) {
  await fresh();
  process.stderr.write('Measuring the import of an 8.7 MB export with a stray quote…\n');
  const server = await serve(demoDir);
  strayQuote = { ...(await measureStrayQuote(browser, `http://127.0.0.1:${server.address().port}/`, writeStrayQuoteFile(work))), reader: measureStrayQuoteReader() };
  server.close();
}
let systemsMap;
if (wanted('systems-map')) {
  process.stderr.write('Measuring the systems map: laying out 300 boxes, then panning them…\n');
  // Before a new browser starts: its start-up would be timed with the layout.
  const layout = await measureMapLayout();
  await fresh();
  const pageDir = join(work, 'map-page');
  await writeMapPage(pageDir);
  const server = await serve(pageDir);
  systemsMap = { layout, pan: await measureMapPan(browser, `http://127.0.0.1:${server.address().port}/`) };
  server.close();
}
let presenter;
if (wanted('presenter')) {
  process.stderr.write('Measuring the presenter view\'s steps through a 10-point walkthrough of the 100,000-record case…\n');
  presenter = await measurePresenter(join(bigDir, 'demo'));
}
await browser.close();
rmSync(work, { recursive: true, force: true });

const ms = (v) => `${v.toFixed(1)} ms`.padStart(11);
if (rows.length > 0) {
  console.log('\nChronology (Chromium, this machine)');
  console.log('case                   records   first run (import+store+show)   reopen: shown   (from the store unlocking)   scroll frame median   p95');
  for (const r of rows) {
    console.log(`${r.name.padEnd(22)} ${String(r.records).padStart(7)}   ${ms(r.firstRun).padStart(29)}   ${ms(r.reopen).padStart(13)}   ${ms(r.frameMedian).padStart(19)}   ${ms(r.frameP95)}`);
}
const worst = Math.max(...rows.map((r) => r.frameMedian));
console.log(`Scroll frame median target < 16 ms: ${worst < 16 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} ms)`);
}
if (engine.length > 0) {
  console.log('\nAs-of engine (Node, this machine): index built once, then 200 queries across the case');
  for (const e of engine) {
    console.log(`  ${e.name.padEnd(16)} index ${ms(e.buildMs)}   as-of query median ${ms(e.viewMedian)}  p95 ${ms(e.viewP95)}   (target ≤ 5 ms)   CLI report ${ms(e.reportMedian)}`);
  }
}
if (timeline.length > 0) {
  const f = (s) => (s ? `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} ms` : 'n/a');
  console.log('\nTimeline (Chromium, this machine): frames median / p95; targets at 100,000: ≤ 16 / ≤ 33 ms, cursor step ≤ 16 ms');
  for (const { name, ours, theirs } of timeline) {
    console.log(`  ${name}`);
    console.log(`    Foresight      first render ${ms(ours.firstRender)}   pan ${f(ours.pan)}   zoom ${f(ours.zoom)}   cursor step ${f(ours.cursorStep)}   panel and table caught up ${f(ours.panelSettled)}`);
    if (theirs.firstRender === null) console.log('    vis-timeline   first render did not finish within 120 s: not usable at this size');
    else {
      console.log(`    vis-timeline   first render ${ms(theirs.firstRender)}   pan ${f(theirs.pan)}   zoom ${f(theirs.zoom)}`);
      console.log(`    ratio (vis-timeline ÷ Foresight)  first render ${(theirs.firstRender / ours.firstRender).toFixed(1)}×   pan median ${(theirs.pan.median / ours.pan.median).toFixed(1)}×   zoom median ${(theirs.zoom.median / ours.zoom.median).toFixed(1)}×`);
    }
  }
}
if (review) {
  const r = review;
  console.log(`\nHindsight checks (Node, this machine): ${r.records.toLocaleString('en-GB')} records, ${r.episodes} episodes, ${r.findings} findings (${r.flags} flags; ${r.textLength} characters each)`);
  console.log(`  the finding being written, a keystroke: median ${r.keystrokeMedian.toFixed(3)} ms  p95 ${r.keystrokeP95.toFixed(3)} ms   (target ≤ 16 ms)`);
  console.log(`  every flag, the checker warmed up: median ${ms(r.allWarmMedian)}  p95 ${ms(r.allWarmP95)}   (target ≤ 50 ms)`);
  console.log(`  every flag with a new checker (each episode's officer worked out) ${ms(r.allColdMedian)}`);
  console.log(`  opening the Review tab's work: the review read, a new checker, every flag ${ms(r.openMedian)}   (rendering and the store not included)`);
}
if (reviewTab) {
  const t = reviewTab;
  console.log('\nThe Review tab (Chromium, this machine): the same case and review, opened from a case file; from a click to what it shows');
  console.log(`  first opening (its code loaded, the review read, every flag counted) ${ms(t.firstOpen)}   opened again ${ms(t.reopen)}   (target ≤ 500 ms)`);
  console.log(`  findings list ${ms(t.findings)}   every flag ${ms(t.flags)}   episodes ${ms(t.episodes)}   an episode with its view from the tunnel ${ms(t.episode)}   a finding ${ms(t.finding)}`);
  console.log(`  a keystroke in a finding to its flag on the page: median ${ms(t.keystrokeMedian)}  p95 ${ms(t.keystrokeP95)}   (target ≤ 16 ms); to the next frame drawn ${ms(t.framedMedian)}`);
}
if (report) {
  const r = report;
  const m = r.made;
  const stages = (s) => Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`\nThe report (Node, this machine, load average ${r.load.toFixed(2)}): ${r.records.toLocaleString('en-GB')} records, ${r.keyEvents} key events, ${r.episodes} episodes, ${r.findings} findings; medians of 3 after a warm-up`);
  console.log(`  the case read, indexed and its trail checked, as the command line does first   ${ms(r.inputMs)}   (once; not in the figures below)`);
  console.log(`  the document built (buildReport)                ${ms(r.buildMs)}`);
  console.log(`  Word document (build, figures, pictures, Word)  ${ms(m.docx.ms)}   (budget 3,000 ms: ${m.docx.ms <= 3000 ? 'met' : 'NOT met'})   ${mb(m.docx.bytes)}; ms: ${stages(m.docx.stages)}`);
  console.log(`  web page (HTML)                                 ${ms(m.html.ms)}   ${mb(m.html.bytes)}; ms: ${stages(m.html.stages)}`);
  console.log(`  chronology spreadsheet (CSV, every record)      ${ms(m.csv.ms)}   ${mb(m.csv.bytes)}`);
  console.log(`  redacted Word document                          ${ms(m.redactedDocx.ms)}   (budget 3,000 ms: ${m.redactedDocx.ms <= 3000 ? 'met' : 'NOT met'})   ms: ${stages(m.redactedDocx.stages)}`);
  console.log(`  what a redacted copy replaces (plan, places counted in the built document)   ${ms(r.planMs)}`);
}
if (reportPage) {
  const p = reportPage;
  const blocks = (x) => `longest main-thread block ${x.longest > 0 ? ms(x.longest) : 'none over 50 ms'}, ${x.over100} over 100 ms`;
  const worst = (runs) => ({ longest: Math.max(...runs.map((r) => r.longest)), over100: runs.reduce((n, r) => n + r.over100, 0) });
  const [first, ...settled] = p.word;
  const word = medianOf(settled);
  const pdf = medianOf(p.pdf);
  console.log(`\nThe report (Chromium, this machine, load average ${p.load.toFixed(2)}): the same case and review, opened from a case file; from the click; medians of 3, each run with the app settled`);
  console.log(`  Word document to its download       ${ms(word)}   (budget 3,000 ms: ${word <= 3000 ? 'met' : 'NOT met'})   ${blocks(worst(settled))}`);
  console.log(`    the first, on opening the case    ${ms(first.ms)}   (the day's full trail check and backup running beside it; they took ${(p.settled / 1000).toFixed(0)} s more to finish)   ${blocks(first)}`);
  console.log(`  PDF: the print view shown           ${ms(medianOf(p.pdf, 'shownMs'))}   ${blocks(worst(p.pdf))}`);
  console.log(`       page.pdf (as printToPDF)       ${ms(medianOf(p.pdf, 'pdfMs'))}   (Chromium's print layout: the window is blocked for its length)`);
  console.log(`       from the click to the PDF      ${ms(pdf)}   (budget 5,000 ms: ${pdf <= 5000 ? 'met' : 'NOT met'})`);
  console.log(`  the redaction preview shown         ${ms(p.preview.ms)}   ${blocks(p.preview)}`);
  console.log(`  redacted Word document to download  ${ms(p.redacted.ms)}   ${blocks(p.redacted)}`);
  // The worker's steps as the progress line named them (reading the case, building the document, the figures, Word),
  // the 50 episodes' steps shown by their last.
  const steps = settled.at(-1).steps.filter((s, i, all) => !s.what.startsWith('Episode') || !all[i + 1]?.what.startsWith('Episode'));
  console.log(`  the last Word document's steps (ms from the click, as its progress line said): ${steps.map((s) => `${s.at.toFixed(0)} ${s.what.replace(/ \(\d+%\)$/, '')}`).join('; ')}; ${settled.at(-1).ms.toFixed(0)} downloaded`);
  const over = (runs) => runs.flatMap((r) => r.long.filter((l) => l.ms > 100).map((l) => `${l.at.toFixed(0)}: ${l.ms.toFixed(0)}`)).join(', ');
  if (worst(settled).over100) console.log(`  Word: blocks over 100 ms (ms from the click: length): ${over(settled)}`);
  if (worst(p.pdf).over100) console.log(`  print view: blocks over 100 ms (ms from the click: length): ${over(p.pdf)}`);
}
if (protect) {
  const p = protect;
  console.log(`\nEncrypted store (Chromium, this machine): a ${p.records.toLocaleString('en-GB')}-record case (${p.rows.toLocaleString('en-GB')} rows); medians of 7 (full check: of 3)`);
  console.log('  open = every row the chronology needs, on the page; open and check = the same, and the quick trail check over it, as the app opens a case;');
  console.log('  full check = every entry and row hashed again, in a worker (store/trailCheck.ts)');
  console.log('                 open          open and check   full check');
  for (const [name, k] of [['unencrypted', 'plain'], ['encrypted', 'encrypted']]) {
    console.log(`  ${name.padEnd(12)} ${ms(p[`${k}Open`])}   ${ms(p[`${k}OpenAndCheck`]).padStart(14)}   ${ms(p[`${k}Full`])}`);
  }
  console.log(`  encrypted open and check ÷ unencrypted open (target ≤ 1.5×)        ${(p.encryptedOpenAndCheck / p.plainOpen).toFixed(2)}×`);
  console.log(`  encrypted open and check ÷ unencrypted open and check              ${(p.encryptedOpenAndCheck / p.plainOpenAndCheck).toFixed(2)}×`);
  console.log(`  encrypted open ÷ unencrypted open                                   ${(p.encryptedOpen / p.plainOpen).toFixed(2)}×`);
  console.log(`  encrypted full check ÷ unencrypted full check                       ${(p.encryptedFull / p.plainFull).toFixed(2)}×`);
}
if (verified) {
  const v = verified;
  console.log(`\nSigned case file (Node, this machine): ${v.records.toLocaleString('en-GB')} records, ${v.rows.toLocaleString('en-GB')} rows; medians of 5`);
  console.log(`  read and check the schema                          ${ms(v.readMs)}`);
  console.log(`  signatures: every entry hashed again, chained, signature checked   ${ms(v.signaturesMs)}   (target < 1,000 ms)`);
  console.log(`  all of verify (signatures, and every row hashed against the trail)  ${ms(v.wholeMs)}`);
}
if (replied) {
  const r = replied;
  console.log(`\nThe practitioner's reply (Node, this machine): merged into a ${r.records.toLocaleString('en-GB')}-record case; medians of 3`);
  console.log(`  the reply's whole check, as verify makes it (every row hashed; once)        ${ms(r.verifyMs)}`);
  console.log(`  the merge's check of the reply (entries after the shared start, signatures) ${ms(r.checkMs)}`);
  console.log(`  pure merge (merge), with its check: chained on / held in the merge entry    ${ms(r.pureChainedMs)} / ${ms(r.pureHeldMs)}`);
  console.log(`  store merge (fake-indexeddb), with its check: chained on / held             ${ms(r.storeChainedMs)} / ${ms(r.storeHeldMs)}   (target: < 2,000 ms)`);
  console.log(`  the reply's file (${(r.fileBytes / 1e6).toFixed(0)} MB): decrypted / its JSON read                      ${ms(r.decryptMs)} / ${ms(r.readMs)}`);
  console.log(`  the app's jobs on the file, whole: previewReply / mergeReply (chained on)   ${ms(r.previewMs)} / ${ms(r.mergeMs)}`);
}
if (pseudonymised) {
  const p = pseudonymised;
  console.log(`\nTraining copy (Node, this machine, load average ${p.load.toFixed(2)}): ${p.records.toLocaleString('en-GB')} records, ${p.rows.toLocaleString('en-GB')} rows; median of 3 after a warm-up`);
  console.log(`  pseudonymised, dates moved, records renumbered, fresh trail   ${ms(p.ms)}   (target ≤ 20,000 ms: ${p.ms <= 20000 ? 'met' : 'NOT met'}); ${p.replaced.toLocaleString('en-GB')} places replaced, ${p.toCheck} words to check`);
}
if (trainingCopy) {
  const t = trainingCopy;
  const blocks = (x) => `longest main-thread block ${x.longest > 0 ? ms(x.longest) : 'none over 50 ms'}, ${x.over100} over 100 ms`;
  const met = (x) => `(target ≤ 20,000 ms: ${x.ms <= 20000 ? 'met' : 'NOT met'})`;
  // The progress line's steps: "Reading the case…" until the first percentage, the last percentage to the end.
  const split = (x) => {
    const first = x.steps.find((s) => /%\)$/.test(s.what));
    const last = x.steps.findLast((s) => /%\)$/.test(s.what));
    return first ? `reading the case ${first.at.toFixed(0)} ms, pseudonymising to ${last.what.match(/\d+%/)[0]} ${(last.at - first.at).toFixed(0)} ms, then ${(x.ms - last.at).toFixed(0)} ms to the end` : 'no percentage shown';
  };
  console.log(`\nTraining copy (Chromium, this machine, load average ${t.load.toFixed(2)}): the 100,000-record case with its review, opened from a case file; 26 weeks later; from the click, the app settled`);
  console.log(`  "Show what the copy replaces" to the preview shown      ${ms(t.preview.ms)}   ${met(t.preview)}   progress updated ${t.preview.progressUpdates} times   ${blocks(t.preview)}`);
  console.log(`    ${split(t.preview)}; ${t.toCheck} words to check shown`);
  console.log(`  "Make the training copy" to the new case's page shown   ${ms(t.make.ms)}   ${met(t.make)}   progress updated ${t.make.progressUpdates} times   ${blocks(t.make)}`);
  console.log(`    ${split(t.make)} (the copy stored, the new case opened)`);
  const over = (x) => x.long.filter((l) => l.ms > 100).map((l) => `${l.at.toFixed(0)}: ${l.ms.toFixed(0)}`).join(', ');
  for (const [name, x] of [['preview', t.preview], ['make', t.make]]) if (x.over100) console.log(`  ${name}: blocks over 100 ms (ms from the click: length): ${over(x)}`);
}
if (imp) {
  const rawRate = imp.raw.rows / (imp.raw.ms / 1000);
  console.log('\nImport: 100,000 contacts (' + importMb.toFixed(1) + ' MB) + 10,000 workload rows, through the Import screen');
  console.log(`  check (read, validate, compare)  ${ms(imp.checkMs)}`);
  console.log(`  store (one transaction)          ${ms(imp.storeMs)}`);
  console.log(`  total                            ${ms(imp.totalMs)}   (target ≤ 15,000 ms)`);
  console.log(`  rows per second                  ${Math.round(importFiles.rows / (imp.totalMs / 1000)).toLocaleString('en-GB')}`);
  console.log(`  raw IndexedDB put, same rows     ${Math.round(rawRate).toLocaleString('en-GB')} rows/s (${imp.raw.rows.toLocaleString('en-GB')} rows in ${imp.raw.ms.toFixed(0)} ms)`);
  console.log(`  total / raw write time           ${(imp.totalMs / imp.raw.ms).toFixed(2)}×   store / raw write time ${(imp.storeMs / imp.raw.ms).toFixed(2)}×   (target ≤ 1.3×)`);
  console.log(`  raw put of the same rows as the importer's ${imp.raw.blocks} blocks: ${imp.raw.blocksMs.toFixed(0)} ms (the write itself; the rest is reading and checking)`);
  console.log(`  longest main-thread block        ${imp.longestBlockMs > 0 ? ms(imp.longestBlockMs) : 'none over 50 ms'}   (target ≤ 100 ms; long-task observer)`);
  console.log(`  peak JS heap: import worker      ${imp.peakWorkerHeapMb.toFixed(0)} MB;  window ${imp.peakMainHeapMb.toFixed(0)} MB`);
}
if (systemsMap) {
  const { layout: l, pan: p } = systemsMap;
  console.log(`\nSystems map: a review of 50 factors, 50 episodes and 200 findings (${l.boxes} boxes, ${l.links} links)`);
  console.log(`  elk layout and bands (Node)   first ${ms(l.coldMs)}   then median ${ms(l.medianMs)}  worst ${ms(l.worstMs)}   (target ≤ 1,000 ms)`);
  console.log(`  shown (Chromium, bench page)  ${ms(p.shownMs)} from opening the page: the code, the worker's layout and React Flow`);
  console.log(`  pan frames (Chromium)         median ${ms(p.frameMedian)}  p95 ${ms(p.frameP95)}   (target < 16 ms; drawn at ${p.places} places)`);
}
if (strayQuote) {
  console.log('\nImport of an 8.7 MB contacts export whose notes on line 1,204 open a quote that never closes');
  console.log(`  file chosen to its problems shown on the Import screen   ${ms(strayQuote.ms)}   (the quote's line named: ${strayQuote.named ? 'yes' : 'NO'})`);
  console.log(`  the CSV reader alone (Node, 1 MB chunks, median of 5)   ${ms(strayQuote.reader.ms)}   longest cell held: ${strayQuote.reader.longest.toLocaleString('en-GB')} characters`);
}
if (presenter) {
  const p = presenter;
  console.log(`\nThe presenter view (Node, this machine): a walkthrough of ${p.records.toLocaleString('en-GB')} records, ${p.steps} steps (opening, 10 points, outcome, hindsight view)`);
  console.log(`  once, as the view opens (the officer panel's lookups)   ${ms(p.prepareMs)}`);
  console.log(`  a step's frame: first pass worst ${ms(p.firstMax)}   then median ${ms(p.median)}  p95 ${ms(p.p95)}  worst ${ms(p.max)}   (target ≤ 100 ms: ${Math.max(p.firstMax, p.max) <= 100 ? 'met' : 'NOT met'})`);
  console.log(`  the debrief (every point's choices and picture)         ${ms(p.debriefMs)}`);
}
