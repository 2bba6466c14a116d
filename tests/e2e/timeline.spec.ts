import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoManifest } from '../helpers/demoFiles.js';
import { openApp } from './app.js';
import { colouredPixelsBeforeCursor } from './canvas.js';

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
  await page.getByLabel('Jump to').fill(date);
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

  await page.getByLabel('Hindsight', { exact: true }).check();
  await expect(page.getByText('Hindsight is on.')).toBeVisible();
  // Every record at once: give a loaded machine longer than the default to draw them.
  await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(DEMO_RECORDS);
  await expect(page.locator('canvas')).toHaveAttribute('data-offence-shown', 'true');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('nDelius type').selectOption('ETCH20');
  await expect(table(page).locator('tr[data-record-id="contact:2600000318"]')).toContainText('Not yet happened');
});

test('what the officer could not know is a placeholder, readable only when revealed, and the reveal is marked', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  // Police information of 2 Sep that never reached probation: a placeholder row saying when, and why not.
  const row = table(page).locator('tr[data-record-id="info:P-03"]');
  await table(page).focus();
  await page.keyboard.press('End');
  await expect(row).toHaveClass(/is-placeholder/);
  await expect(row).toContainText('held by another agency');
  await row.click();
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail.getByRole('heading', { name: 'Not known to the officer then' })).toBeVisible();
  const before = await detail.innerText();
  await detail.getByRole('button', { name: 'Reveal it with hindsight' }).click();
  await expect(detail).toContainText('Revealed with hindsight.');
  await expect(detail.getByRole('heading', { name: 'Information held by Police' })).toBeVisible();
  expect((await detail.innerText()).length).toBeGreaterThan(before.length);
  await expect(row).toContainText('Revealed with hindsight');
  await expect(page.getByText('1 record is revealed with hindsight')).toBeVisible();
  await page.getByRole('button', { name: 'Hide it again' }).click();
  await expect(detail.getByRole('heading', { name: 'Not known to the officer then' })).toBeVisible();
});

test('the line above the chart says what the officer knew and carried, each part opening to its rule and records', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  const glance = page.getByRole('region', { name: 'What the officer knew and carried' });
  for (const part of [/^Knew \d+$/, /^on record \d+$/, /^held by others \d+$/]) await expect(glance.getByRole('button', { name: part })).toBeVisible();
  await expect(glance).toContainText(/\d+(\.\d)?% WMT, excessive: over 110% since 21 Aug 2023/);
  await expect(glance).toContainText(/team \d+% \(Red\)/);
  await glance.getByRole('button', { name: /% WMT/ }).click();
  const detail = page.getByRole('region', { name: /Workload \(WMT capacity\) on/ });
  await expect(detail).toContainText('HMPPS counts a workload as excessive');
  await expect(detail).toContainText(/snapshots over 110% in a row, from 21 Aug 2023/);
  await glance.getByRole('button', { name: /^Knew / }).click();
  const knew = page.getByRole('region', { name: /What James Whitfield knew/ });
  await expect(knew).toContainText('The officer did it');
  await knew.getByRole('listitem').first().getByRole('button').click();
  await expect(table(page).locator('tr.is-selected')).toHaveCount(1);
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

  // Early in the case another officer held it. Whitfield's part was still to come, so foresight does not offer him;
  // with hindsight on, choosing him says he did not hold the case then.
  await jumpTo(page, '15/01/2023');
  await expect(page.getByRole('complementary', { name: 'Sarah Okafor' })).toContainText('held the case');
  await expect(page.getByLabel('View of').locator('option[value="N07P214"]')).toHaveCount(0);
  await page.getByLabel('Hindsight', { exact: true }).check();
  await page.getByLabel('View of').selectOption('N07P214');
  await expect(page.getByRole('complementary', { name: 'James Whitfield' })).toContainText('did not hold the case then');
});

test('the timeline and the chronology share the cursor, the filters and the selection', async ({ page }) => {
  await openTimeline(page);
  await jumpTo(page, '22/09/2023');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Kind').selectOption('Home visit');
  const visits = await rowCount(page);
  expect(visits).toBeGreaterThan(0);
  await table(page).locator('tbody tr[data-record-id]').first().click();
  const selectedId = await table(page).locator('tr.is-selected').getAttribute('data-record-id');
  await tab(page, 'Chronology').click();
  await expect(page.getByLabel('Kind')).toHaveValue('Home visit');
  await expect(page.getByTestId('cursor-moment')).toHaveText('22 Sep 2023, 23:59');
  await expect(page.getByRole('grid', { name: 'Chronology' }).locator('tr.is-selected')).toHaveAttribute('data-record-id', selectedId ?? '');
  // A filter that matches nothing says so, and offers the way back.
  await page.getByLabel('Text').fill('no record says this');
  await expect(page.getByText('No records match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' }).locator('tr[data-record-id]').first()).toBeVisible();
});

test('a jump keeps the cursor in view, and the canvas shows the records around it', async ({ page }) => {
  await openTimeline(page);
  const canvas = page.locator('canvas');
  // First view: the weeks before the offence, the cursor in view with records drawn just before it.
  expect(Number(await canvas.getAttribute('data-cursor-x'))).toBeGreaterThan(0);
  expect(await colouredPixelsBeforeCursor(page)).toBeGreaterThan(50);
  // A jump a year back, far outside the window: the chart follows.
  await jumpTo(page, '22/09/2022 12:00');
  await expect(page.getByTestId('cursor-moment')).toHaveText('22 Sep 2022, 12:00');
  expect(Number(await canvas.getAttribute('data-cursor-x'))).toBeGreaterThan(0);
  expect(Number(await canvas.getAttribute('data-marks'))).toBeGreaterThan(5);
  expect(await colouredPixelsBeforeCursor(page)).toBeGreaterThan(50);
  // Zooming in and out, by button and by key, keeps the cursor where it is.
  const x = await canvas.getAttribute('data-cursor-x');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(canvas).toHaveAttribute('data-cursor-x', x ?? '');
  await canvas.focus();
  await page.keyboard.press('-');
  await expect(canvas).toHaveAttribute('data-cursor-x', x ?? '');
  await page.keyboard.press('0');
  expect(Number(await canvas.getAttribute('data-cursor-x'))).toBeGreaterThan(0);
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
  await page.getByRole('region', { name: 'What the officer knew and carried' }).getByRole('button', { name: /held by others/ }).click();
  await table(page).locator('tbody tr[data-record-id]').last().click();
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(violations).toEqual([]);
  await page.getByLabel('Hindsight', { exact: true }).check();
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
  await page.getByLabel('Hindsight', { exact: true }).uncheck();
  for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.case__body').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screens/timeline-${w}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Hindsight', { exact: true }).check();
  await page.screenshot({ path: 'test-results/screens/timeline-hindsight.png' });
});
