import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app.js';
import { colouredPixelsInRow } from './canvas.js';

/** The colour the timeline draws recall steps in (draw.ts RECALL_COLOUR). */
const RECALL_RGB: [number, number, number] = [0x4c, 0x2c, 0x92];

const canvas = (page: Page) => page.locator('canvas');
const recallSteps = async (page: Page) => ((await canvas(page).getAttribute('data-recall-steps')) ?? '').split(' ').filter(Boolean);
const recallPixels = async (page: Page) => colouredPixelsInRow(page, Number(await canvas(page).getAttribute('data-recall-lane-top')), RECALL_RGB);

async function openTimeline(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(canvas(page)).toHaveAttribute('data-painted-cursor', /\d+/, { timeout: 30_000 });
}

/** Jump the cursor, and wait for the chart and the panel beside it to catch up. */
async function jumpTo(page: Page, moment: string) {
  await page.getByLabel('Jump to').fill(moment);
  await page.getByRole('button', { name: 'Go' }).click();
  await expect.poll(async () => (await page.locator('.officer-panel').getAttribute('data-at')) === (await canvas(page).getAttribute('data-painted-cursor'))).toBe(true);
}

test('the recall steps of the demo case are marked on the timeline, and a step after the cursor is neither drawn nor listed', async ({ page }) => {
  await openTimeline(page);
  // The chart opens a minute before the further offence: the police had been told of the recall, the arrest was to come.
  await expect.poll(() => recallSteps(page)).toEqual(expect.arrayContaining(['breach', 'recallConsidered', 'managerSignOff', 'decisionRecorded', 'policeNotified']));
  expect(await recallSteps(page)).not.toContain('arrest');
  const withPolice = await recallPixels(page);
  expect(withPolice).toBeGreaterThan(40);

  const timing = page.getByTestId('recall-timing');
  await timing.getByText(/^Recall and enforcement timing by the cursor/).click();
  const recall = timing.getByRole('table', { name: /^Breach or failure to comply, 6 Nov 2023, 11:45: decision to recall/ });
  await expect(recall.getByRole('row', { name: /^Police notified/ })).toContainText('23 hours 35 minutes after the decision');
  await expect(recall.getByRole('row', { name: /^Manager sign-off/ })).toContainText('25 hours 35 minutes after the recall consideration');
  await expect(recall.getByRole('row', { name: /^Arrest or return to custody/ })).toContainText('Not on the record by this moment.');
  await expect(recall).not.toContainText('12 Nov 2023');

  // Before the police were told (16:40 on 10 Nov): their step, and the bracket to it, are gone from the chart and the list.
  await jumpTo(page, '10/11/2023 12:00');
  await expect.poll(() => recallSteps(page)).not.toContain('policeNotified');
  expect(await recallSteps(page)).toEqual(expect.arrayContaining(['breach', 'recallConsidered', 'managerSignOff']));
  expect(await recallPixels(page)).toBeLessThan(withPolice);
  await expect(recall.getByRole('row', { name: /^Police notified/ })).toContainText('Not on the record by this moment.');
  await expect(recall).not.toContainText('10 Nov 2023, 16:40');

  // Before the breach, nothing of that sequence shows.
  await jumpTo(page, '05/11/2023 12:00');
  await expect.poll(() => recallSteps(page)).not.toContain('recallConsidered');
  await expect(timing.getByRole('table', { name: /6 Nov 2023/ })).toHaveCount(0);

  // With hindsight, the whole sequence, the arrest included.
  await page.getByLabel('Hindsight', { exact: true }).check();
  await expect.poll(() => recallSteps(page)).toContain('arrest');
  await expect(timing.getByRole('table', { name: /^Breach or failure to comply, 6 Nov 2023/ }).getByRole('row', { name: /^Arrest or return to custody/ })).toContainText('42 hours 40 minutes after the police notification');
});

test('each step opens its record, and the list passes axe-core (WCAG 2.2 AA)', async ({ page }) => {
  await openTimeline(page);
  const timing = page.getByTestId('recall-timing');
  await timing.getByText(/^Recall and enforcement timing/).click();
  const recall = timing.getByRole('table', { name: /^Breach or failure to comply, 6 Nov 2023/ });
  await recall.getByRole('row', { name: /^Police notified/ }).getByRole('button', { name: /^10 Nov 2023, 16:40\s*: open the record/ }).click();
  await expect(page.getByRole('grid', { name: 'Records as at the cursor' }).locator('tr.is-selected')).toHaveAttribute('data-record-id', 'contact:2600000339');
  // The decision not to recall in September: no breach before it in the data, and nothing after it applies.
  const september = timing.getByRole('table', { name: 'Manager sign-off, 22 Sep 2023, 15:30 (breach: not in the data as seen at this moment): decision not to recall' });
  await expect(september.getByRole('row', { name: /^Breach or failure to comply/ })).toContainText('Not in the data as seen at this moment.');
  await expect(september.getByRole('row', { name: /^Police notified/ })).toContainText('The decision was not to recall.');
  const violations = (await new AxeBuilder({ page }).include('[data-testid="recall-timing"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  expect(violations).toEqual([]);
  await timing.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/recall-timing.png', fullPage: false });
});
