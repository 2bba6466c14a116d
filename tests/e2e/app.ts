import { expect, type Page } from '@playwright/test';

/** The passphrase the tests protect the browser build's store with. */
export const PASSPHRASE = 'correct horse battery staple';

/** The name the tests give on first use, when a test does not give its own. */
export const REVIEWER = 'Test Reviewer';

/** The first-use page's heading: the person's name, and the key Foresight makes them. */
export const FIRST_USE = 'Your name in the audit trail';

/**
 * Get past the store's lock: on a fresh profile, choose the passphrase (the browser build has no OS secret store);
 * after a reload, enter it. On first use, give a name (`as`), unless it is null: the test gives it itself.
 */
export async function unlock(page: Page, passphrase = PASSPHRASE, { as = REVIEWER }: { as?: string | null } = {}): Promise<void> {
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
  if (as === null) return;
  const firstUse = page.getByRole('heading', { level: 1, name: FIRST_USE });
  await expect(firstUse.or(page.getByRole('navigation', { name: 'Foresight' }))).toBeVisible({ timeout: 30_000 });
  if (await firstUse.isVisible()) await giveName(page, as);
}

/** First use: the person's name, then Foresight makes their key and opens. */
export async function giveName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your full name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Foresight' })).toBeVisible({ timeout: 30_000 });
}

/** Open the app at a path and unlock it. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await unlock(page);
}
