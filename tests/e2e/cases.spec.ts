import { expect, test } from '@playwright/test';
import { openApp, unlock } from './app.js';

test('a case can be created, renamed and deleted (with confirmation)', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Create an empty case' }).click();

  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name for the case');
  await page.getByLabel('Case name').fill('SFO review: test case');
  await page.getByLabel('CRN').fill('y654321');
  await page.getByLabel('Date of the further offence').fill('31/02/2023');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a real date');
  await page.getByLabel('Date of the further offence').fill('26/06/2022');
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SFO review: test case');
  await expect(page.getByText('Y654321')).toBeVisible();
  await expect(page.getByText('26 Jun 2022', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible();

  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('link', { name: 'Rename SFO review: test case' }).click();
  await page.getByLabel('Case name').fill('Renamed review');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: 'Renamed review', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Delete Renamed review' }).click();
  await expect(page.getByRole('heading', { name: /Are you sure you want to delete/ })).toBeVisible();
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expect(page.getByRole('link', { name: 'Renamed review', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Delete Renamed review' }).click();
  await page.getByRole('button', { name: 'Yes, delete this case' }).click();
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Renamed review', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^SFO review: Daniel Marsh/ })).toBeVisible();
});

test('a deleted demo case stays deleted until the user restores it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/');
  await page.getByRole('link', { name: /^Delete SFO review: Daniel Marsh/ }).click();
  await page.getByRole('button', { name: 'Yes, delete this case' }).click();
  await expect(page.getByText('There are no cases yet.')).toBeVisible();
  await page.reload();
  await unlock(page);
  await expect(page.getByText('There are no cases yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore the demo case' }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
});
