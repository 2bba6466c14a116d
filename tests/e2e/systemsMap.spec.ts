import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const saved = (page: Page, what: string | RegExp) => expect(page.locator('.review__status')).toContainText(what);

async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name }).click();
}

test('the systems map shows the review’s factors by level; a factor moved by keyboard is a saved change in the trail, and the map reads as a list', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await section(page, 'Contributory factors');
  await page.getByRole('button', { name: 'Add a contributory factor' }).click();
  await page.getByRole('textbox', { name: 'Contributory factor', exact: true }).fill('Caseload over 50 for two months');
  await page.getByLabel('Level of the system (AcciMap)').selectOption({ label: 'Practitioner' });
  await page.getByRole('button', { name: 'Save factor' }).click();
  await saved(page, 'Contributory factor F1 added');

  await section(page, 'Systems map');
  await expect(page.getByRole('heading', { name: 'Systems map', level: 2 })).toBeVisible();
  // Laid out by elk in a worker, then drawn: the factor is shown in its level's band.
  const box = page.locator('.react-flow').getByText('Caseload over 50 for two months').first();
  await expect(box).toBeVisible({ timeout: 30_000 });

  // By keyboard: the box's level list is reached with Tab (the map zooms in to it), a level chosen, then Move.
  const move = page.getByLabel('Move to level for “Caseload over 50 for two months”').first();
  await move.focus();
  await move.selectOption({ label: 'Team or SPO' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Move “Caseload over 50 for two months” to the level chosen' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await saved(page, 'Contributory factor F1 moved to Team or SPO on the systems map');

  await page.getByLabel('Show as a list').check();
  const team = page.locator('section.systems-map-list__level', { has: page.getByRole('heading', { name: 'Team or SPO' }) });
  await expect(team).toContainText('Caseload over 50 for two months');
  expect(await scan(page)).toEqual([]);

  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('table')).toContainText('Contributory factor F1 moved to Team or SPO on the systems map', { timeout: 30_000 });
});
