import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './app';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

/** The demo case's Review tab, at one of its sections. */
async function openReview(page: Page, section: string) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: new RegExp(`^${section}`) }).click();
}

const status = (page: Page) => page.locator('.review__status');

test('a reviewer marks an episode, sees the view from the tunnel, and a finding’s hindsight flags as they write; a dismissal keeps its reason in the trail', async ({ page }) => {
  await openReview(page, 'Key practice episodes');
  await expect(page.getByText('There are no episodes yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Add an episode' }).click();

  // The form refuses an episode without a title or a decision moment, saying what to do.
  await page.getByRole('button', { name: 'Add the episode' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter a title for the episode');
  await expect(summary).toContainText('Enter the date of the decision');

  await page.getByLabel('Title').fill('Decision not to recall after the police call-out');
  await page.getByLabel('Date', { exact: true }).fill('30/10/2023');
  await page.getByLabel('Time (optional)').fill('13:00');
  // The officer is, by default, whoever held the case then, by name.
  await expect(page.getByLabel('Officer', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Officer', { exact: true }).locator('option:checked')).toHaveText('Whoever held the case then (James Whitfield)');
  await page.getByLabel('Find a record to add').fill('licence conditions 30/10/2023');
  await page.getByRole('button', { name: 'Add Planned Office Visit (NS) (COAP), 30 Oct 2023, 11:45' }).click();
  await expect(page.getByText('Known to James Whitfield at 30 Oct 2023, 13:00')).toBeVisible();
  await page.getByLabel('What happened').fill('He was seen, his licence conditions reviewed, and no recall started.');
  await page.getByRole('radio', { name: 'Problematic', exact: true }).check();
  await page.getByRole('button', { name: 'Add the episode' }).click();

  // The episode's page: the view from the tunnel, live from the engine at the decision.
  await expect(page.getByRole('heading', { name: 'Decision not to recall after the police call-out', level: 2 })).toBeVisible();
  await expect(status(page)).toContainText('Saved: Key practice episode E1 added: "Decision not to recall after the police call-out", decision at 30 Oct 2023, 13:00');
  const tunnel = page.getByRole('region', { name: 'The view from the tunnel' });
  await expect(tunnel).toContainText('What James Whitfield could know and carried at 30 Oct 2023, 13:00');
  await expect(tunnel.getByRole('heading', { name: 'James Whitfield' })).toBeVisible();
  await expect(tunnel.getByTestId('workload')).toContainText('Capacity (WMT)');
  await expect(tunnel).toContainText('records held by other agencies, not shared with probation');
  await expect(tunnel).toContainText('Policies in force on 30 Oct 2023');
  await tunnel.getByText('How this is worked out: knew').click();
  await expect(tunnel.getByText('The officer did it, or the reviewer recorded evidence that the officer knew it by the moment.')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  // The list shows it, by its decision, with its officer and appraisal.
  await page.getByRole('link', { name: 'All key practice episodes' }).click();
  const row = page.getByRole('row', { name: /Decision not to recall after the police call-out/ });
  await expect(row).toContainText('30 Oct 2023, 13:00');
  await expect(row).toContainText('James Whitfield');
  await expect(row).toContainText('Problematic');
  await expect(row).toContainText('None');
  expect(await scan(page)).toEqual([]);

  // "Show on the timeline" sets the case's moment to the decision.
  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'Show on the timeline' }).click();
  await expect(page.getByTestId('cursor-moment')).toContainText('30 Oct 2023');
  await expect(page.getByTestId('cursor-moment')).toContainText('13:00');
  await page.goBack();

  // A finding about the episode, with outcome language and evidence the officer could not have read.
  await page.getByRole('button', { name: 'Add a finding about this episode' }).click();
  await expect(page.getByRole('heading', { name: /^Finding N1/ })).toBeVisible();
  await expect(page.getByLabel('Episode')).toHaveValue('E1');
  const text = page.getByLabel('The finding');
  await text.pressSequentially('The officer failed to act on the police report.', { delay: 5 });
  // The flag shows as the words are typed, before they are saved.
  const wordsFlag = page.locator('[data-flag="outcomeLanguage"]');
  await expect(wordsFlag).toHaveCount(1);
  await expect(wordsFlag).toContainText('“failed to”');
  await expect(wordsFlag).toContainText('Suggested wording: “did not”');
  await expect(wordsFlag.getByRole('button', { name: 'Use suggested wording in place of “failed to”' })).toBeVisible();
  await expect(status(page)).toContainText('Saved: Finding N1: wording changed');

  await page.getByLabel('Find a record to add').fill('DASH police');
  await page.getByRole('button', { name: 'Add Information held by Police, 28 Oct 2023, 00:50' }).click();
  const late = page.locator('.state-note--late');
  await expect(late).toContainText('Not known to James Whitfield at 30 Oct 2023, 13:00: held by Police, not yet shared with probation (never shared before the further offence)');
  await expect(page.locator('[data-flag="noSystemFactor"]')).toContainText('No system factor.');
  await expect(page.getByRole('heading', { name: /^Finding N1/ })).toContainText('3 open flags');
  expect(await scan(page)).toEqual([]);

  // A flag is dismissed only with a reason.
  await late.getByRole('button', { name: /^Dismiss…/ }).click();
  await late.getByRole('button', { name: /^Dismiss the flag/ }).click();
  await expect(late.getByText('Enter why this flag does not apply: a flag is dismissed only with a reason')).toBeVisible();
  await expect(late.getByLabel('Why does this flag not apply?')).toBeFocused();
  expect(await scan(page)).toEqual([]);
  await late.getByLabel('Why does this flag not apply?').fill('The DASH form was read to the officer by phone on 29 October');
  await late.getByRole('button', { name: /^Dismiss the flag/ }).click();
  await expect(late).toContainText('Dismissed by Test Reviewer');
  await expect(late).toContainText('“The DASH form was read to the officer by phone on 29 October”');
  await expect(status(page)).toContainText(
    'Saved: Finding N1: the late-evidence flag on Information held by Police, 28 Oct 2023, 00:50 dismissed (The DASH form was read to the officer by phone on 29 October)',
  );
  await expect(page.getByRole('heading', { name: /^Finding N1/ })).toContainText('2 open flags');

  // Every flag of the review, open first, with the count in the section list.
  const flagsLink = page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Hindsight flags (2 open)' });
  await flagsLink.click();
  const group = page.getByRole('region', { name: /Finding N1/ });
  await expect(group.locator('.flag')).toHaveCount(3);
  await expect(group.locator('.flag').last()).toContainText('Dismissed by Test Reviewer: “The DASH form was read to the officer by phone on 29 October”');
  expect(await scan(page)).toEqual([]);

  // The dismissal is in the trail, naming the finding, the flag and the reason.
  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.locator('tbody tr').first()).toContainText(
    'Finding N1: the late-evidence flag on Information held by Police, 28 Oct 2023, 00:50 dismissed (The DASH form was read to the officer by phone on 29 October)',
  );
  await expect(page.locator('tbody tr').first()).toContainText('Test Reviewer');
});

test('what a finding shows as saved survives a reload, and undo takes back the last change', async ({ page }) => {
  await openReview(page, 'Findings');
  await page.getByRole('button', { name: 'Add a finding' }).click();
  const text = page.getByLabel('The finding');
  await text.pressSequentially('Home visits lapsed in October while the officer carried sixty cases.', { delay: 5 });
  await expect(status(page)).toContainText('Saved: Finding N1: wording changed');
  await text.pressSequentially(' Nobody asked the school what the boy had said.', { delay: 5 });
  // Choosing the kind leaves the field, which saves what was typed first: the two saves go in order.
  await page.getByRole('radio', { name: 'Condition' }).check();
  await expect(status(page)).toContainText('Saved: Finding N1: kind set to condition');

  await page.reload();
  await unlock(page);
  await expect(text).toHaveValue('Home visits lapsed in October while the officer carried sixty cases. Nobody asked the school what the boy had said.', { timeout: 30_000 });
  await expect(page.getByRole('radio', { name: 'Condition' })).toBeChecked();

  await page.getByRole('button', { name: /^Undo\W+Finding N1: kind set to condition$/ }).click();
  await expect(page.getByRole('radio', { name: 'Problem' })).toBeChecked();
  await expect(status(page)).toContainText('Saved: Undone: Finding N1: kind set to condition');
  await page.getByRole('button', { name: /^Undo\W+Finding N1: wording changed$/ }).click();
  await expect(text).toHaveValue('Home visits lapsed in October while the officer carried sixty cases.');

  // Suggested wording replaces the words where they are, as a change of its own.
  await text.press('End');
  await text.pressSequentially(' It was clear that he was drinking.', { delay: 5 });
  await page.getByRole('button', { name: 'Use suggested wording in place of “It was clear that”' }).click();
  await expect(text).toHaveValue('Home visits lapsed in October while the officer carried sixty cases. The records show that he was drinking.');
  await expect(status(page)).toContainText('Saved: Finding N1: "It was clear that" replaced with the suggested "the records show that"');
  await expect(page.locator('[data-flag="outcomeLanguage"]')).toHaveCount(0);
});

test('an episode is edited in place, its view from the tunnel following, and deleted only when confirmed', async ({ page }) => {
  await openReview(page, 'Key practice episodes');
  await page.getByRole('link', { name: 'Add an episode' }).click();
  await page.getByLabel('Title').fill('Allocation handover');
  await page.getByLabel('Date', { exact: true }).fill('01/02/2023');
  await page.getByRole('button', { name: 'Add the episode' }).click();
  const tunnel = page.getByRole('region', { name: 'The view from the tunnel' });
  // A date alone is the end of that day, and the officer is whoever held the case then.
  await expect(tunnel).toContainText('What James Whitfield could know and carried at 1 Feb 2023');

  await page.getByLabel('Title').fill('Allocation handover to a new officer');
  await expect(status(page)).toContainText('Saved: Key practice episode E1: title changed to "Allocation handover to a new officer"');
  await expect(page.getByRole('heading', { level: 2, name: 'Allocation handover to a new officer' })).toBeVisible();

  await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Sarah Okafor (N07P101, PO)' });
  await expect(status(page)).toContainText('Saved: Key practice episode E1: officer set to Sarah Okafor');
  await expect(tunnel).toContainText('What Sarah Okafor could know and carried at 1 Feb 2023');
  await expect(tunnel).toContainText('did not hold the case then');

  // A moment that cannot be read is refused where it was typed, and nothing is saved.
  await page.getByLabel('Time (optional)').fill('25:00');
  await page.getByLabel('What happened').focus();
  await expect(page.getByText('Enter the time as hours and minutes on the 24-hour clock, like 14:30, or leave it blank')).toBeVisible();
  await page.getByLabel('Time (optional)').fill('09:30');
  await page.getByLabel('Date', { exact: true }).fill('31/01/2023');
  await page.getByLabel('What happened').focus();
  await expect(status(page)).toContainText('Saved: Key practice episode E1: decision moment set to 31 Jan 2023, 09:30');
  await expect(tunnel).toContainText('What Sarah Okafor could know and carried at 31 Jan 2023, 09:30');
  await expect(tunnel).toContainText('held the case');
  await expect(tunnel).not.toContainText('did not hold the case then');

  await page.getByRole('button', { name: 'Delete this episode' }).click();
  await expect(page.getByText('Delete this episode? It has no findings. You can undo it straight after.')).toBeVisible();
  await page.getByRole('button', { name: 'No, keep it' }).click();
  await page.getByRole('button', { name: 'Delete this episode' }).click();
  await page.getByRole('button', { name: 'Yes, delete this episode' }).click();
  await expect(page.getByText('There are no episodes yet.')).toBeVisible();
  await expect(status(page)).toContainText('Saved: Key practice episode E1 deleted ("Allocation handover to a new officer")');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('link', { name: 'Allocation handover to a new officer' })).toBeVisible();
});
