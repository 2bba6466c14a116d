import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { run } from '../../cli/run.js';
import { fingerprintForPeople, fingerprintOf, newSigningKey, signingAs, type SigningKey } from '../../shared/audit/signatures.js';
import { withImportEntry } from '../../shared/bundle/bundleRows.js';
import { encryptBundle } from '../../shared/bundle/encryption.js';
import { readKeyFile } from '../../shared/crypto/keyFile.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { memoryIo } from '../helpers/cliIo.js';
import { readText } from '../helpers/demoFiles.js';
import { FIRST_USE, giveName, openApp, PASSPHRASE, unlock } from './app.js';

const scan = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
const FINGERPRINT = /[0-9a-f]{4}( [0-9a-f]{4}){7}/;
const KEY_PASSPHRASE = 'a passphrase for my key only';

async function openDemo(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
}

/** The fingerprint Settings shows for this person's key. */
async function shownFingerprint(page: Page): Promise<string> {
  const text = await page.locator('#your-key').getByText(FINGERPRINT).textContent();
  return (text ?? '').match(FINGERPRINT)?.[0] ?? '';
}

/** A case file as another copy of Foresight sends it: a small case, its one entry signed with `key`. */
async function caseFileSignedBy(key: SigningKey, title: string) {
  const csv = readText('contacts.csv', 'crn,contact_id,contact_date,type_code,staff_code,notes\nX123456,1,2023-01-02,COAP,N07P012,Seen\n');
  const theCase = { id: `case-${title}`, crn: 'X123456', title, subject: '', offenceAt: { value: '2023-06-01', precision: 'day' as const }, synthetic: false, createdAt: '2026-11-23T00:00:00Z' };
  const bundle = withImportEntry(buildCaseBundle(theCase, [{ result: csv, sha256: 'ab'.repeat(32) }]), key.name, new Date('2026-11-23T10:00:00Z'), signingAs(key));
  return { name: `${title}.foresight`, mimeType: 'application/octet-stream', buffer: Buffer.from(await encryptBundle(JSON.stringify(bundle), PASSPHRASE)) };
}

async function openCaseFile(page: Page, file: Awaited<ReturnType<typeof caseFileSignedBy>>) {
  // Through the list of cases: the page of a file just added stays as it was at the same address.
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Open a case file' }).click();
  await page.getByLabel('Case file').setInputFiles(file);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText('The file opened and its audit trail is intact.')).toBeVisible({ timeout: 30_000 });
}

test('on first use a person gives their name, Foresight makes their key, and every change is signed by them', async ({ page }) => {
  await page.goto('/');
  await unlock(page, PASSPHRASE, { as: null });
  await expect(page.getByRole('heading', { level: 1, name: FIRST_USE })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your full name');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/first-use.png', fullPage: true });
  await giveName(page, 'Ann Smith');
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Smith');
  const fingerprint = await shownFingerprint(page);
  expect(fingerprint).toMatch(FINGERPRINT);
  await expect(page.locator('#known-signers')).toContainText('Ann Smith');
  await expect(page.locator('#known-signers')).toContainText('Your own key');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/settings-key.png', fullPage: true });

  // A new name keeps the key.
  await page.getByLabel('Your name').fill('Ann Jones');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await shownFingerprint(page)).toBe(fingerprint);

  await page.goto('/#/');
  await page.getByRole('link', { name: /^SFO review: Daniel Marsh/ }).click();
  await page.getByRole('link', { name: 'Activity' }).click();
  const row = page.locator('tbody tr').first();
  await expect(row).toContainText(`Signed by Ann Smith (key ${fingerprint.slice(0, 9)} …)`);
  await expect(page.getByRole('status').filter({ hasText: 'Check the trail now' })).toContainText('Its only entry is signed');
  await row.getByText(/^Signed by/).click();
  await expect(row).toContainText(fingerprint);
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/activity-signed.png', fullPage: true });

  // Once given, the name is not asked for again.
  await page.reload();
  await unlock(page, PASSPHRASE, { as: null });
  await expect(page.getByRole('navigation', { name: 'Foresight' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: FIRST_USE })).toBeHidden();
});

test('a key exported from Settings signs on the command line, and a key from keygen is imported', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const fingerprint = await shownFingerprint(page);
  await page.getByRole('button', { name: 'Export your key' }).click();
  await page.getByLabel('Passphrase for the key file', { exact: true }).fill(KEY_PASSPHRASE);
  await page.getByLabel('Passphrase for the key file again').fill(KEY_PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export key file' }).click();
  const file = new Uint8Array(readFileSync(await (await download).path()));
  expect((await download).suggestedFilename()).toMatch(/\.key$/);
  const opened = await readKeyFile(file, KEY_PASSPHRASE);
  if (!opened.ok) throw new Error(opened.message);
  expect(fingerprintForPeople(fingerprintOf(opened.key.publicKey))).toBe(fingerprint);

  // The command line signs with it, and verify accepts it by the fingerprint Settings shows.
  const csv = 'crn,contact_id,contact_date,type_code,staff_code,notes\nX123456,1,2023-01-02,COAP,N07P012,Seen\n';
  const b = memoryIo({ 'c.csv': csv, 'me.key': file }, { FORESIGHT_KEY: 'me.key', FORESIGHT_PASSPHRASE: KEY_PASSPHRASE });
  expect(await run(['bundle', 'c.csv', '--crn', 'X123456', '--offence-at', '2023-06-01', '--out', 'case.json'], b.io)).toBe(0);
  const v = memoryIo({ 'case.json': b.written.get('case.json') as string });
  expect(await run(['verify', '--bundle', 'case.json', '--signer', fingerprint], v.io)).toBe(0);

  // A key made on the command line, brought in.
  const k = memoryIo({}, { FORESIGHT_PASSPHRASE: KEY_PASSPHRASE });
  expect(await run(['keygen', '--name', 'A. Reviewer', '--out', 'other.key'], k.io)).toBe(0);
  await page.getByRole('button', { name: 'Import a key' }).click();
  await page.getByLabel('Key file', { exact: true }).setInputFiles({ name: 'other.key', mimeType: 'application/octet-stream', buffer: Buffer.from(k.written.get('other.key') as Uint8Array) });
  await page.getByLabel('Passphrase of the key file').fill('wrong passphrase');
  await page.getByRole('button', { name: 'Import key file' }).click();
  await expect(page.getByRole('alert').first()).toContainText('passphrase');
  expect(await shownFingerprint(page)).toBe(fingerprint);
  await page.getByLabel('Passphrase of the key file').fill(KEY_PASSPHRASE);
  await page.getByRole('button', { name: 'Import key file' }).click();
  await expect(page.getByText('Key imported.')).toBeVisible({ timeout: 30_000 });
  // The page shows the imported key once the store has it: read again until it does.
  await expect.poll(() => shownFingerprint(page)).toBe(k.out[k.out.length - 1]);
  await expect(page.getByLabel('Your name')).toHaveValue('A. Reviewer');
  expect(await scan(page)).toEqual([]);
});

test('a case file signed by a key first seen says so; a different key under a name already known is a warning', async ({ page }) => {
  const bob = newSigningKey('Bob Jones');
  const notBob = newSigningKey('Bob Jones');
  await openDemo(page);

  await openCaseFile(page, await caseFileSignedBy(bob, 'First case'));
  const signers = page.getByRole('table', { name: /Who signed/ });
  await expect(signers).toContainText('Bob Jones');
  await expect(signers).toContainText(fingerprintForPeople(fingerprintOf(bob.publicKey)));
  await expect(signers).toContainText('First seen');
  expect(await scan(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add to this computer' }).click();
  await expect(page.getByText('Added to this computer.')).toBeVisible({ timeout: 30_000 });

  // The same key again is known.
  await openCaseFile(page, await caseFileSignedBy(bob, 'Second case'));
  await expect(page.getByRole('table', { name: /Who signed/ })).toContainText('Known');
  await expect(page.locator('.warning-text')).toHaveCount(0);

  // Another key under Bob Jones's name: a plain warning before anything is stored.
  await openCaseFile(page, await caseFileSignedBy(notBob, 'Third case'));
  await expect(page.getByRole('table', { name: /Who signed/ })).toContainText('Different key');
  await expect(page.locator('.warning-text')).toContainText('not the key this computer knows for Bob Jones');
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/open-changed-key.png', fullPage: true });

  // Settings lists Bob's key, to be confirmed once the fingerprints have been compared.
  await page.goto('/#/settings');
  const known = page.locator('#known-signers');
  const bobRow = known.locator('tr', { hasText: fingerprintForPeople(fingerprintOf(bob.publicKey)) });
  await expect(bobRow).toContainText('Not confirmed');
  await bobRow.getByRole('button', { name: /Mark as confirmed/ }).click();
  // Asked once more, naming the fingerprint to compare.
  const asked = page.getByRole('alertdialog');
  await expect(asked).toContainText(`Has ${bob.name} read you their fingerprint, and is it exactly ${fingerprintForPeople(fingerprintOf(bob.publicKey))}?`);
  await asked.getByRole('button', { name: 'Yes, it matches' }).click();
  await expect(bobRow).toContainText('Confirmed');
  expect(await scan(page)).toEqual([]);
});
