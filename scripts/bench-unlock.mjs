// The benches drive the browser build, whose store a passphrase protects: choose it on a fresh profile, or enter it.
const PASSPHRASE = 'bench passphrase, not secret';

export async function unlock(page) {
  const heading = page.getByRole('heading', { level: 1, name: /^(Protect the cases on this computer|Unlock Foresight)$/ });
  await heading.waitFor({ timeout: 60_000 });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  if ((await heading.textContent()) === 'Unlock Foresight') await page.getByRole('button', { name: 'Unlock' }).click();
  else {
    await page.getByLabel('Passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Protect and open' }).click();
    // First use: the person's name, for the key Foresight makes them (it signs every change).
    await page.getByLabel('Your full name').fill('Bench Reviewer');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

/** Milliseconds from the store opening (after the passphrase) to a performance mark. */
export const sinceStoreOpen = (page, mark) =>
  page.evaluate((m) => (performance.getEntriesByName(m)[0]?.startTime ?? NaN) - (performance.getEntriesByName('store-open')[0]?.startTime ?? NaN), mark);
