import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const SHOTS = '/tmp/shots/registers';

/** The demo case's review, at one of its sections. */
async function openSection(page: Page, section: string) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
}

const saved = (page: Page, what: string | RegExp) => expect(page.locator('.review__status')).toContainText(what);

async function fillDate(page: Page, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** What the Activity tab lists, newest first. */
async function trail(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  return (await page.getByRole('table').textContent()) ?? '';
}

/**
 * The section at the two window sizes the screenshots are checked at: as the window shows it, and its whole length
 * (the case scrolls inside its body, so for that one the body is let out to the page's length).
 */
async function screens(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
    const whole = await page.addStyleTag({ content: '.app:has(> .app-main > .case) { height: auto; } .case__body { overflow: visible; }' });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}-whole.png`, fullPage: true });
    await whole.evaluate((style) => (style as Element).remove());
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('the policy register: a suggestion added in one click with its dates left blank, then dated, given a time limit, and deleted', async ({ page }) => {
  await openSection(page, 'Policies in force');
  await expect(page.getByText('No policies in the register yet.')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add Recall policy framework (dates to fill in)' }).click();
  await saved(page, 'Policy P1 added from the suggestions: Recall policy framework (dates to fill in)');
  const row = page.locator('tr[data-policy="P1"]');
  await expect(row).toContainText('Dates to fill in');
  await expect(page.locator('.register-suggestions__item', { hasText: 'Recall policy framework' })).toContainText('In the register');

  await row.getByRole('button', { name: 'Change policy P1, Recall policy framework' }).click();
  await expect(page.getByRole('heading', { name: 'Change policy P1: Recall policy framework' })).toBeFocused();
  await page.getByLabel('Version (optional)').fill('2021');
  await fillDate(page, 'Applied from (optional)', ['26', '6', '2021']);
  await fillDate(page, 'Applied until (optional)', ['1', '1', '2020']);
  await page.getByLabel('What it requires (optional)').fill('A recall decision is signed off by an SPO within 24 hours.');
  await page.getByRole('button', { name: 'Add a time limit' }).click();
  await page.getByLabel('Target 1: from').selectOption({ label: 'Recall considered or initiated' });
  await page.getByLabel('Target 1: to').selectOption({ label: 'Manager sign-off' });
  await page.getByLabel('Target 1: within hours').fill('twenty');
  await page.getByRole('button', { name: 'Save policy' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The date it applied until must be the same as or after the date it applied from');
  await expect(summary).toContainText('Target 1: the hours must be a number more than 0, like 24');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'policy-form-errors');
  await summary.getByRole('link', { name: /applied until must be/ }).click();
  await expect(page.getByRole('group', { name: 'Applied until (optional)' }).getByLabel('Day')).toBeFocused();

  await fillDate(page, 'Applied until (optional)', ['', '', '']);
  await page.getByLabel('Target 1: within hours').fill('24');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await saved(page, 'Policy P1 changed: Recall policy framework');
  await expect(row).toContainText('From 26 Jun 2021: still in force');
  await expect(row).toContainText('Version 2021');
  await expect(row).toContainText('Manager sign-off within 24 hours of recall considered or initiated');
  // Closing the form gives focus back to the button that opened it.
  await expect(row.getByRole('button', { name: 'Change policy P1, Recall policy framework' })).toBeFocused();

  await page.getByRole('button', { name: 'Add a policy' }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name of the policy or guidance');
  await page.getByLabel('Name', { exact: true }).fill('Local instruction on home visits');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await saved(page, 'Policy P2 added: Local instruction on home visits');

  await page.locator('tr[data-policy="P2"]').getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'Delete policy P2, Local instruction on home visits?' })).toBeFocused();
  await expect(page.getByText('No episode cites it.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await saved(page, 'Policy P2 deleted: Local instruction on home visits');
  await expect(page.locator('tr[data-policy="P2"]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Policies in force' })).toBeFocused();
  await screens(page, 'policies');

  const entries = await trail(page);
  for (const what of ['Policy P1 added from the suggestions: Recall policy framework (dates to fill in)', 'Policy P1 changed: Recall policy framework', 'Policy P2 deleted: Local instruction on home visits']) expect(entries).toContain(what);
});

test('the contributory factors register: a factor placed in the system, with SCIE’s patterns offered, changed and deleted, each a trail entry', async ({ page }) => {
  await openSection(page, 'Contributory factors');
  expect(await scan(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add a contributory factor' }).click();
  await expect(page.getByRole('heading', { name: 'Add a contributory factor' })).toBeFocused();
  await page.getByRole('button', { name: 'Save factor' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the contributory factor');
  await expect(page.getByRole('alert')).toContainText('Choose the level of the system the factor sits at');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'factor-form-errors');

  await page.getByRole('textbox', { name: 'Contributory factor', exact: true }).fill('Caseload over 50 for two months');
  await page.getByLabel('Level of the system (AcciMap)').selectOption({ label: 'Team or SPO' });
  await page.getByLabel('Part of the work system (SEIPS, optional)').selectOption({ label: 'Organisation' });
  // SCIE's typology is offered as choices; the pattern stays free text.
  await expect(page.locator('datalist#scie-patterns option[value="resource-demand mismatch"]')).toHaveAttribute('label', 'Management systems');
  await page.getByLabel('Underlying pattern (SCIE, optional)').fill('resource-demand mismatch');
  await page.getByRole('button', { name: 'Save factor' }).click();
  await saved(page, 'Contributory factor F1 added: Caseload over 50 for two months');
  const row = page.locator('tr[data-factor="F1"]');
  await expect(row).toContainText('Team or SPO');
  await expect(row).toContainText('Organisation');
  await expect(row).toContainText('resource-demand mismatch');
  await expect(row).toContainText('Not linked yet');
  await expect(page.getByRole('button', { name: 'Add a contributory factor' })).toBeFocused();

  await row.getByRole('button', { name: 'Change factor F1' }).click();
  await page.getByLabel('Level of the system (AcciMap)').selectOption({ label: 'Region or PDU' });
  await page.getByRole('button', { name: 'Save factor' }).click();
  await saved(page, 'Contributory factor F1 changed: Caseload over 50 for two months');
  await expect(row).toContainText('Region or PDU');

  await page.getByRole('button', { name: 'Add a contributory factor' }).click();
  await page.getByRole('textbox', { name: 'Contributory factor', exact: true }).fill('Case management system hides partner information');
  await page.getByLabel('Level of the system (AcciMap)').selectOption({ label: 'Work environment: systems, IT, buildings' });
  await page.getByRole('button', { name: 'Save factor' }).click();
  await saved(page, 'Contributory factor F2 added: Case management system hides partner information');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'factors');

  await page.locator('tr[data-factor="F2"]').getByRole('button', { name: 'Delete factor F2' }).click();
  await expect(page.getByText('Nothing links to it.')).toBeVisible();
  await page.getByRole('button', { name: 'No, keep it' }).click();
  await expect(page.locator('tr[data-factor="F2"]')).toHaveCount(1);
  await page.locator('tr[data-factor="F2"]').getByRole('button', { name: 'Delete factor F2' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await saved(page, 'Contributory factor F2 deleted: Case management system hides partner information');
  await expect(page.locator('tr[data-factor="F2"]')).toHaveCount(0);

  const entries = await trail(page);
  for (const what of ['Contributory factor F1 added: Caseload over 50 for two months', 'Contributory factor F1 changed: Caseload over 50 for two months', 'Contributory factor F2 deleted']) expect(entries).toContain(what);
});

test('the overview: details saved as written, the judgement and its reasons, and the quality self-check answering from the review and from the reviewer', async ({ page }) => {
  await openSection(page, 'Overview and judgement');
  expect(await scan(page)).toEqual([]);
  const judgementCheck = page.locator('[data-check="judgement"]');
  await expect(judgementCheck).toContainText('Not met');
  await expect(judgementCheck).toContainText('The judgement: not answered yet');
  await expect(page.locator('[data-check="appraised"]')).toContainText('Nothing to check yet');

  // Pausing saves, without leaving the field; the first change starts the review, under the case's name and the reviewer's.
  await page.getByLabel('Terms of reference').fill('The supervision of D. Marsh from release on 16 May 2022 to the offence.');
  await saved(page, 'Terms of reference changed');
  await expect(page.getByLabel('Terms of reference')).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('Review of SFO review: Daniel Marsh (synthetic demo case)');
  await expect(page.getByLabel('Reviewer')).toHaveValue('Test Reviewer');

  // A title left blank is refused, and not saved.
  await page.getByLabel('Title').fill('');
  await page.getByLabel('Reviewer').focus();
  await expect(page.getByText('Enter a title for the review')).toBeVisible();
  await page.getByLabel('Title').fill('SFO review: Daniel Marsh');
  await page.getByLabel('Reviewer').focus();
  await saved(page, 'Review title changed: SFO review: Daniel Marsh');
  await expect(page.getByText('Enter a title for the review')).toHaveCount(0);

  // Typing the reasons then choosing an answer at once: both are kept.
  await page.getByLabel('The reasons for the judgement').fill('The missed appointments in August were not followed by a recall decision.');
  await page.getByRole('group', { name: 'Were all reasonable steps taken?' }).getByLabel('Partly').check();
  await saved(page, 'Judgement: were all reasonable steps taken? Partly');
  await expect(judgementCheck).toContainText('Met');

  // The reviewer's own answer to a standard the review cannot show, chosen by keyboard.
  const victims = page.getByRole('group', { name: 'Does the review consider the victims and their families?' });
  await victims.getByLabel('No').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(victims.getByLabel('Partly')).toBeChecked();
  await saved(page, 'Quality self-check, Victims and their families: Partly');
  await page.getByLabel('Your note on victims and their families (optional)').fill('The victim’s family has not yet been spoken to.');
  await page.getByLabel('Your note on victims and their families (optional)').blur();
  await saved(page, 'Quality self-check, Victims and their families: note changed');
  expect(await scan(page)).toEqual([]);

  // What was saved is what comes back.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Overview and judgement' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Title')).toHaveValue('SFO review: Daniel Marsh');
  await expect(page.getByLabel('The reasons for the judgement')).toHaveValue('The missed appointments in August were not followed by a recall decision.');
  await expect(page.getByRole('group', { name: 'Were all reasonable steps taken?' }).getByLabel('Partly')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Does the review consider the victims and their families?' }).getByLabel('Partly')).toBeChecked();
  await expect(page.getByLabel('Your note on victims and their families (optional)')).toHaveValue('The victim’s family has not yet been spoken to.');
  await screens(page, 'overview');

  // Undo takes back the last change, and the field shows it at once.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await saved(page, 'Undone: Quality self-check, Victims and their families: note changed');
  await expect(page.getByLabel('Your note on victims and their families (optional)')).toHaveValue('');

  const entries = await trail(page);
  for (const what of ['Review title changed: SFO review: Daniel Marsh', 'Terms of reference changed', 'Judgement: reasons changed', 'Judgement: were all reasonable steps taken? Partly', 'Quality self-check, Victims and their families: Partly']) expect(entries).toContain(what);
});

test('the action plan: an action with its owner, a due date now past, and how progress is measured', async ({ page }) => {
  await openSection(page, 'Action plan');
  expect(await scan(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add an action' }).click();
  await expect(page.getByText('The review has no findings yet: write them first, then link them here.')).toBeVisible();
  await fillDate(page, 'Due date (optional)', ['31', '2', '2025']);
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the action');
  await expect(page.getByRole('alert')).toContainText('The date it is due must be a real date');
  expect(await scan(page)).toEqual([]);
  await page.getByLabel('Action', { exact: true }).fill('Cap caseloads in the team at 45 and report them monthly to the PDU head.');
  await page.getByLabel('Owner (optional)').fill('Head of PDU');
  await fillDate(page, 'Due date (optional)', ['28', '2', '2025']);
  await page.getByLabel('How progress is measured (optional)').fill('Monthly caseload report');
  await page.getByRole('button', { name: 'Save action' }).click();
  await saved(page, /Action A1 added: Cap caseloads in the team at 45 and report them monthly to…/);
  const row = page.locator('tr[data-action="A1"]');
  await expect(row).toContainText('28 Feb 2025');
  await expect(row).toContainText('Past due');
  await expect(row).toContainText('Head of PDU');
  await expect(row).toContainText('None linked');
  expect(await scan(page)).toEqual([]);
  await screens(page, 'actions');

  await row.getByRole('button', { name: 'Change action A1' }).click();
  await fillDate(page, 'Due date (optional)', ['', '', '']);
  await page.getByRole('button', { name: 'Save action' }).click();
  await saved(page, 'Action A1 changed');
  await expect(row).toContainText('No date yet');
  await expect(row).not.toContainText('Past due');
});
