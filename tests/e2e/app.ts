import { expect, type Page } from '@playwright/test';

/** The passphrase the tests protect the browser build's store with. */
export const PASSPHRASE = 'correct horse battery staple';

/**
 * Get past the store's lock: on a fresh profile, choose the passphrase (the browser build has no OS secret store);
 * after a reload, enter it.
 */
export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: /^(Protect the cases on this computer|Unlock Foresight)$/ });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  if ((await heading.textContent()) === 'Unlock Foresight') {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
  } else {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Protect and open' }).click();
  }
  await expect(heading).toBeHidden({ timeout: 30_000 });
}

/** Open the app at a path and unlock it. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await unlock(page);
}
