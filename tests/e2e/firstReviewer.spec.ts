import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_DIR } from '../helpers/demoFiles.js';
import { openApp } from './app.js';
import { colouredPixelsBeforeCursor } from './canvas.js';

const FILES = ['contacts.csv', 'workload_snapshots.csv', 'team_snapshots.csv', 'information.csv', 'allocations.csv'].map((f) => `${DEMO_DIR}/${f}`);

/**
 * A first-time reviewer with the five demo export files, from the case list to the officer's view at a moment they
 * choose: every click, typed field and file choice counts as one interaction. The goal is ten or fewer. The time is
 * the app's own: this script does not pause to think, so it is all time spent waiting for the app.
 */
test('a first-time reviewer gets from five export files to the officer’s view at a chosen moment in ten steps or fewer', async ({ page }) => {
  // The first run opens the demo case; the reviewer starts from the list of cases.
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible({ timeout: 30_000 });
  const steps: { step: string; ms: number }[] = [];
  const started = Date.now();
  const act = async (step: string, action: () => Promise<unknown>) => {
    const t = Date.now();
    await action();
    steps.push({ step, ms: Date.now() - t });
  };

  await act('New case from export files', () => page.getByRole('button', { name: 'New case from export files' }).click());
  await act('Choose the five files', async () => {
    await page.getByLabel('Choose the export files').setInputFiles(FILES);
    await expect(page.getByText('Which case are the files about?')).toBeVisible({ timeout: 60_000 });
  });
  // The case the files are about is proposed (the CRN the partner information and allocations name), and its name too.
  await expect(page.getByLabel(/X900417/)).toBeChecked();
  await expect(page.getByLabel('Case name')).toHaveValue('SFO review: X900417');
  await act('Day', () => page.getByLabel('Day').fill('12'));
  await act('Month', () => page.getByLabel('Month').fill('11'));
  await act('Year', () => page.getByLabel('Year').fill('2023'));
  await act('Time', () => page.getByLabel('Time of the further offence (optional)').fill('02:17'));
  await act('Check the files', async () => {
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect(page.getByRole('button', { name: 'Create the case' })).toBeVisible({ timeout: 60_000 });
  });
  await expect(page.getByText(/This will store\s*354 case records, 4,117 other-work contacts, 851 workload snapshots, 81 team snapshots, 3 allocations/)).toBeVisible();
  await act('Create the case', async () => {
    await page.getByRole('button', { name: 'Create the case' }).click();
    await expect(page.locator('canvas')).toHaveAttribute('data-painted-cursor', /\d+/, { timeout: 60_000 });
  });
  // The timeline opens one minute before the offence, on the weeks that led to it, with records drawn by the cursor.
  await expect(page.getByTestId('cursor-moment')).toHaveText('12 Nov 2023, 02:16');
  expect(Number(await page.locator('canvas').getAttribute('data-cursor-x'))).toBeGreaterThan(0);
  expect(await colouredPixelsBeforeCursor(page)).toBeGreaterThan(50);
  await act('Jump to a chosen moment', () => page.getByLabel('Jump to').fill('22/09/2023 12:00'));
  await act('Go', async () => {
    await page.getByLabel('Jump to').press('Enter');
    await expect(page.getByRole('region', { name: 'What the officer knew and carried' })).toHaveAttribute('data-at', String(Date.parse('2023-09-22T11:00:00Z')));
  });
  const elapsed = Date.now() - started;

  // The officer's picture at that moment, above the fold: who, what they knew, what they carried.
  const glance = page.getByRole('region', { name: 'What the officer knew and carried' });
  await expect(glance.getByLabel('View of')).toContainText('James Whitfield');
  for (const part of [/^Knew \d+$/, /^on record \d+$/, /^held by others \d+$/]) await expect(glance.getByRole('button', { name: part })).toBeVisible();
  await expect(glance).toContainText(/% WMT, excessive: over 110% since 21 Aug 2023/);
  expect(Number(await page.locator('canvas').getAttribute('data-cursor-x'))).toBeGreaterThan(0);
  expect(await colouredPixelsBeforeCursor(page)).toBeGreaterThan(50);
  await storyAboveTheFold(page, 1440, 900);
  await storyAboveTheFold(page, 1024, 768);

  const report = { interactions: steps.length, goal: 10, appTimeMs: elapsed, steps };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/first-reviewer.json', JSON.stringify(report, null, 2));
  console.log(`First-time reviewer: ${steps.length} interactions, ${(elapsed / 1000).toFixed(1)} s of the app's time: ${steps.map((s) => `${s.step} ${s.ms} ms`).join('; ')}`);
  expect(steps.length).toBeLessThanOrEqual(10);
});

/** Without scrolling: the line of what the officer knew and carried, and the chart down to its team staffing band. */
async function storyAboveTheFold(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.locator('.case__body').evaluate((el) => el.scrollTo(0, 0));
  const footer = (await page.locator('.app-footer').boundingBox())?.y ?? height;
  const glance = await page.getByRole('region', { name: 'What the officer knew and carried' }).boundingBox();
  const canvas = await page.locator('canvas').boundingBox();
  expect(glance && glance.y + glance.height).toBeLessThanOrEqual(footer);
  expect(canvas && canvas.y + canvas.height).toBeLessThanOrEqual(footer);
  await page.screenshot({ path: `test-results/screens/first-reviewer-${width}.png` });
}
