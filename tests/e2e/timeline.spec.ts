import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoManifest } from '../helpers/demoFiles.js';
import { openApp } from './app.js';

const DEMO_RECORDS = demoManifest.caseContacts + demoManifest.information;

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name });

async function openTimeline(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await tab(page, 'Timeline').click();
  await expect(page.locator('canvas')).toHaveAttribute('data-painted-cursor', /\d+/, { timeout: 30_000 });
}

/** The officer panel and the table follow the cursor once it rests: wait for them to catch up with the canvas. */
async function settled(page: Page) {
  await expect.poll(async () => (await page.locator('.officer-panel').getAttribute('data-at')) === (await page.locator('canvas').getAttribute('data-painted-cursor'))).toBe(true);
}

async function jumpTo(page: Page, date: string) {
  await page.getByLabel('Jump to date').fill(date);
  await page.getByRole('button', { name: 'Go' }).click();
  await settled(page);
}

const table = (page: Page) => page.getByRole('grid', { name: 'Records as at the cursor' });
/** The last row of the table as the keyboard reaches it (the table is virtualised: only rows in view exist). */
async function lastRowId(page: Page) {
  await table(page).focus();
  await page.keyboard.press('End');
  return table(page).locator('tr.is-selected').getAttribute('data-record-id');
}

const rowCount = async (page: Page) => Number(await table(page).getAttribute('aria-rowcount')) - 1;

test('stepping the cursor hides later records and the outcome, and hindsight shows them', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  await expect(page.getByTestId('cursor-moment')).toHaveText('22 Sep 2023, 23:59');
  await expect(page.locator('canvas')).toHaveAttribute('data-offence-shown', 'false');
  const before = await rowCount(page);
  expect(before).toBeLessThan(DEMO_RECORDS);
  expect(await lastRowId(page)).not.toBe('contact:2600000318');

  // The next record to happen is the tier change at 02:41 on 25 Sep: stepping reveals it, and nothing later.
  await page.getByRole('button', { name: 'Next record' }).click();
  await expect(page.getByTestId('cursor-moment')).toHaveText('25 Sep 2023, 02:41');
  await settled(page);
  await expect.poll(() => rowCount(page)).toBe(before + 1);
  expect(await lastRowId(page)).toBe('contact:2600000318');

  await page.getByRole('button', { name: 'Previous record' }).click();
  await settled(page);
  await expect.poll(() => rowCount(page)).toBe(before);

  await page.getByLabel(/Hindsight on/).check();
  await expect.poll(() => rowCount(page)).toBe(DEMO_RECORDS);
  await expect(page.locator('canvas')).toHaveAttribute('data-offence-shown', 'true');
  await page.getByLabel('nDelius type').selectOption('ETCH20');
  await expect(table(page).locator('tr[data-record-id="contact:2600000318"]')).toContainText('Not yet happened');
});

test('records the officer did not know can be ghosted, hidden or shown', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  const ghosted = await rowCount(page);
  await expect(table(page).locator('tr.is-ghost').first()).toBeVisible();
  await page.getByLabel('Hidden').check();
  await expect.poll(() => rowCount(page)).toBeLessThan(ghosted);
  await expect(table(page).locator('tr.is-ghost')).toHaveCount(0);
  await page.getByLabel('Shown').check();
  await expect.poll(() => rowCount(page)).toBe(ghosted);
});

test('the officer panel shows the excessive workload on the demo case, with its rule and snapshots', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  const panel = page.getByRole('complementary', { name: 'James Whitfield' });
  await expect(panel).toContainText('held the case');
  const workload = panel.getByTestId('workload');
  await expect(workload.getByText('Excessive workload', { exact: true })).toBeVisible();
  await expect(workload).toContainText('Over 110% since 21 Aug 2023');
  await expect(workload).toContainText('50 or more');
  await workload.getByText('How this is worked out').first().click();
  await expect(workload).toContainText('over 110% in an unbroken run');
  await expect(panel).toContainText('Red');

  // Early in the case another officer held it; choosing Whitfield then says he did not.
  await jumpTo(page, '15/01/2023');
  await expect(page.getByRole('complementary', { name: 'Sarah Okafor' })).toContainText('held the case');
  await page.getByLabel('Whose view', { exact: true }).selectOption('N07P214');
  await expect(page.getByRole('complementary', { name: 'James Whitfield' })).toContainText('did not hold the case then');
});

test('the timeline and the chronology share the cursor, the filters and the selection', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  await page.getByLabel('Kind').selectOption('Home visit');
  const visits = await rowCount(page);
  expect(visits).toBeGreaterThan(0);
  await table(page).locator('tbody tr[data-record-id]').first().click();
  const selectedId = await table(page).locator('tr.is-selected').getAttribute('data-record-id');
  await tab(page, 'Chronology').click();
  await expect(page.getByLabel('Kind')).toHaveValue('Home visit');
  await expect(page.locator('#chronology-count')).toContainText('as at 22 Sep 2023, 23:59');
  await expect(page.getByRole('grid', { name: 'Chronology' }).locator('tr.is-selected')).toHaveAttribute('data-record-id', selectedId ?? '');
});

test('the timeline works by keyboard: step the cursor, pan and zoom', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  await page.locator('canvas').focus();
  await page.keyboard.press('.');
  await expect(page.getByTestId('cursor-moment')).toHaveText('25 Sep 2023, 02:41');
  await page.keyboard.press(',');
  await expect(page.getByTestId('cursor-moment')).not.toHaveText('25 Sep 2023, 02:41');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('canvas')).toBeFocused();
});

test('the timeline has no axe-core violations (WCAG 2.2 AA), and screenshots', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  await page.getByText('What the colours mean').click();
  await table(page).locator('tbody tr[data-record-id]').last().click();
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(violations).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 1350 });
  await page.locator('.case__body').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screens/timeline.png' });
  await page.getByLabel(/Hindsight on/).check();
  await page.screenshot({ path: 'test-results/screens/timeline-hindsight.png' });
});
