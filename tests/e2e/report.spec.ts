import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { encryptBundle } from '../../shared/bundle/encryption.js';
import { demoWithReview } from '../helpers/demoReview.js';
import { openApp } from './app';

// The review as a document, as a reviewer makes it: the demo case with a review in every part, sent as a case file
// and opened in the app, then written as Word, a redacted copy, a web page and a PDF from the print view.
const FILE_PASSPHRASE = 'report case file passphrase';
const TITLE = 'Daniel Marsh: the review';
const dir = mkdtempSync(join(tmpdir(), 'foresight-report-'));
const caseFile = join(dir, 'reviewed.foresight');

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

test.beforeAll(async () => {
  const { bundle } = demoWithReview(undefined, { id: 'reviewed', title: TITLE });
  writeFileSync(caseFile, await encryptBundle(JSON.stringify(bundle), FILE_PASSPHRASE));
});

/** The reviewed case's Review tab at "The report", opened from its case file. */
async function openReport(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/open');
  await page.getByLabel('Case file').setInputFiles(caseFile);
  await page.getByLabel('Passphrase').fill(FILE_PASSPHRASE);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Add to this computer' }).click();
  await page.goto('/#/');
  await page.getByRole('link', { name: TITLE }).first().click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'The report' }).click();
  await expect(page.getByRole('heading', { name: 'The report' })).toBeVisible();
}

/** Click a button that makes a download, and read the downloaded file's text as Word's reader would. */
async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const wordText = async (path: string) => (await mammoth.extractRawText({ path })).value;

test('a reviewer writes the review as Word: the app says where it went, the trail records it, and Word’s reader finds every part', async ({ page }) => {
  await openReport(page);
  expect(await scan(page)).toEqual([]);
  const { name, path } = await download(page, 'Write the Word document');
  expect(name).toBe('SFO review - X900417.docx');
  await expect(page.locator('.report-maker').getByRole('status').filter({ hasText: 'Saved' })).toContainText(`Saved to your browser’s downloads as ${name}`);

  const text = await wordText(path);
  for (const part of ['Terms of reference', 'Summary and judgement', 'Chronology of key events', 'Key practice episodes', 'The view from the tunnel', 'Workload and staffing', 'Systems map', 'Findings', 'The practitioner’s responses', 'Action plan', 'Appendix B: provenance']) {
    expect(text).toContain(part);
  }
  expect(text).toContain('James Whitfield');
  expect(text).toContain('Synthetic case');

  // The trail says who wrote which document, and when.
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText(`Wrote the review as a Word document. Saved to your browser’s downloads as ${name}.`)).toBeVisible();
});

test('a redacted copy for a family: the replacements are shown first, and no staff name, code or the CRN is in the document', async ({ page }) => {
  await openReport(page);
  await page.getByLabel('A redacted copy for victims and families').check();
  const preview = page.getByRole('region', { name: 'What the redacted copy replaces' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('row', { name: /James Whitfield/ })).toContainText('the second supervising officer (PO)');
  expect(await scan(page)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/report-redaction-1024.png', fullPage: true });

  const { name, path } = await download(page, 'Write the Word document');
  expect(name).toBe('SFO review - [CRN removed] - redacted.docx');
  const text = await wordText(path);
  for (const gone of ['Whitfield', 'Okafor', 'Priya', 'X900417', 'N07P']) expect(text).not.toContain(gone);
  expect(text).toContain('the second supervising officer (PO)');
  expect(text).toContain('Redacted copy');
});

test('the print view shows the same document, prints only the document, and a PDF of it reads back', async ({ page }) => {
  await openReport(page);
  await page.getByLabel('PDF (from the print view)').check();
  await page.getByRole('button', { name: 'Open the print view' }).click();
  const article = page.locator('article.report');
  await expect(article.getByRole('heading', { level: 1, name: 'Chronology of key events' })).toBeVisible({ timeout: 60_000 });
  expect(await scan(page)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/report-print-view-1440.png' });

  // It prints once every part is laid out: the button says so.
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled({ timeout: 30_000 });
  const pdf = join(dir, 'review.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch {
    test.skip(true, 'pdftotext (poppler-utils) is not installed: the PDF’s words cannot be read back.');
    return;
  }
  for (const part of ['Terms of reference', 'Chronology of key events', 'Decision not to recall', 'Appendix B: provenance']) expect(text).toContain(part);
  // Only the document prints: not the app's header, tabs or the print view's own buttons.
  expect(text).not.toContain('Save as PDF');
  expect(text).not.toContain('Review sections');

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'The report' })).toBeVisible();
});

test('Cancel stops a document part-way: nothing is downloaded, and the page says so', async ({ page }) => {
  await openReport(page);
  await page.getByLabel('Web page (HTML)').check();
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: 'Write the web page' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Stopped: nothing was written.')).toBeVisible();
  await page.waitForTimeout(500);
  expect(downloaded).toBe(false);

  // Written again, it completes: a page with nothing outside itself.
  const { path } = await download(page, 'Write the web page');
  const html = await (await import('node:fs/promises')).readFile(path, 'utf8');
  expect(html).toContain('<h1');
  expect(html).not.toMatch(/<link|<script|src="http/);
});
