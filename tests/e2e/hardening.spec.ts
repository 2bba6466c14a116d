import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { giveName, openApp, PASSPHRASE, REVIEWER, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const DEMO_CASE = '/#/cases/demo-X900417';

async function openDemo(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

/** Change one stored value behind Foresight's back, as someone with the disk could: `edit` runs on the raw value. */
async function editStored(page: Page, database: string, table: string, edit: string) {
  await page.evaluate(
    async ({ database, table, edit }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(table, 'readwrite');
      const done = new Promise((resolve) => (tx.oncomplete = resolve));
      const cursor = tx.objectStore(table).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        c.update(new Function('value', edit)(c.value));
      };
      await done;
      db.close();
    },
    { database, table, edit },
  );
}

test('a damaged value of a case ends in a plain screen saying what happened and what to do, never "Loading…"', async ({ page }) => {
  await openDemo(page);
  await page.goto('/#/');
  // Flip one bit of the first block of records' sealed part.
  await editStored(page, 'foresight', 'blocks', 'value.$sealedA[value.$sealedA.length - 1] ^= 1; return value;');
  await page.goto(DEMO_CASE);
  await expect(page.getByRole('heading', { level: 1, name: 'This case cannot be read' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('A stored value of this case cannot be read: it has been damaged or changed outside Foresight.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Restore a backup of the case' })).toHaveAttribute('href', '#/backups');
  await expect(page.getByRole('link', { name: 'Open another case' })).toHaveAttribute('href', '#/');
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expect(page).toHaveTitle('This case cannot be read – Foresight');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/case-damaged.png' });
  // Sending it says the same in plain words, with the way out.
  await page.goto(`${DEMO_CASE}/export`);
  await page.getByLabel('Passphrase', { exact: true }).fill('a passphrase for the file');
  await page.getByLabel('Passphrase again').fill('a passphrase for the file');
  await page.getByRole('button', { name: 'Export encrypted file' }).click();
  await expect(page.getByRole('alert')).toContainText('This case cannot be sent: a stored value of it cannot be read.', { timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Restore a backup of the case' })).toHaveAttribute('href', '#/backups');
  // The rest of Foresight still works.
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
});

test('a damaged case record ends in the same plain screen, from any page of the case', async ({ page }) => {
  await openDemo(page);
  await page.goto('/#/');
  await editStored(page, 'foresight', 'cases', 'value.$sealedA[30] ^= 1; return value;');
  await page.goto(`${DEMO_CASE}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'This case cannot be read' })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${DEMO_CASE}/activity`);
  await expect(page.getByRole('heading', { level: 1, name: 'This case cannot be read' })).toBeVisible({ timeout: 30_000 });
});

test('a key that does not open the store, and a damaged key entry, each end in a plain screen, never on "Unlocking…"', async ({ page }) => {
  await openDemo(page);
  // The keyring is swapped for one holding another key under the same passphrase (PBKDF2, as an older version wrote
  // it): the passphrase is right, but the store cannot be read with what it unlocks.
  await page.evaluate(async (passphrase) => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    const kek = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, crypto.getRandomValues(new Uint8Array(32))));
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    const open = indexedDB.open('foresight-keyring');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('keys', 'readwrite');
    tx.objectStore('keys').put({ id: 'store', protection: 'passphrase', salt: hex(salt), iterations: 600_000, iv: hex(iv), wrapped, sealedAll: false });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, PASSPHRASE);
  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The case store cannot be opened' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveText('The cases on this computer cannot be read with the key this passphrase unlocks: the store or its key has been changed outside Foresight.');
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'What you can do' })).toBeVisible();
  await expect(page).toHaveTitle('The case store cannot be opened – Foresight');
  expect(await scan(page)).toEqual([]);

  await editStored(page, 'foresight-keyring', 'keys', 'value.wrapped = "gone"; return value;');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The case store cannot be opened' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveText('The key that protects the cases on this computer is damaged: Foresight cannot read it.');
  await page.screenshot({ path: 'test-results/screens/keyring-damaged.png' });
});

test('a missing key entry is not taken for a first run: the cases it locked are not hidden behind a new key', async ({ page }) => {
  await openDemo(page);
  await page.evaluate(async () => {
    const open = indexedDB.open('foresight-keyring');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('keys', 'readwrite');
    tx.objectStore('keys').clear();
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The case store cannot be opened' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/The key that unlocks the cases on this computer is missing/)).toBeVisible();
});

test('a store protected by PBKDF2 before Argon2id still unlocks, and its key is then wrapped by Argon2id', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Protect the cases on this computer' })).toBeVisible({ timeout: 30_000 });
  // The entry exactly as the version before Argon2id stored it, as literal data (tests/store/keyring.test.ts has the same).
  await page.evaluate(async () => {
    const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
    const open = indexedDB.open('foresight-keyring');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('keys', 'readwrite');
    tx.objectStore('keys').put({
      id: 'store',
      protection: 'passphrase',
      salt: '4d8fab2e6655d9de5d1d4ef9ea30b2a9',
      iterations: 600000,
      iv: '20f7d76c9e50cc239c311eeb',
      wrapped: hex('d4a4765b8776084fced64f1e86b6d18a88fa3a64c918e9146d34f3a79ba0b8206c15c9b16fe848d53ebfbaa5b729a371'),
      sealedAll: false,
    });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  const kdf = await page.evaluate(async () => {
    const open = indexedDB.open('foresight-keyring');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const get = db.transaction('keys').objectStore('keys').get('store');
    const entry = await new Promise<{ kdf?: unknown; iterations?: unknown }>((resolve) => (get.onsuccess = () => resolve(get.result)));
    db.close();
    return { kdf: entry.kdf, iterations: entry.iterations };
  });
  expect(kdf).toEqual({ kdf: { name: 'argon2id', m: 65536, t: 2, p: 1, salt: expect.stringMatching(/^[0-9a-f]{32}$/) }, iterations: undefined });
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
});

test('after the chosen idle time Foresight locks, and unlocking returns to the page that was open', async ({ page }) => {
  await page.clock.install();
  await openDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('group', { name: 'Lock Foresight when it has not been used for' })).toBeVisible();
  await expect(page.getByLabel('15 minutes', { exact: true })).toBeChecked();
  await page.getByLabel('5 minutes', { exact: true }).check();
  await page.getByLabel('Your name').fill('Alex Reviewer');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.goto(`${DEMO_CASE}/activity`);
  await expect(page.getByRole('heading', { level: 1, name: /SFO review: Daniel Marsh/ })).toBeVisible();
  await page.clock.fastForward('04:00');
  // Using Foresight (here, the keyboard) starts the idle time again.
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { level: 1, name: /SFO review: Daniel Marsh/ })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Foresight' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Foresight locked itself because it had not been used for 5 minutes. Unlock it to carry on where you were.');
  expect(await scan(page)).toEqual([]);
  expect(page.url()).toContain('#/cases/demo-X900417/activity');
  await unlock(page);
  await expect(page.getByRole('link', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/The audit trail checks out/)).toBeVisible({ timeout: 30_000 });
});

test('choosing a passphrase: a strength guide, and a suggested passphrase to write down', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Protect the cases on this computer' })).toBeVisible({ timeout: 30_000 });
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await passphrase.fill('password12');
  await expect(page.getByText('Weak: easy to guess')).toBeVisible();
  await expect(page.getByText('Add more words, or use a suggested passphrase.')).toBeVisible();
  await passphrase.fill('purple tractor lagoon whistle');
  await expect(page.getByText('Fair: could be stronger.')).toBeVisible();
  await page.getByRole('button', { name: 'Suggest a passphrase' }).click();
  const suggested = (await page.getByTestId('suggested-passphrase').textContent()) ?? '';
  expect(suggested.split(' ')).toHaveLength(5);
  await expect(passphrase).toHaveValue(suggested);
  await expect(page.getByLabel('Passphrase again')).toHaveValue('');
  await expect(page.getByText('Strong: hard to guess')).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/choose-passphrase.png', fullPage: true });
  await page.getByLabel('Passphrase again').fill(suggested);
  await page.getByRole('button', { name: 'Protect and open' }).click();
  await giveName(page, REVIEWER);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
});

test('where the operating system protects the key, locking still drops it, and one Unlock click reads it again', async ({ page }) => {
  // The desktop bridge, stood in for in the page: the OS "protects" the key and counts each time it is read back.
  await page.addInitScript(() => {
    const calls = { unprotect: 0 };
    Object.assign(window, {
      osCalls: calls,
      foresight: Object.freeze({
        getAppInfo: async () => ({ name: 'Foresight', version: 'test', shell: 'desktop', platform: 'linux' }),
        keyProtection: async () => ({ available: true, reason: null }),
        protectKey: async ({ key }: { key: string }) => ({ protectedKey: `os:${key}` }),
        unprotectKey: async ({ protectedKey }: { protectedKey: string }) => {
          calls.unprotect++;
          return { key: protectedKey.slice(3) };
        },
      }),
    });
  });
  await page.clock.install();
  await page.goto('/');
  await giveName(page, REVIEWER);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${DEMO_CASE}/timeline`);
  await page.clock.fastForward('15:01');
  await expect(page.getByRole('heading', { level: 1, name: 'Foresight is locked' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('had not been used for 15 minutes');
  expect(await scan(page)).toEqual([]);
  // Nothing reads the key back until asked: no passphrase, but an explicit click.
  await page.clock.fastForward('05:00');
  expect(await page.evaluate(() => (window as unknown as { osCalls: { unprotect: number } }).osCalls.unprotect)).toBe(0);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  expect(page.url()).toContain('#/cases/demo-X900417/timeline');
  expect(await page.evaluate(() => (window as unknown as { osCalls: { unprotect: number } }).osCalls.unprotect)).toBe(1);
});
