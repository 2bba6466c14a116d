import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { build } from 'esbuild';
import { SECURITY_HEADERS } from '../../electron/security/csp.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildReport } from '../../shared/report/build.js';
import type { FigureSvg } from '../../shared/report/html.js';
import { acciMapRequest, drawAcciMap, layOut } from '../../shared/review/mapLayout.js';
import { mapSvg } from '../../shared/review/mapSvg.js';
import { demoWithReview } from '../helpers/demoReview.js';

// The print view mounted alone (printView.harness.ts), served from its own origin with the app's own security
// headers, CSP included, so what it shows is what the app would show, styles and all.
const ORIGIN = 'http://print-view.test';
const files = new Map<string, { type: string; body: string | Buffer }>();

const chart = (label: string): FigureSvg => ({
  width: 600,
  height: 240,
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240" viewBox="0 0 600 240"><title>${label}</title><path d="M0,200 L600,40" stroke="#1d70b8" stroke-width="3" fill="none"/></svg>`,
});

test.beforeAll(async () => {
  const { bundle, index, review } = demoWithReview();
  const doc = buildReport({ bundle, index, review, trail: { ...verifyBundle(bundle), depth: 'full' }, now: new Date('2026-12-01T12:00:00Z') });
  const svgs: [string, FigureSvg][] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'figure') continue;
    if (b.figure.type !== 'systemsMap') svgs.push([b.figure.id, chart(b.caption)]);
    else {
      const drawn = drawAcciMap(b.figure.graph, await layOut(acciMapRequest(b.figure.graph), new ELK()), 'Systems map');
      svgs.push([b.figure.id, { svg: mapSvg(drawn), width: drawn.width, height: drawn.height }]);
    }
  }
  const out = await build({
    entryPoints: { harness: 'tests/e2e/printView.harness.ts' },
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    jsx: 'automatic',
    define: { __APP_VERSION__: '"test"', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  for (const f of out.outputFiles) files.set(`/${f.path.split('/').pop()}`, { type: f.path.endsWith('.css') ? 'text/css' : 'text/javascript', body: Buffer.from(f.contents) });
  files.set('/styles.css', { type: 'text/css', body: readFileSync('renderer/src/styles.css') });
  files.set('/doc.json', { type: 'application/json', body: JSON.stringify(doc) });
  files.set('/svgs.json', { type: 'application/json', body: JSON.stringify(svgs) });
  files.set('/', {
    type: 'text/html',
    body: '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Foresight</title><link rel="stylesheet" href="styles.css"><link rel="stylesheet" href="harness.css"><script type="module" src="harness.js"></script></head><body><div id="root"></div></body></html>',
  });
});

async function open(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; printed: number };
    w.violations = [];
    w.printed = 0;
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.print = () => void w.printed++;
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files.get(new URL(route.request().url()).pathname);
    return file ? route.fulfill({ status: 200, contentType: file.type, headers: { ...SECURITY_HEADERS }, body: file.body }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/#/cases/demo/review`);
  await page.getByRole('button', { name: 'Open the print view' }).click();
  await expect(page.getByRole('dialog', { name: 'Print view: SFO review: X900417' })).toBeVisible();
  // The document is laid out a few parts a frame; it can be saved once all are in.
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();
}

/** What the CSP refused, but for zod's probe of whether it may compile its checks with eval (the CSP says no; zod then checks without it). */
const violations = async (page: Page) => (await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).filter((v) => v !== 'script-src eval');

test('the print view shows the document styled by its own CSS under the app’s CSP, over an inert app, and passes axe', async ({ page }) => {
  await open(page);
  const view = page.getByRole('dialog');
  await expect(view).toBeFocused();
  await expect(view.getByRole('heading', { level: 1, name: 'SFO review: X900417' })).toBeVisible();
  await expect(view.getByText('Synthetic case: made up for demonstration, not a real person')).toBeVisible();
  // The document's stylesheet applies: the title's size and the table rules come from REPORT_CSS, not the app's CSS.
  expect(await view.locator('h1.report-title').evaluate((h) => getComputedStyle(h).fontSize)).toBe('40px');
  expect(await view.locator('.report-table th').first().evaluate((th) => getComputedStyle(th).borderBottomWidth)).toBe('2px');
  expect(await view.locator('.report-figure svg').count()).toBe(3);
  // The app behind cannot be reached, by mouse, keyboard or screen reader.
  expect(await page.locator('#root').getAttribute('inert')).toBe('');
  expect(await violations(page)).toEqual([]);
  const found = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a contents link goes to its heading in the view, leaving the app’s route alone', async ({ page }) => {
  await open(page);
  const view = page.getByRole('dialog');
  await view.getByRole('navigation').getByRole('link', { name: 'Findings', exact: true }).click();
  const heading = view.getByRole('heading', { level: 1, name: 'Findings' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // Below the toolbar, not hidden under it.
  const [toolbar, top] = await Promise.all([view.locator('.print-view__toolbar').boundingBox(), heading.boundingBox()]);
  expect(top!.y).toBeGreaterThanOrEqual(toolbar!.y + toolbar!.height);
  expect(new URL(page.url()).hash).toBe('#/cases/demo/review');
  // The keyboard too.
  await view.getByRole('navigation').getByRole('link', { name: 'Action plan' }).focus();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 1, name: 'Action plan' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/cases/demo/review');
});

test('printing prints the document alone: not the app, not the toolbar', async ({ page }) => {
  await open(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
  await expect(page.locator('.report')).toBeVisible();
  // And on paper: the PDF Chromium prints holds the document's words and none of the app's.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  let text: string;
  const dir = mkdtempSync(join(tmpdir(), 'print-view-'));
  try {
    writeFileSync(join(dir, 'view.pdf'), pdf);
    text = execFileSync('pdftotext', ['-layout', join(dir, 'view.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    test.skip(true, 'pdftotext (poppler-utils) is not installed: the printed words cannot be read back.');
    return;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const words of ['SFO review: X900417', 'Contents', 'Chronology of key events', 'Appendix B: provenance', 'Figure 3: The systems map (AcciMap)']) expect(text).toContain(words);
  for (const words of ['The app behind the print view', 'Open the print view', 'Save as PDF', 'Back']) expect(text).not.toContain(words);
  // Each part of the document starts a page: the title page, the contents, then the parts.
  expect(text.split('\f')[1]?.trim().startsWith('Contents')).toBe(true);
});

test('Save as PDF asks the bridge, which in the browser opens the print dialog; Back and Escape close the view and give focus back', async ({ page }) => {
  await open(page);
  await expect(page.getByText('Your browser’s print dialog opens: choose “Save as PDF” as the printer.')).toBeVisible();
  expect(await page.title()).toBe('SFO review: X900417');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open the print view' })).toBeFocused();
  expect(await page.locator('#root').getAttribute('inert')).toBeNull();
  expect(await page.title()).toBe('Foresight');
  // The document's stylesheet goes with it.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

  await page.getByRole('button', { name: 'Open the print view' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open the print view' })).toBeFocused();
  expect(await violations(page)).toEqual([]);
});
