import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoManifest } from '../helpers/demoFiles.js';
import { openApp } from './app.js';

const DEMO_RECORDS = demoManifest.caseContacts + demoManifest.information;

async function openFresh(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

/** Hindsight on: the reviewer's whole chronology, every record in full. */
async function withHindsight(page: Page) {
  await page.getByLabel('Hindsight', { exact: true }).check();
  await expect(page.getByText('Hindsight is on.')).toBeVisible();
}

test('on first run the app opens the demo case, with every generated record in the chronology', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('synthetic demo case');
  await expect(page.getByText('Synthetic demo case', { exact: true })).toBeVisible();
  await withHindsight(page);
  await expect(page.locator('#chronology-count strong')).toHaveText(DEMO_RECORDS.toLocaleString('en-GB'));
  await expect(page.getByRole('grid', { name: 'Chronology' })).toHaveAttribute('aria-rowcount', String(DEMO_RECORDS + 1));
});

test('a date-only record shows its date alone, never 00:00', async ({ page }) => {
  await openFresh(page);
  await withHindsight(page);
  const first = page.locator('tr[data-record-id="info:PR-01"]');
  await expect(first.locator('td').nth(0)).toHaveText('2 Mar 2022');
  await expect(first.locator('td').nth(1)).toHaveText('time not known');
  await expect(page.getByRole('grid')).not.toContainText('00:00');
});

test('selecting a row shows its full notes, its times and where it came from', async ({ page }) => {
  await openFresh(page);
  await page.locator('tr[data-record-id="contact:2600000003"]').click();
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail.getByRole('heading', { name: 'Initial Appointment - In office (NS) (COAI)' })).toBeVisible();
  await expect(detail).toContainText('Risk of serious harm to a known adult (partner) assessed as High.');
  await expect(detail).toContainText('16 May 2022, 14:00');
  await detail.getByText('Technical details').click();
  await expect(detail).toContainText('contacts.csv');
  await expect(detail.locator('.hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(detail).toContainText('Row4');
});

test('information that never reached probation says so', async ({ page }) => {
  await openFresh(page);
  await withHindsight(page);
  await page.locator('tr[data-record-id="info:PR-01"]').click();
  await expect(page.getByRole('complementary', { name: 'Selected record' })).toContainText('Never shared with probation before the further offence');
});

test('the chronology works by keyboard: arrows, Page Down, End and Home move the selection', async ({ page }) => {
  await openFresh(page);
  await withHindsight(page);
  const grid = page.getByRole('grid', { name: 'Chronology' });
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('End');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', String(DEMO_RECORDS + 1));
  await expect(page.getByRole('complementary', { name: 'Selected record' })).toContainText('SFO notification');
  await page.keyboard.press('Home');
  await expect(page.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('PageDown');
  const afterPage = Number(await page.locator('tr[aria-selected="true"]').getAttribute('aria-rowindex'));
  expect(afterPage).toBeGreaterThan(5);
  await expect(grid).toHaveAttribute('aria-activedescendant', `chronology-row-${afterPage - 2}`);
});

test('only the rows in view are in the page (the table is virtualised)', async ({ page }) => {
  await openFresh(page);
  const rendered = await page.locator('tr[data-record-id]').count();
  expect(rendered).toBeLessThan(80);
  expect(rendered).toBeGreaterThan(10);
});

test('the Training tab of a case offers to make a training copy of it', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { name: 'Make a training copy' })).toBeVisible();
});

test('the chronology, the case list and the forms have no axe-core violations (WCAG 2.2 AA)', async ({ page }) => {
  await openFresh(page);
  await page.locator('tr[data-record-id="contact:2600000003"]').click();
  const scan = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(await scan()).toEqual([]);
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  expect(await scan()).toEqual([]);
  await page.goto('/#/new');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('There is a problem')).toBeVisible();
  expect(await scan()).toEqual([]);
});

test('screenshots of each screen', async ({ page }) => {
  await openFresh(page);
  await page.locator('tr[data-record-id="contact:2600000003"]').click();
  await page.screenshot({ path: 'test-results/screens/chronology.png' });
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/cases.png' });
});
