import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { defaultOfficer } from '../../shared/engine/allocations.js';
import { KNOWLEDGE_STATES } from '../../shared/engine/knowledge.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';
import { openApp } from './app.js';

/**
 * A key practice episode made from the Timeline: at the cursor, or from records picked on it. Worked out with the
 * engine for the demo case as it first opens (a minute before the further offence, whoever held the case then).
 */
const index = demoCaseIndex();
const cursor = index.offenceStart - 60_000;
const view = index.view(defaultOfficer(index.data.allocations, index.data.staff, cursor) as string, cursor);
const stateOf = (i: number) => KNOWLEDGE_STATES[view.states[i] as number];
const READABLE = new Set(['known', 'onRecord', 'notHeld']);

async function openTimeline(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('canvas')).toHaveAttribute('data-painted-cursor', String(cursor), { timeout: 30_000 });
  return { maker: page.getByRole('region', { name: 'Make a key practice episode' }), table: page.getByRole('grid', { name: 'Records as at the cursor' }) };
}

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

test('a reviewer makes an episode at the cursor and one from two records picked on the Timeline, and finds both in the activity', async ({ page }) => {
  const { maker, table } = await openTimeline(page);

  await maker.getByRole('button', { name: 'Episode at the cursor' }).click();
  const title = page.getByLabel('Title');
  await expect(title).toBeFocused();
  await expect(page.getByLabel('Decision moment')).toHaveValue('12/11/2023 02:16');
  await expect(page.getByLabel('Whose decision')).toHaveValue('');
  await expect(page.getByLabel('Whose decision').locator('option:checked')).toHaveText('whoever held the case at the decision (James Whitfield)');
  // The title is needed.
  await page.getByRole('button', { name: 'Save the episode' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter a title for the episode' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await title.fill('The last contact before the offence');
  await page.getByRole('button', { name: 'Save the episode' }).click();
  await expect(maker.getByRole('status')).toContainText('Key practice episode E1 saved: The last contact before the offence');
  await expect(maker.getByRole('link', { name: 'Open the episode' })).toHaveAttribute('href', /#\/cases\/.+\/review\/episodes$/);

  // Two records: one Ctrl-clicked in the table, one added from its detail.
  await table.locator('tr[data-record-id="contact:2600000003"]').click({ modifiers: ['Control'] });
  await table.locator('tr[data-record-id="contact:2600000004"]').click();
  await page.getByRole('complementary', { name: 'Selected record' }).getByRole('button', { name: 'Add to the episode' }).click();
  const tray = maker.getByRole('list', { name: /^Records for the episode/ });
  await expect(tray.getByRole('listitem')).toHaveCount(2);
  await expect(tray).toContainText('Initial Appointment - In office (NS) (COAI)');
  await expect(tray).toContainText('Management oversight (MO1)');
  expect(await scan(page)).toEqual([]);
  await maker.getByRole('button', { name: 'Make episode from these (2 records)' }).click();
  await expect(page.getByRole('heading', { name: 'A new episode from 2 records' })).toBeVisible();
  await page.getByLabel('Title').fill('Risk assessment after release');
  await page.getByLabel('Decision moment').fill('20/05/2022 14:00');
  await page.getByRole('button', { name: 'Save the episode' }).click();
  await expect(maker.getByRole('status')).toContainText('Key practice episode E2 saved: Risk assessment after release');
  await expect(maker.getByRole('button', { name: 'Make episode from these' })).toBeDisabled();

  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('Key practice episode E1 added from the timeline, at the cursor: "The last contact before the offence"')).toBeVisible();
  await expect(page.getByText('Key practice episode E2 added from the timeline, from 2 records: "Risk assessment after release"')).toBeVisible();

  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('region', { name: 'Make a key practice episode' }).getByRole('button', { name: 'Episode at the cursor' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Title')).toHaveCount(0);
});

test('with hindsight off, only records the officer could know at the cursor can be picked, one by one or between two moments', async ({ page }) => {
  const { maker, table } = await openTimeline(page);
  const tray = maker.getByRole('list', { name: /^Records for the episode/ });

  // A held-back record: no "Add to the episode", and a Ctrl-click selects it without picking it.
  await table.locator('tr[data-record-id="info:PR-01"]').click({ modifiers: ['Control'] });
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail).toContainText('With hindsight off, only records the officer could know at the cursor can be added to an episode.');
  await expect(detail.getByRole('button', { name: 'Add to the episode' })).toHaveCount(0);
  await expect(maker.getByRole('heading', { name: 'Records for the episode (0)' })).toBeVisible();

  await maker.getByText('Add all records shown between two moments').click();
  await expect(maker.getByLabel('From')).toHaveValue('05/11/2023 02:16');
  await expect(maker.getByLabel('to', { exact: true })).toHaveValue('12/11/2023 02:16');
  await maker.getByLabel('From').fill('01/01/2022 00:00');
  await maker.getByRole('button', { name: 'Add them' }).click();
  const from = Date.parse('2022-01-01T00:00:00Z');
  const expected = index.records.filter((_, i) => READABLE.has(stateOf(i) as string) && (index.times[i]?.happened as number) >= from).length;
  const heldBack = index.records.filter((_, i) => (index.times[i]?.happened as number) <= cursor && !READABLE.has(stateOf(i) as string));
  expect(heldBack.length).toBeGreaterThan(0);
  await expect(maker.getByRole('status')).toHaveText(`${expected} records added.`);
  await expect(tray.getByRole('listitem')).toHaveCount(expected);
  await expect(maker.getByRole('heading', { name: `Records for the episode (${expected})` })).toBeVisible();
  expect(await tray.textContent()).not.toContain('not know');
  // Asked again, none is added twice.
  await maker.getByRole('button', { name: 'Add them' }).click();
  await expect(maker.getByRole('status')).toHaveText(`0 records added (${expected} already in).`);
  await expect(tray.getByRole('listitem')).toHaveCount(expected);
});

test('records picked on the Timeline become a finding’s evidence, saved as a trail entry', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Review' }).click();
  // A finding, written first in the review.
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('button', { name: 'Add a finding' }).click();
  await page.getByLabel('The finding').pressSequentially('The prison intelligence was not weighed.', { delay: 5 });
  await expect(page.locator('.review__status')).toContainText('Saved: Finding N1');

  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('canvas')).toHaveAttribute('data-painted-cursor', String(cursor), { timeout: 30_000 });
  const maker = page.getByRole('region', { name: 'Make a key practice episode' });
  const table = page.getByRole('grid', { name: 'Records as at the cursor' });
  // With hindsight on, a record held by another agency can be picked: as evidence, that is the point.
  await page.getByRole('checkbox', { name: 'Hindsight' }).check();
  await table.locator('tr[data-record-id="info:PR-01"]').click({ modifiers: ['Control'] });
  await expect(maker.getByRole('heading', { name: 'Records for the episode (1)' })).toBeVisible();
  await maker.getByLabel('Or add them to a finding’s evidence').selectOption('N1');
  await maker.getByRole('button', { name: 'Add to the finding' }).click();
  await expect(maker.getByText('Saved: Finding N1: 1 record added to its evidence from the timeline')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await maker.getByRole('link', { name: 'Open the finding' }).click();
  await expect(page.getByRole('group', { name: 'Evidence' })).toContainText('Prison security report', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('Finding N1: 1 record added to its evidence from the timeline')).toBeVisible({ timeout: 30_000 });
});
