import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const DEMO = 'SFO review: Daniel Marsh (synthetic demo case)';
const header = (page: Page) => page.getByRole('navigation', { name: 'Foresight' });

/** The page as it is, at the two window sizes the screenshots are checked at. */
async function screens(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function fillDate(page: Page, day: string, month: string, year: string) {
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
}

test('a case can be created, its details corrected and deleted (with confirmation)', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await header(page).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Create an empty case' }).click();

  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name for the case');
  await expect(page).toHaveTitle('Error: Create a case – Foresight');
  await page.getByLabel('Case name').fill('SFO review: test case');
  await page.getByLabel('CRN').fill('y654321');
  await fillDate(page, '31', '2', '2023');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('Date of the further offence must be a real date');
  // The summary links to the wrong field; only that field is marked.
  await page.getByRole('alert').getByRole('link', { name: 'Date of the further offence must be a real date' }).click();
  await expect(page.getByLabel('Day')).toBeFocused();
  await expect(page.getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Month')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Date of the further offence' })).toHaveAccessibleDescription(/For example, 26 6 2022 Error: Date of the further offence must be a real date/);
  await fillDate(page, '26', '6', '2022');
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SFO review: test case');
  await expect(page.getByText('Y654321')).toBeVisible();
  await expect(page.getByText('26 Jun 2022', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible();

  await header(page).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'Edit details SFO review: test case' }).click();
  await expect(page).toHaveTitle('Edit case details – SFO review: test case – Foresight');
  await page.getByLabel('Case name').fill('Corrected review');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Case details saved' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Case name “SFO review: test case” “Corrected review”' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to cases' }).click();
  await expect(page.getByRole('link', { name: 'Corrected review', exact: true })).toBeVisible();

  // Links to the page under its old name still work.
  const id = (await page.getByRole('link', { name: 'Corrected review', exact: true }).getAttribute('href'))?.split('/').pop() as string;
  await page.goto(`/#/cases/${id}/rename`);
  await expect(page.getByRole('heading', { name: 'Edit case details' })).toBeVisible();
  await header(page).getByRole('link', { name: 'Cases' }).click();

  await page.getByRole('link', { name: 'Delete Corrected review' }).click();
  await expect(page.getByRole('heading', { name: /Are you sure you want to delete/ })).toBeVisible();
  await expect(page).toHaveTitle('Delete case – Corrected review – Foresight');
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expect(page.getByRole('link', { name: 'Corrected review', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Delete Corrected review' }).click();
  await page.getByRole('button', { name: 'Yes, delete this case' }).click();
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Corrected review', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^SFO review: Daniel Marsh/ })).toBeVisible();
});

test('the offence time and the CRN of a case can be corrected, the contacts follow the CRN, and the trail says so', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill('Alex Reviewer');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.goto('/#/');
  await page.getByRole('link', { name: `Edit details ${DEMO}` }).click();
  await expect(page).toHaveTitle(`Edit case details – ${DEMO} – Foresight`);
  await expect(page.getByLabel('CRN')).toHaveValue('X900417');
  await expect(page.getByLabel('Day')).toHaveValue('12');
  await expect(page.getByLabel('Time of the further offence (optional)')).toHaveValue('02:17');

  await page.getByLabel('Time of the further offence (optional)').fill('3.10');
  await page.getByLabel('CRN').fill('X911003');
  const notice = page.getByTestId('crn-change');
  await expect(notice).toContainText('Changing the CRN from X900417 to X911003');
  await expect(notice).toContainText('Import the information and allocations files again to add rows for X911003.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a time on the 24-hour clock, like 02:17');
  await expect(page).toHaveTitle(`Error: Edit case details – ${DEMO} – Foresight`);
  await expect(page.getByLabel('Time of the further offence (optional)')).toHaveAccessibleDescription(/Error: Enter a time on the 24-hour clock/);
  expect(await scan(page)).toEqual([]);
  await screens(page, 'edit-case-details');

  await page.getByLabel('Time of the further offence (optional)').fill('03:10');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Case details saved' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'CRN X900417 X911003' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Further offence 12 Nov 2023, 02:17 12 Nov 2023, 03:10' })).toBeVisible();
  await expect(page.getByText('42 contacts of X911003 moved from other work into the case’s records.')).toBeVisible();
  await expect(page.getByText('341 contacts of X900417 moved from the records to other work.')).toBeVisible();
  await expect(page.getByText('The case keeps 13 information records and 3 allocations that carry another CRN.')).toBeVisible();
  await expect(page.getByText('Import the information and allocations files again to add rows for X911003.')).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await screens(page, 'edit-case-details-saved');

  await page.getByRole('button', { name: 'See the activity' }).click();
  const newest = page.locator('tbody tr').first();
  await expect(newest).toContainText('Alex Reviewer');
  await expect(newest).toContainText(
    'Case details corrected: CRN X900417 → X911003; further offence 12 Nov 2023, 02:17 → 12 Nov 2023, 03:10; 42 contacts of X911003 moved from other work into the records, 341 contacts of X900417 moved to other work',
  );
  await expect(page.getByText(/^The audit trail checks out: its 2 entries are in order and unaltered/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Check the trail now' }).click();
  await expect(page.getByText('Full check: every entry and every row was read again and compared with what the trail recorded.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^The audit trail checks out: its 2 entries are in order/)).toBeVisible();

  await page.getByRole('link', { name: 'Chronology' }).click();
  await expect(page.getByText(/^CRN X911003/)).toBeVisible();
  await expect(page.getByText('12 Nov 2023, 03:10', { exact: true })).toBeVisible();
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
