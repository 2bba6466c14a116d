import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_DIR } from '../helpers/demoFiles.js';
import { openApp } from './app.js';

const FILES = ['contacts.csv', 'workload_snapshots.csv', 'team_snapshots.csv', 'information.csv', 'allocations.csv'].map((f) => `${DEMO_DIR}/${f}`);
const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

async function screens(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function newCaseFrom(page: Page, files: string[]) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/new/files');
  await expect(page).toHaveTitle('New case from export files – Foresight');
  await page.getByLabel('Choose the export files').setInputFiles(files);
}

test('a case made from its export files: the CRN proposed, the offence asked with its errors on their fields, another CRN can be chosen', async ({ page }) => {
  await newCaseFrom(page, FILES);
  await expect(page.getByText('Which case are the files about?')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('The files hold 181 CRNs.')).toBeVisible();
  await expect(page.getByLabel(/X900417: 341 contacts, 13 pieces of partner information, 3 allocations \(most likely\)/)).toBeChecked();
  expect(await scan(page)).toEqual([]);
  await screens(page, 'new-case-from-files');

  // Nothing typed for the offence: the error is on the date, linked from the summary, and nothing is stored.
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the date of the further offence');
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByRole('alert').getByRole('link', { name: 'Enter the date of the further offence' }).click();
  await expect(page.getByLabel('Day')).toBeFocused();
  expect(await scan(page)).toEqual([]);
  await screens(page, 'new-case-from-files-errors');

  // Another CRN from the list of the rest: the proposed name follows it.
  const other = page.getByLabel('Another CRN');
  await other.selectOption({ index: 1 });
  await expect(page.getByLabel(/^Another of the 177 other CRNs/)).toBeChecked();
  await expect(page.getByLabel('Case name')).toHaveValue(`SFO review: ${await other.inputValue()}`);
  await page.getByLabel(/X900417/).check();
  await page.getByLabel('Case name').fill('SFO review: D. Marsh');
  await page.getByLabel('Day').fill('12');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2023');
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Case SFO review: D. Marsh · CRN X900417')).toBeVisible();
  const files = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Kind' }) });
  await expect(files.getByRole('row', { name: /contacts\.csv/ })).toContainText('341 case records, 4,117 other-work contacts');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'new-case-from-files-check');

  await page.getByRole('button', { name: 'Create the case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SFO review: D. Marsh');
  // Known to the day only, the offence may have come at any time that day: the timeline opens a minute before the day.
  await expect(page.getByTestId('cursor-moment')).toHaveText('11 Nov 2023, 23:59');
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('tbody tr').nth(1)).toContainText('Case created');
  await expect(page.locator('tbody tr').first()).toContainText('Imported 5 files');
});

test('files that name no case say so, and storing nothing lets the reviewer choose again', async ({ page }) => {
  await newCaseFrom(page, FILES.filter((f) => /workload|team/.test(f)));
  await expect(page.getByText('These files do not name a case.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Choose files again' }).click();
  await expect(page.getByLabel('Choose the export files')).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByRole('row')).toHaveCount(2);
});
