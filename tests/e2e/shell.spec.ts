import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CASE_FILE_BYTES } from '../../shared/bundle/caseFile.js';
import { MAGIC } from '../../shared/bundle/encryption.js';
import { openApp, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const DEMO = 'SFO review: Daniel Marsh (synthetic demo case)';
const header = (page: Page) => page.getByRole('navigation', { name: 'Foresight' });

async function openDemo(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

async function screens(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('every page has its own title', async ({ page }) => {
  await openDemo(page);
  const titled = async (path: string, title: string) => {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
  };
  await titled('/#/', 'Cases – Foresight');
  await titled('/#/new', 'Create a case – Foresight');
  await titled('/#/settings', 'Settings – Foresight');
  await titled('/#/backups', 'Backups – Foresight');
  await titled('/#/open', 'Open a case file – Foresight');
  await titled('/#/nowhere', 'Page not found – Foresight');
  await titled(`/#/cases/demo-X900417/edit`, `Edit case details – ${DEMO} – Foresight`);
  await titled(`/#/cases/demo-X900417/delete`, `Delete case – ${DEMO} – Foresight`);
  await titled(`/#/cases/demo-X900417/export`, `Send this case as an encrypted file – ${DEMO} – Foresight`);
  await titled(`/#/cases/no-such-case/edit`, 'Case not found – Foresight');
  await page.reload();
  await expect(page).toHaveTitle('Unlock Foresight');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveTitle('Error: Unlock Foresight');
  await expect(page.getByLabel('Passphrase')).toHaveAccessibleDescription('Error: Enter your passphrase');
  await unlock(page);
});

test('the header marks the section shown, and every page of a case is in Cases', async ({ page }) => {
  await openDemo(page);
  const link = (name: string) => header(page).getByRole('link', { name, exact: true });
  await expect(link('Cases')).toHaveAttribute('aria-current', 'true');
  await page.goto('/#/');
  await expect(link('Cases')).toHaveAttribute('aria-current', 'page');
  for (const name of ['Open a case file', 'Backups', 'Settings']) await expect(link(name)).not.toHaveAttribute('aria-current');
  await screens(page, 'cases');
  await link('Settings').click();
  await expect(link('Settings')).toHaveAttribute('aria-current', 'page');
  await expect(link('Cases')).not.toHaveAttribute('aria-current');
  // The current section is bold, with a bar under it, not only a colour.
  await expect(link('Settings')).toHaveCSS('font-weight', '700');
  await expect(link('Settings')).toHaveCSS('border-bottom-color', 'rgb(255, 255, 255)');
  await expect(link('Backups')).toHaveCSS('font-weight', '400');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'settings');
  await page.goto('/#/cases/demo-X900417/edit');
  await expect(link('Cases')).toHaveAttribute('aria-current', 'true');
});

const overlaps = async (a: Locator, b: Locator) => {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('not laid out');
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
};

test('the footer never covers a long page: the create-case form with every error, at 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openDemo(page);
  await page.goto('/#/new');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the date of the further offence');
  const footer = page.locator('.app-footer');
  const time = page.getByLabel('Time of the further offence (optional)');
  const fields = [page.getByRole('group', { name: 'Date of the further offence' }), page.getByLabel('Year'), time, page.getByRole('button', { name: 'Create case' })];
  for (const field of fields) expect(await overlaps(footer, field)).toBe(false);
  await time.scrollIntoViewIfNeeded();
  for (const field of fields) expect(await overlaps(footer, field)).toBe(false);
  // What is at the middle of the field is the field itself.
  const box = await time.boundingBox();
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.id, [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2]);
  expect(hit).toBe('offenceTime');
  // The footer follows the form.
  const formBottom = await page.getByRole('button', { name: 'Create case' }).boundingBox();
  expect((await footer.boundingBox())?.y ?? 0).toBeGreaterThan((formBottom?.y ?? 0) + (formBottom?.height ?? 0));
  await page.screenshot({ path: 'test-results/screens/create-case-errors-1024-scrolled.png' });
  await screens(page, 'create-case-errors');

  // The case view still fits the window and scrolls inside itself.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/cases/demo-X900417');
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  expect(await overlaps(footer, page.locator('.case__body'))).toBe(false);
});

test('a case file over the size cap is refused by its size, before it is read, against the file field', async ({ page }) => {
  await openDemo(page);
  await header(page).getByRole('link', { name: 'Open a case file' }).click();
  // A sparse file: the size is real, the bytes after the magic line never written (or read).
  const path = join(mkdtempSync(join(tmpdir(), 'foresight-')), 'huge.foresight');
  writeFileSync(path, MAGIC);
  truncateSync(path, MAX_CASE_FILE_BYTES + 1048576);
  await page.getByLabel('Case file').setInputFiles(path);
  await page.getByLabel('Passphrase').fill('any passphrase at all');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByLabel('Case file')).toHaveAccessibleDescription('Error: The case file cannot be opened: the file is 257 MB; Foresight opens case files of up to 256 MB. Nothing has been stored.');
});

test('a file that is not a case file is reported against the file field, a wrong passphrase against the passphrase', async ({ page }) => {
  await openDemo(page);
  await header(page).getByRole('link', { name: 'Open a case file' }).click();
  const file = page.getByLabel('Case file');
  const passphrase = page.getByLabel('Passphrase');
  await file.setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('crn,contact_id\nX900417,1\n') });
  await passphrase.fill('any passphrase at all');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(file).toHaveAccessibleDescription('Error: The selected file is not a Foresight case file');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(passphrase).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveTitle('Error: Open a case file – Foresight');
  await page.getByRole('alert').getByRole('link', { name: 'The selected file is not a Foresight case file' }).click();
  await expect(file).toBeFocused();
  expect(await scan(page)).toEqual([]);
  await screens(page, 'open-case-file-not-a-case-file');

  await file.setInputFiles({ name: 'random.foresight', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)) });
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(file).toHaveAccessibleDescription('Error: The selected file is not a Foresight case file');

  await file.setInputFiles({ name: 'empty.foresight', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(file).toHaveAccessibleDescription('Error: The selected file is empty');
});
