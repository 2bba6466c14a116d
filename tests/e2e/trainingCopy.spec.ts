import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

// A trainer makes a training copy of the demo case: chooses the shift, reads what is replaced, decides each word still
// to check, redacts a passage, saves the key, and makes the copy, which opens as a new case marked as one.
const DEMO_TITLE = 'SFO review: Daniel Marsh (synthetic demo case)';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

test('a trainer makes a training copy that opens as a new case, and the original is untouched', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Training', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Make a training copy' })).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.getByLabel('A number of weeks I choose').check();
  await page.getByLabel('Weeks', { exact: true }).fill('26');
  await page.getByLabel('Earlier or later').selectOption('later');
  await page.getByRole('button', { name: 'Show what the copy replaces' }).click();
  await expect(page.getByText('Dates move by 182 days (26 weeks later).')).toBeVisible({ timeout: 60_000 });

  // Every replacement by kind: a staff member's name, what it becomes, in how many places.
  await page.getByText(/^Names: \d+ replacements/).click();
  const whitfield = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'James Whitfield', exact: true }) });
  await expect(whitfield.getByRole('cell').nth(1)).toHaveText(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  expect(Number((await whitfield.getByRole('cell').nth(2).textContent())!.replace(/,/g, ''))).toBeGreaterThan(100);

  // The words still to check, with where they occur: one replaced, one redacted.
  const kowalska = page.getByRole('group', { name: 'Kowalska' });
  await expect(kowalska).toContainText(/In contact \d+, notes/);
  await kowalska.getByLabel('Replace', { exact: true }).check();
  await page.getByLabel('Replace “Kowalska” with').fill('Abbott');
  await page.getByRole('group', { name: 'Zoë' }).getByLabel('Redact').check();

  // A passage redacted by selecting its words in a note.
  const note = page.getByRole('textbox').filter({ hasText: 'punching doors' });
  const noteId = await note.getAttribute('id');
  await note.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('shouting and punching doors');
    el.focus();
    el.setSelectionRange(at, at + 'shouting and punching doors'.length);
  });
  await page.locator(`#${noteId} ~ button`).click();
  await expect(page.getByRole('list', { name: 'Passages to redact' })).toContainText('“shouting and punching doors”');
  expect(await scan(page)).toEqual([]);

  // The key, saved only when asked, says who everyone is.
  await expect(page.getByText('The key says who everyone in the copy really is.')).toBeVisible();
  const [keyFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the key' }).click()]);
  const key = JSON.parse(readFileSync((await keyFile.path())!, 'utf8')) as { shiftDays: number; names: Record<string, string>; crn: Record<string, string> };
  expect(key.shiftDays).toBe(182);
  expect(key.names['Kowalska']).toBe('Abbott');
  const newCrn = key.crn['X900417']!;

  await page.getByRole('button', { name: 'Make the training copy' }).click();
  // The copy opens as a new case, marked as a training copy beside its title.
  await expect(page.getByRole('heading', { level: 1, name: /^Training copy: SFO review: / })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.case__title-row').getByText('Training copy', { exact: true })).toBeVisible();
  await expect(page.locator('.case__meta')).toContainText(`CRN ${newCrn}`);
  // It opens on its Training tab, where its walkthrough is written.
  await expect(page.getByRole('link', { name: 'Training', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('grid', { name: 'Chronology' })).not.toContainText(/Whitfield|Okafor|X900417/);
  expect(await scan(page)).toEqual([]);

  // The list of cases: the copy tagged, the original as it was.
  await page.goto('/#/');
  const copyRow = page.getByRole('row').filter({ hasText: 'Training copy: SFO review' });
  await expect(copyRow.getByText('Training copy', { exact: true })).toBeVisible();
  await expect(copyRow).toContainText(newCrn);
  const originalRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: DEMO_TITLE, exact: true }) });
  await expect(originalRow).toContainText('X900417');
  await expect(originalRow.getByText('Training copy', { exact: true })).toHaveCount(0);
  expect(await scan(page)).toEqual([]);
});
