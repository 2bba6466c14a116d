import { expect, test, type Page } from '@playwright/test';
import { defaultOfficer } from '../../shared/engine/allocations.js';
import { KNOWLEDGE_STATES } from '../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../shared/schemas/index.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';
import { openApp } from './app.js';

/**
 * Foresight means foresight: with hindsight off, no text of a record the officer could not know at the cursor is
 * anywhere in the page, whatever is opened. Worked out with the engine, for the demo case as it first opens (one
 * minute before the further offence, in the view of whoever held the case then).
 */
const index = demoCaseIndex();
const cursor = index.offenceStart - 60_000;
const view = index.view(defaultOfficer(index.data.allocations, index.data.staff, cursor) as string, cursor);
const HELD_BACK = new Set(['notYetHappened', 'hindsightOnly', 'heldElsewhere', 'notYetRecorded']);
const textsOf = (r: CaseRecord) => [r.summary, ...(r.notes ?? '').split(/\r?\n/)].map((t) => t.trim()).filter((t) => t.length >= 24);
const heldBack = index.records.filter((_, i) => HELD_BACK.has(KNOWLEDGE_STATES[view.states[i] as number] as string));
// A sentence that a record the officer could read also says would be in the page for that reason: leave it out.
const readable = [...index.records.filter((r) => !heldBack.includes(r)), ...index.data.otherWork].flatMap(textsOf).join('\n');
const secrets = [...new Set(heldBack.flatMap(textsOf))].filter((t) => !readable.includes(t));
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function nothingHeldBackIsInThePage(page: Page, where: string) {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const found = secrets.filter((s) => html.includes(escape(s)) || html.includes(escape(s).replace(/"/g, '&quot;')));
  expect(found, `held-back text in the page (${where})`).toEqual([]);
}

test('with hindsight off, no text of a record the officer could not know is in the page, whatever is opened', async ({ page }) => {
  expect(secrets.length).toBeGreaterThan(5);
  await openApp(page);
  const grid = page.getByRole('grid', { name: 'Chronology' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await nothingHeldBackIsInThePage(page, 'chronology');
  // Every placeholder row, selected in turn, and the last row the keyboard reaches.
  await grid.focus();
  await page.keyboard.press('End');
  await nothingHeldBackIsInThePage(page, 'chronology, last row');
  for (const id of heldBack.map((r) => r.id)) {
    const row = grid.locator(`tr[data-record-id="${id}"]`);
    if ((await row.count()) === 0) continue;
    // The table draws only the rows in view: one drawn when counted can be scrolled out as the last selection's
    // detail opens. Then there is nothing of it to check.
    const clicked = await row.click({ timeout: 10_000 }).then(
      () => true,
      async (e: unknown) => {
        if ((await row.count()) > 0) throw e;
        return false;
      },
    );
    if (!clicked) continue;
    await expect(page.getByRole('complementary', { name: 'Selected record' })).toBeVisible();
    await nothingHeldBackIsInThePage(page, `chronology, ${id} selected`);
  }
  // A search for a word only held-back records hold finds nothing.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Text').fill('frightened');
  await expect(page.getByText('No records match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();

  await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('canvas')).toHaveAttribute('data-painted-cursor', String(cursor), { timeout: 30_000 });
  await expect(page.locator('.officer-panel')).toHaveAttribute('data-at', String(cursor));
  const glance = page.getByRole('region', { name: 'What the officer knew and carried' });
  for (const part of await glance.locator('.glance__part').all()) {
    await part.click();
    await nothingHeldBackIsInThePage(page, `timeline, ${await part.innerText()} opened`);
  }
  for (const why of await page.locator('.officer-panel details').all()) await why.evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await page.getByText('What the colours mean').click();
  await nothingHeldBackIsInThePage(page, 'timeline, every explanation open');
  const table = page.getByRole('grid', { name: 'Records as at the cursor' });
  await table.focus();
  await page.keyboard.press('End');
  await nothingHeldBackIsInThePage(page, 'timeline, last row');

  // The same reveal the user makes on purpose does show the text: the check above can see it when it is there.
  const placeholder = table.locator('tr.is-placeholder').last();
  await placeholder.click();
  await page.getByRole('complementary', { name: 'Selected record' }).getByRole('button', { name: 'Reveal it with hindsight' }).click();
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(secrets.some((s) => html.includes(escape(s)))).toBe(true);
});
