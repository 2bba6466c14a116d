import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encryptBundle } from '../../shared/bundle/encryption.js';
import { DEMO_REVIEW, demoWithReview } from '../helpers/demoReview.js';
import { openApp, unlock } from './app';

// The practitioner's reply, as two people do it on two computers (two browser profiles): the reviewer sends a copy
// for response, the practitioner answers a finding with their view from the tunnel and sends it back, and the
// reviewer merges it.
const CASE_PASSPHRASE = 'reviewed case file passphrase';
const COPY_PASSPHRASE = 'copy for response passphrase';
const REPLY_PASSPHRASE = 'reply from the officer passphrase';
const TITLE = 'Daniel Marsh: the review';
const dir = mkdtempSync(join(tmpdir(), 'foresight-reply-'));
const caseFile = join(dir, 'reviewed.foresight');

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

test.beforeAll(async () => {
  const { bundle } = demoWithReview({ ...DEMO_REVIEW, responses: [] }, { id: 'reviewed', title: TITLE });
  writeFileSync(caseFile, await encryptBundle(JSON.stringify(bundle), CASE_PASSPHRASE));
});

/** Open a case file in the app and add it to this computer, then go to the case it holds. */
async function receive(page: Page, file: string, passphrase: string) {
  await page.goto('/#/open');
  await page.getByLabel('Case file').setInputFiles(file);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Add to this computer' }).click();
  await expect(page.getByText('Added to this computer.')).toBeVisible({ timeout: 30_000 });
}

/** Click a button that makes a download and keep the file. */
async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

async function reviewSection(page: Page, section: string) {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: section }).click();
}

test('a reviewer sends a copy for response, the practitioner answers from their own view, and the reply merges once', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // The reviewer.
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await receive(page, caseFile, CASE_PASSPHRASE);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await reviewSection(page, 'Practitioner’s responses');
  await page.getByLabel('Who is it for?').selectOption({ label: 'James Whitfield (N07P214, PO)' });
  // His findings are offered: the one about his decision.
  await expect(page.getByRole('checkbox', { name: /^N1 / })).toBeChecked();
  await page.getByLabel('Passphrase for the copy', { exact: true }).fill(COPY_PASSPHRASE);
  await page.getByLabel('Passphrase for the copy, again').fill(COPY_PASSPHRASE);
  const copy = await download(page, 'Save the copy for response');
  await expect(page.getByRole('status').filter({ hasText: 'the copy for James Whitfield' })).toBeVisible();
  await expect(page.getByText(/to James Whitfield \(N07P214\), 1 finding \(N1\), by Test Reviewer/)).toBeVisible();

  // The practitioner, on another computer.
  const theirs = await browser.newContext();
  const officer = await theirs.newPage();
  await officer.goto('/');
  await unlock(officer, undefined, { as: 'James Whitfield' });
  await receive(officer, copy, COPY_PASSPHRASE);
  await officer.getByRole('link', { name: TITLE }).click();
  await officer.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(officer.getByText('A copy of the review for your response.')).toBeVisible({ timeout: 30_000 });
  await expect(officer.getByRole('heading', { name: /^Finding N1/ })).toBeVisible();
  // Their view at the decision, and the flags the tool raised, the dismissed one with the reviewer's reason.
  await expect(officer.getByRole('heading', { name: 'The view from the tunnel' })).toBeVisible();
  await expect(officer.getByText('Dismissed by A. Reviewer: “quoting the officer”')).toBeVisible();
  // The review is read only: no section to change it.
  await expect(officer.getByRole('navigation', { name: 'Review sections' })).toHaveCount(0);
  expect(await scan(officer)).toEqual([]);

  const statement = officer.locator('.statements__item').first();
  const said = (await statement.locator('.statements__text').textContent()) ?? '';
  expect(said.length).toBeGreaterThan(10);
  await statement.getByRole('button', { name: /^Add to my response/ }).click();
  await expect(officer.getByRole('textbox', { name: 'Your response' })).toHaveValue(said);
  await officer.getByLabel('Disputed').check();
  await officer.getByRole('textbox', { name: 'Your response' }).fill(`I did not have the police information at the decision. ${said}`);
  await officer.getByRole('button', { name: 'Save version 1' }).click();
  await expect(officer.getByText('Version 1 saved and signed with your key.')).toBeVisible();
  await expect(officer.getByRole('heading', { name: 'Version 1: Disputed' })).toBeVisible();
  await officer.getByRole('link', { name: 'Send your reply' }).first().click();
  await officer.getByLabel('Passphrase', { exact: true }).fill(REPLY_PASSPHRASE);
  await officer.getByLabel('Passphrase again').fill(REPLY_PASSPHRASE);
  const reply = await download(officer, 'Save the encrypted reply');
  await theirs.close();

  // Meanwhile the reviewer rewords N1: the response answers the words the officer read.
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('link', { name: /N1/ }).first().click();
  await page.getByLabel('The finding', { exact: true }).fill('The notice was not acted on before the decision.');
  await page.getByLabel('The finding', { exact: true }).blur();
  await expect(page.getByText(/Saved: Finding N1/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Practitioner’s responses' }).click();

  // The reviewer merges it: a preview first, then the response beside its finding.
  await page.getByLabel('The practitioner’s reply').setInputFiles(reply);
  await page.getByLabel('The reply’s passphrase').fill(REPLY_PASSPHRASE);
  await page.getByRole('button', { name: 'Open the reply' }).click();
  await expect(page.getByText(/It is from James Whitfield and adds 1 response/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('cell', { name: 'Disputed' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Answers an earlier wording/ })).toBeVisible();
  await page.getByRole('button', { name: 'Merge 1 response' }).click();
  await expect(page.getByText('Merged.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Version 1: Disputed' })).toBeVisible();
  await expect(page.getByText('I did not have the police information at the decision.')).toBeVisible();
  // Both wordings, side by side.
  const wordings = page.getByRole('group', { name: 'The finding’s wordings, for version 1' });
  await expect(wordings).toContainText('Failed to act on the notice; she should have known.');
  await expect(wordings).toContainText('The notice was not acted on before the decision.');
  expect(await scan(page)).toEqual([]);

  // The same reply again adds nothing.
  await page.getByRole('button', { name: 'Merge another reply' }).click();
  await page.getByLabel('The practitioner’s reply').setInputFiles(reply);
  await page.getByLabel('The reply’s passphrase').fill(REPLY_PASSPHRASE);
  await page.getByRole('button', { name: 'Open the reply' }).click();
  await expect(page.getByText('Nothing new.')).toBeVisible({ timeout: 30_000 });

  // Beside the finding too, and the trail holds the officer's signed entry.
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('link', { name: /N1/ }).first().click();
  await expect(page.getByRole('heading', { name: 'The practitioner’s response' })).toBeVisible();
  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByText(/Reply from James Whitfield merged/)).toBeVisible({ timeout: 30_000 });
});
