import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './app';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const status = (page: Page) => page.locator('.review__status');
const points = (page: Page) => page.locator('.walkthrough-points__title');

async function openDemo(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

/** A key practice episode of the demo's review, added on the Review tab. */
async function addEpisode(page: Page, title: string, date: string, time: string) {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: /^Key practice episodes/ }).click();
  await page.getByRole('link', { name: 'Add an episode' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByLabel('Time (optional)').fill(time);
  await page.getByRole('button', { name: 'Add the episode' }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}

/** The Training tab, with the walkthrough started. */
async function startWalkthrough(page: Page) {
  await page.getByRole('link', { name: 'Training', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Start a walkthrough' })).toBeVisible();
  await expect(page.getByLabel('Walkthrough title')).toHaveValue(/^Case study: SFO review: Daniel Marsh/);
  await page.getByLabel('What happened in the end').fill('A further offence of serious violence in May 2024.');
  await page.getByRole('button', { name: 'Start the walkthrough' }).click();
  await expect(status(page)).toContainText('Saved: Walkthrough "Case study: SFO review: Daniel Marsh');
}

async function writeOptions(page: Page, question: string, ...options: string[]) {
  await page.getByLabel('Question put to the room').fill(question);
  for (const [i, option] of options.entries()) await page.getByLabel(`Option ${i + 1}`, { exact: true }).fill(option);
}

test('a trainer builds a walkthrough of two decision points from the review’s episodes, reorders them by keyboard, and finds them kept after a reload', async ({ page }) => {
  await openDemo(page);
  await addEpisode(page, 'Decision not to recall after the police call-out', '30/10/2023', '13:00');
  await addEpisode(page, 'Allocation handover to a new officer', '31/01/2023', '09:30');
  await startWalkthrough(page);

  await page.getByRole('button', { name: 'Add a decision point' }).click();
  // The form says what is missing, GOV.UK style, before anything is saved.
  await page.getByRole('button', { name: 'Save the decision point' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Enter a title for the decision point');
  await expect(summary).toContainText('Enter the question put to the room');
  await expect(summary).toContainText('Enter at least 2 options for the room to choose from');
  // An episode gives the point its title and moment (the episodes in the order of their decisions).
  await page.getByLabel('Key practice episode (optional)').selectOption({ label: 'E1: Decision not to recall after the police call-out (30 Oct 2023, 13:00)' });
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Decision not to recall after the police call-out');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('30/10/2023');
  await writeOptions(page, 'What would you do now?', 'Start a recall', 'Issue a warning', 'Carry on as planned');
  await page.getByLabel('What the officer actually did (optional)').fill('Reviewed the licence conditions; no recall.');
  await page.getByRole('button', { name: 'Save the decision point' }).click();
  await expect(status(page)).toContainText('Saved: Decision point D1 added: "Decision not to recall after the police call-out", at 30 Oct 2023, 13:00');

  await page.getByRole('button', { name: 'Add a decision point' }).click();
  await page.getByLabel('Key practice episode (optional)').selectOption({ label: 'E2: Allocation handover to a new officer (31 Jan 2023, 09:30)' });
  await writeOptions(page, 'Is the handover enough?', 'Yes', 'No');
  await page.getByRole('button', { name: 'Save the decision point' }).click();
  await expect(status(page)).toContainText('Saved: Decision point D2 added');
  await expect(points(page)).toHaveText(['D1 Decision not to recall after the police call-out', 'D2 Allocation handover to a new officer']);
  expect(await scan(page)).toEqual([]);

  // Reordered from the keyboard: the focus follows the point to its new place.
  await page.getByRole('button', { name: 'Move down decision point D1' }).focus();
  await page.keyboard.press('Enter');
  await expect(points(page)).toHaveText(['D2 Allocation handover to a new officer', 'D1 Decision not to recall after the police call-out']);
  await expect(status(page)).toContainText('Saved: Decision point D1 moved down to place 2 of 2');
  await expect(page.getByRole('button', { name: 'Move up decision point D1' })).toBeFocused();

  await page.reload();
  await unlock(page);
  await page.getByRole('link', { name: 'Training', exact: true }).click();
  await expect(points(page)).toHaveText(['D2 Allocation handover to a new officer', 'D1 Decision not to recall after the police call-out']);
  await expect(page.getByLabel('What happened in the end')).toHaveValue('A further offence of serious violence in May 2024.');
  // Undo puts the order back, as a trail entry of its own.
  await page.getByRole('button', { name: /^Undo ?: Decision point D1 moved down to place 2 of 2$/ }).click();
  await expect(points(page)).toHaveText(['D1 Decision not to recall after the police call-out', 'D2 Allocation handover to a new officer']);
  expect(await scan(page)).toEqual([]);
});

test('a training pack saved with a passphrase opens on another computer straight on its walkthrough, for the presenter', async ({ page, browser }) => {
  await openDemo(page);
  await startWalkthrough(page);
  // A decision point at a moment of the trainer's own, without an episode.
  await page.getByRole('button', { name: 'Add a decision point' }).click();
  await page.getByLabel('Title', { exact: true }).fill('The first home visit');
  await page.getByLabel('Date', { exact: true }).fill('14/03/2023');
  await writeOptions(page, 'What do you look for?', 'Who else lives there', 'Signs of drug use');
  await page.getByRole('button', { name: 'Save the decision point' }).click();
  await expect(status(page)).toContainText('Saved: Decision point D1 added: "The first home visit", at 14 Mar 2023');

  await page.getByRole('group', { name: 'How the session is run' }).getByRole('radio', { name: /^Hindsight exercise/ }).check();
  await expect(page.getByLabel('Group told the outcome')).toHaveValue('Group A');
  await page.getByRole('button', { name: 'Start the session' }).click();
  // The session opens in the presenter; leaving it opens its debrief, and the walkthrough is a step back.
  await expect(page.getByRole('dialog', { name: /^Presenting: / })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: /^Debrief: / })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the walkthrough' }).click();
  await expect(status(page)).toContainText('Saved: Session S1 started (hindsight exercise; Group A, Group B)');
  await expect(page.getByRole('table', { name: 'Sessions run' })).toContainText('Group A (told the outcome), Group B');

  await page.locator('#pack-passphrase').fill('take this to the training room');
  await page.locator('#pack-again').fill('take this to the training room');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a training pack' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^foresight-training-pack-\d{4}-\d{2}-\d{2}\.foresight$/);
  const path = await file.path();
  await expect(page.getByText(/Give the passphrase separately/)).toBeVisible();

  // The trainer's computer: a fresh profile.
  const trainer = await (await browser.newContext()).newPage();
  await openDemo(trainer);
  await trainer.goto('/#/open');
  await trainer.getByLabel('Case file').setInputFiles(path);
  await trainer.getByLabel('Passphrase').fill('take this to the training room');
  await trainer.getByRole('button', { name: 'Open' }).click();
  await expect(trainer.getByText('This is a training pack.')).toBeVisible();
  await trainer.getByRole('button', { name: 'Add to this computer' }).click();
  await expect(trainer).toHaveURL(/#\/cases\/demo-X900417\/training\?present=1$/);
  // Straight into the presenter, with the room as one group; leaving it comes back to the walkthrough's page.
  await expect(trainer.getByRole('dialog', { name: /^Presenting: Case study: / })).toBeVisible();
  await trainer.keyboard.press('Escape');
  await trainer.getByRole('button', { name: 'Back to the walkthrough' }).click();
  await expect(trainer.getByRole('link', { name: 'Training', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(trainer.getByRole('status').filter({ hasText: 'Opened from a training pack.' })).toContainText('“Case study: SFO review: Daniel Marsh');
  await expect(points(trainer)).toHaveText(['D1 The first home visit']);
  expect(await scan(trainer)).toEqual([]);
});

test('a moment on the timeline becomes a decision point: the point’s form opens at it', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  // The timeline opens a minute before the further offence (12 Nov 2023, 02:17).
  await page.getByRole('link', { name: 'Use this moment as a decision point of the walkthrough' }).click();
  await expect(page).toHaveURL(/#\/cases\/demo-X900417\/training\?at=/);
  await page.getByLabel('What happened in the end').fill('A further offence of serious violence.');
  await page.getByRole('button', { name: 'Start the walkthrough' }).click();
  await expect(page.getByRole('heading', { name: 'Add a decision point' })).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('12/11/2023');
  await expect(page.getByLabel('Time (optional)')).toHaveValue('02:16');
  expect(await scan(page)).toEqual([]);
});
