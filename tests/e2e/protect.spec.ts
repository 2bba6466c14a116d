import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { rowInWords } from '../../shared/audit/trailWords.js';
import { openApp, PASSPHRASE, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const DEMO = /^SFO review: Daniel Marsh/;

async function openDemo(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

test('the store stays locked until the right passphrase is given', async ({ page }) => {
  await openDemo(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Foresight' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not unlock the cases on this computer');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/unlock.png' });
  await unlock(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
});

test('every change is in the activity view under the name set in Settings, and the trail checks out', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill('Alex Reviewer');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.goto('/#/');
  await page.getByRole('link', { name: /^Edit details SFO review: Daniel Marsh/ }).click();
  await page.getByLabel('Case name').fill('SFO review: renamed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('link', { name: 'Back to cases' }).click();
  await page.getByRole('link', { name: /^SFO review: renamed/ }).click();
  await page.getByRole('link', { name: 'Activity' }).click();

  await expect(page.getByText(/The audit trail checks out: its 2 entries are in order and unaltered/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('2 entries, newest first')).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Alex Reviewer');
  await expect(rows.first()).toContainText('Case details corrected: case name “SFO review: Daniel Marsh (synthetic demo case)” → “SFO review: renamed”');
  // Hashes are not in the plain account: only behind Technical details.
  await expect(page.locator('.activity')).not.toContainText(/SHA-256|[0-9a-f]{64}/, { useInnerText: true });
  await rows.first().getByText('Technical details').click();
  await expect(rows.first()).toContainText('"title": "SFO review: renamed"');
  await expect(rows.first()).toContainText(/Entry hash \(SHA-256\)\s*[0-9a-f]{64}/);
  await expect(rows.last()).toContainText('Demo case loaded');
  await page.getByRole('status').filter({ hasText: 'Check the trail now' }).getByText('Technical details').click();
  expect(await scan(page)).toEqual([]);
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/activity-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByLabel('Person').selectOption('Alex Reviewer');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Person').selectOption('');
  await page.getByLabel('Kind').selectOption('import');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Demo case loaded');
  await page.getByLabel('Kind').selectOption('');
  await page.getByLabel(/^To/).fill('01/01/2000');
  await expect(rows).toHaveCount(0);
  await page.getByLabel(/^To/).fill('31/12/2099');
  await page.getByLabel(/^From/).fill('99/99/2020');
  await expect(page.getByRole('alert')).toHaveText('Error: Enter a date like 23/11/2026');
  await expect(page.getByLabel(/^From/)).toHaveAccessibleDescription('Error: Enter a date like 23/11/2026');
  await expect(page.getByLabel(/^To/)).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Check the trail now' }).click();
  await expect(page.getByText('Full check: every entry and every row was read again and compared with what the trail recorded.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/The audit trail checks out: its 2 entries are/)).toBeVisible();
});

test('opening a case checks its trail on the way, and a block of rows lost on disk is reported with a row it held', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Activity' }).click();
  // The first check of the day is full (and makes the day's backup); opening the case again, the quick one made on the way is what shows.
  await expect(page.getByText(/Full check: every entry/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Chronology' }).click();
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText(/The audit trail checks out/)).toBeVisible();
  await expect(page.getByText(/Quick check, made as the case opened/)).toBeVisible();

  // Someone with the disk deletes the first block of records: it needs no key to do that.
  const lost = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('foresight');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['blocks', 'blockKeys'], 'readwrite');
    const done = new Promise((resolve) => (tx.oncomplete = resolve));
    const head = await new Promise<{ caseId: string; table: string; block: number; keys: string[] }>((resolve) => {
      const get = tx.objectStore('blockKeys').openCursor();
      get.onsuccess = () => resolve(get.result?.value);
    });
    tx.objectStore('blocks').delete([head.caseId, head.table, head.block]);
    await done;
    db.close();
    return `${head.table}:${head.keys[0]}`;
  });
  await page.goto('/#/');
  await page.reload();
  await unlock(page);
  await page.getByRole('link', { name: DEMO }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`The case does not match its audit trail: ${rowInWords(lost)} is missing from the case.`, { timeout: 30_000 });
  await expect(alert).toContainText('This case may have been changed outside Foresight.');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/trail-broken.png' });
  // The key of the row, and the check's own words, are in the technical details.
  await alert.getByRole('link', { name: 'See the activity' }).click();
  const panel = page.getByRole('status').filter({ hasText: 'Check the trail now' });
  await panel.getByText('Technical details').click();
  await expect(panel).toContainText(`${lost} was stored by the trail but is missing from the case`);
});

test('a case sent as an encrypted file opens only with its passphrase, with its trail, on another profile', async ({ page, browser }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('link', { name: 'Send this case as an encrypted file' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('send this to the trainer');
  await page.getByLabel('Passphrase again').fill('send this to the trainer');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export encrypted file' }).click();
  const file = await download;
  // The file's name says nothing of whose case it is.
  expect(file.suggestedFilename()).toMatch(/^foresight-case-\d{4}-\d{2}-\d{2}\.foresight$/);
  const path = await file.path();
  await expect(page.getByText(/Send the passphrase separately/)).toBeVisible();
  expect(await scan(page)).toEqual([]);

  // The trainer's computer: a fresh profile, with the demo deleted so the case is new to it.
  const trainer = await (await browser.newContext()).newPage();
  await openDemo(trainer);
  await trainer.goto('/#/');
  await trainer.getByRole('link', { name: /^Delete SFO review: Daniel Marsh/ }).click();
  await trainer.getByRole('button', { name: 'Yes, delete this case' }).click();
  await expect(trainer.getByText('There are no cases yet.')).toBeVisible();

  await trainer.getByRole('link', { name: 'Open a case file' }).click();
  await trainer.getByLabel('Case file').setInputFiles(path);
  await trainer.getByLabel('Passphrase').fill('the wrong passphrase');
  await trainer.getByRole('button', { name: 'Open' }).click();
  await expect(trainer.getByRole('alert')).toContainText('wrong passphrase, or the file is damaged');
  await expect(trainer.getByRole('alert')).toContainText('Nothing has been stored');
  await expect(trainer.getByLabel('Passphrase')).toHaveAccessibleDescription(/^Error: The case file cannot be opened: wrong passphrase/);
  await expect(trainer.getByLabel('Case file')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await scan(trainer)).toEqual([]);

  await trainer.getByLabel('Passphrase').fill('send this to the trainer');
  await trainer.getByRole('button', { name: 'Open' }).click();
  await expect(trainer.getByText('The file opened and its audit trail is intact')).toBeVisible();
  await trainer.screenshot({ path: 'test-results/screens/open-case-file.png' });
  await expect(trainer.getByRole('row', { name: /SFO review: Daniel Marsh.*X900417/ })).toContainText('Not yet');
  await trainer.getByRole('button', { name: 'Add to this computer' }).click();
  await trainer.getByRole('link', { name: DEMO }).click();
  await trainer.getByRole('link', { name: 'Activity' }).click();
  await expect(trainer.getByText(/The audit trail checks out: its 3 entries are/)).toBeVisible({ timeout: 30_000 });
  await expect(trainer.locator('tbody tr').first()).toContainText('Received from an encrypted case file');
  await expect(trainer.locator('tbody tr').nth(1)).toContainText('Exported as an encrypted case file');
});

test('a backup of each case is kept, and restoring one brings the case back as it was', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Backups' }).click();
  // The first open of the day makes the daily backup.
  await expect(page.getByRole('row', { name: /SFO review: Daniel Marsh.*Daily/ })).toBeVisible({ timeout: 30_000 });
  expect(await scan(page)).toEqual([]);

  await page.goto('/#/');
  await page.getByRole('link', { name: /^Edit details SFO review: Daniel Marsh/ }).click();
  await page.getByLabel('Case name').fill('Renamed after the backup');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('link', { name: 'Back to cases' }).click();
  await expect(page.getByRole('link', { name: /^Renamed after the backup/ })).toBeVisible();

  await page.getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: /^Restore SFO review: Daniel Marsh/ }).click();
  await page.getByRole('button', { name: 'Yes, restore this backup' }).click();
  await expect(page.getByText(/^Restored SFO review: Daniel Marsh/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /Renamed after the backup.*Before being replaced/ })).toBeVisible();
  await page.getByRole('link', { name: 'Open the case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SFO review: Daniel Marsh');
  await expect(page.locator('tbody tr').first()).toContainText('Restored from the backup of');
  await expect(page.getByText(/The audit trail checks out/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: 'Backups' }).click();
  await page.getByLabel('Passphrase for the file').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Export everything' }).click();
  await expect(page.getByRole('alert')).toContainText('The two passphrases are not the same');
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  expect((await download).suggestedFilename()).toMatch(/^foresight-everything-/);
  await expect(page.getByText(/with 1 case\./)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/backups.png', fullPage: true });
});

test('a store whose record of its newest change was altered is not shown until the user chooses to carry on', async ({ page }) => {
  await openDemo(page);
  // Someone with the disk, but not the key, rewrites the record kept beside the key.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('foresight-keyring');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('heads', 'readwrite');
    tx.objectStore('heads').put({ id: 'store', head: 1_000_000, mac: new Uint8Array(32) });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await unlock(page, PASSPHRASE, { as: null });
  await expect(page.getByRole('heading', { level: 1, name: 'The record of the newest change has been altered' })).toBeVisible();
  await expect(page.getByText(DEMO)).toHaveCount(0);
  expect(await scan(page)).toEqual([]);
  await page.getByRole('button', { name: 'Carry on with these cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO })).toBeVisible({ timeout: 30_000 });
  // Taken as the newest: the next start opens straight onto the case.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: DEMO })).toBeVisible({ timeout: 30_000 });
});

test('a value planted in the clear is never sealed with the key, even when the key entry says the store is not sealed yet', async ({ page }) => {
  await openDemo(page);
  await page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const write = async (name: string, table: string, change: (store: IDBObjectStore) => void) => {
      const db = await open(name);
      const tx = db.transaction(table, 'readwrite');
      change(tx.objectStore(table));
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    };
    await write('foresight-keyring', 'keys', (keys) => {
      const get = keys.get('store');
      get.onsuccess = () => keys.put({ ...get.result, sealedAll: false });
    });
    await write('foresight', 'cases', (cases) =>
      cases.put({ id: 'planted', crn: 'X000000', title: 'Planted case', subject: 'S', synthetic: false, createdAt: '2026-12-01T00:00:00Z', offenceAt: { value: '2026-11-01', precision: 'day' } }),
    );
  });
  await page.goto('/#/');
  await page.reload();
  await unlock(page, PASSPHRASE, { as: null });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Planted case')).toHaveCount(0);
  // On disk it is still in the clear: it was refused, not sealed.
  const planted = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('foresight');
      r.onsuccess = () => resolve(r.result);
    });
    const value = await new Promise<Record<string, unknown>>((resolve) => {
      const get = db.transaction('cases').objectStore('cases').get('planted');
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    return Object.keys(value);
  });
  expect(planted).toContain('title');
  expect(planted).not.toContain('$sealedA');
});
