import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './app.js';

/**
 * The tabular timeline (NPSA): the chronology with the review's columns beside each record, written in place by
 * keyboard, saved with a trail entry, and held back with its record in foresight.
 */
const RECORD = 'contact:2600000003';
const SHOULD = 'A home visit within ten days of release.';
const GAPS = 'No record of the MAPPA response.';

async function openTabular(page: Page) {
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('checkbox', { name: 'Tabular timeline' }).check();
  const grid = page.getByRole('grid', { name: 'Tabular timeline' });
  await expect(grid).toBeVisible();
  return grid;
}

/** The id of the grid's active cell, as `row-column`. */
async function activeCell(page: Page) {
  return (await page.getByRole('grid', { name: 'Tabular timeline' }).getAttribute('aria-activedescendant'))?.replace('chronology-cell-', '');
}

const saved = (page: Page) => expect(page.locator('.tabular-bar__status')).toHaveText(/^Saved, /);

test('a reviewer writes a record’s notes in the tabular timeline by keyboard, sees "Saved", and finds them after a reload', async ({ page }) => {
  await openApp(page);
  const grid = await openTabular(page);
  const row = grid.locator(`tr[data-record-id="${RECORD}"]`);
  await row.locator('td.col-date').click();
  const [rowIndex] = (await activeCell(page))?.split('-') ?? [];
  // Date, what happened, knowledge at the cursor: the review's columns start at the fourth cell.
  expect(await activeCell(page)).toBe(`${rowIndex}-0`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(await activeCell(page)).toBe(`${rowIndex}-3`);

  await page.keyboard.press('Enter');
  const should = page.getByRole('textbox', { name: /^What should have happened: Initial Appointment/ });
  await expect(should).toBeFocused();
  await page.keyboard.type(SHOULD);
  // Tab saves and moves to the next cell, without writing in it yet.
  await page.keyboard.press('Tab');
  await expect(should).toBeHidden();
  await expect(grid).toBeFocused();
  expect(await activeCell(page)).toBe(`${rowIndex}-4`);
  await saved(page);

  await page.keyboard.press('F2');
  await page.keyboard.type(GAPS);
  // Enter saves and goes down a row, as in a spreadsheet.
  await page.keyboard.press('Enter');
  expect(await activeCell(page)).toBe(`${Number(rowIndex) + 1}-4`);
  await page.keyboard.press('ArrowUp');

  // Escape puts a cell back as it was.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Not kept');
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await expect(row.locator('td.col-note--problems')).toHaveText('');

  // Space ticks a key event.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await activeCell(page)).toBe(`${rowIndex}-8`);
  await page.keyboard.press(' ');
  await expect(row.getByRole('checkbox', { name: /^Key event: / })).toBeChecked();
  await saved(page);

  await expect(row.locator('td.col-note--shouldHaveHappened')).toHaveText(SHOULD);
  await expect(row.locator('td.col-note--dataGaps')).toHaveText(GAPS);
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail.getByRole('region', { name: "The review's notes" })).toContainText(SHOULD);

  await page.reload();
  await unlock(page);
  const again = await openTabular(page);
  const after = again.locator(`tr[data-record-id="${RECORD}"]`);
  await expect(after.locator('td.col-note--shouldHaveHappened')).toHaveText(SHOULD);
  await expect(after.locator('td.col-note--dataGaps')).toHaveText(GAPS);
  await expect(after.getByRole('checkbox', { name: /^Key event: / })).toBeChecked();

  // Each save is a trail entry, in the Activity, saying which record and which column.
  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText(/Tabular timeline, Initial Appointment .*: "What should have happened" written/)).toBeVisible();
  await expect(page.getByText(/Tabular timeline, Initial Appointment .*: "Data gaps" written/)).toBeVisible();
  await expect(page.getByText(/Tabular timeline, Initial Appointment .*: marked a key event/)).toBeVisible();
  await expect(page.getByText(/Not kept/)).toHaveCount(0);
});

test('a note left to rest is saved while the cell is still being written in, and kept', async ({ page }) => {
  await openApp(page);
  const grid = await openTabular(page);
  await grid.locator(`tr[data-record-id="${RECORD}"] td.col-note--problems`).dblclick();
  const cell = grid.getByRole('textbox', { name: /^Practice or service delivery problems: / });
  await cell.pressSequentially('No home visit was booked.');
  await expect(page.locator('.tabular-bar__status')).toHaveText('');
  await saved(page);
  await expect(cell).toBeFocused();
  await page.reload();
  await unlock(page);
  const again = await openTabular(page);
  await expect(again.locator(`tr[data-record-id="${RECORD}"] td.col-note--problems`)).toHaveText('No home visit was booked.');
});

test('"Key events only" shows only the records marked as key events', async ({ page }) => {
  await openApp(page);
  const grid = await openTabular(page);
  const rows = grid.locator('tr[data-record-id]');
  expect(await rows.count()).toBeGreaterThan(5);
  const key = grid.locator(`tr[data-record-id="${RECORD}"]`).getByRole('checkbox', { name: /^Key event: / });
  await key.click();
  await expect(key).toBeChecked();
  await saved(page);
  await page.getByLabel('Key events only').check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-record-id', RECORD);
  await expect(page.locator('#chronology-count')).toContainText('1 key event');
  // The plain chronology keeps the filter.
  await page.getByRole('checkbox', { name: 'Tabular timeline' }).uncheck();
  await expect(page.getByRole('grid', { name: 'Chronology' }).locator('tr[data-record-id]')).toHaveCount(1);
  await page.getByLabel('Key events only').uncheck();
  expect(await page.getByRole('grid', { name: 'Chronology' }).locator('tr[data-record-id]').count()).toBeGreaterThan(5);
});

test('with hindsight off, the notes of a record later than the cursor, or held back at it, are nowhere in the page', async ({ page }) => {
  const LATER = 'Note on the notification, after the cursor.';
  const HELD = 'Note on the housing information, held back.';
  await openApp(page);
  const grid = await openTabular(page);
  await page.getByLabel('Hindsight', { exact: true }).check();
  // The last record (the SFO notification) came after the cursor; the first (held by another agency) is held back.
  await grid.focus();
  await page.keyboard.press('End');
  const last = await page.locator('tr[aria-selected="true"]').getAttribute('data-record-id');
  // The grid starts on the first of the review's columns.
  await page.keyboard.press('Enter');
  await page.keyboard.type(LATER);
  await page.keyboard.press('Tab');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press(' ');
  await saved(page);
  await expect(grid.locator(`tr[data-record-id="${last}"] td.col-note--shouldHaveHappened`)).toHaveText(LATER);
  await page.keyboard.press('Home');
  await grid.locator('tr[data-record-id="info:PR-01"] td.col-note--dataGaps').dblclick();
  await page.keyboard.type(HELD);
  await page.keyboard.press('Enter');
  await expect(grid.locator('tr[data-record-id="info:PR-01"] td.col-note--dataGaps')).toHaveText(HELD);

  await page.getByLabel('Hindsight', { exact: true }).uncheck();
  await expect(grid.locator(`tr[data-record-id="${last}"]`)).toHaveCount(0);
  const placeholder = grid.locator('tr[data-record-id="info:PR-01"]');
  await expect(placeholder).toHaveClass(/is-placeholder/);
  await expect(placeholder.locator('td.col-note--shouldHaveHappened')).toHaveText('Notes held back with the record');
  await placeholder.click();
  // Enter on a held-back row's cell writes nothing: there is nothing of it to write about.
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('textbox')).toHaveCount(0);
  const inPage = async () => page.evaluate(() => document.documentElement.outerHTML);
  expect(await inPage()).not.toContain(LATER);
  expect(await inPage()).not.toContain(HELD);
  // A key event after the cursor is left out of "key events only", not shown as a placeholder.
  await page.getByLabel('Key events only').check();
  await expect(page.locator('#chronology-count')).toContainText('0 key events');
  expect(await inPage()).not.toContain(LATER);

  // Revealing the held-back record with hindsight, on purpose, shows its notes: the check above could see them.
  await page.getByLabel('Key events only').uncheck();
  await grid.locator('tr[data-record-id="info:PR-01"]').click();
  await page.getByRole('complementary', { name: 'Selected record' }).getByRole('button', { name: 'Reveal it with hindsight' }).click();
  await expect(grid.locator('tr[data-record-id="info:PR-01"] td.col-note--dataGaps')).toHaveText(HELD);
});

test('the tabular timeline has no axe-core violations (WCAG 2.2 AA), with a cell being edited too', async ({ page }) => {
  await openApp(page);
  const grid = await openTabular(page);
  await grid.locator(`tr[data-record-id="${RECORD}"] td.col-note--notablePractice`).click();
  const scan = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(await scan()).toEqual([]);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Clear explanation of the licence conditions.');
  expect(await scan()).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /^Contributory factors: / })).toBeVisible();
  expect(await scan()).toEqual([]);
});
