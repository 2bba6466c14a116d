import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRIDGE_METHODS } from '../../shared/bridge/contract.js';
import { electronBinary } from '../../scripts/electron-binary.mjs';

// Runs the real desktop app where Electron's binary exists (a machine with network ran its download).
// Here the binary cannot be downloaded, so the suite skips itself and says why. FORESIGHT_APP may name a packaged
// build's executable (from `npm run dist`) to run instead of `electron .`, so the packaged rules are checked too.
const packagedApp = process.env.FORESIGHT_APP ?? null;
const binary = packagedApp ?? electronBinary();
const PASSPHRASE = 'desktop smoke test passphrase';

/** A fresh profile for the run: on Linux Electron keeps userData under XDG_CONFIG_HOME. */
let profile = '';

function launch(): Promise<ElectronApplication> {
  const env = { ...process.env, XDG_CONFIG_HOME: profile } as Record<string, string>;
  return packagedApp ? electron.launch({ executablePath: packagedApp, env }) : electron.launch({ executablePath: binary as string, args: ['.'], env });
}

/**
 * The app's own first-run or unlock path: where the operating system protects the key (macOS, Windows, Linux with a
 * keyring) the store opens by itself; otherwise the user chooses a passphrase once and enters it each time after.
 */
async function getIn(window: Page): Promise<'os' | 'passphrase'> {
  // The header's navigation is there only once the store is open.
  const opened = window.getByRole('navigation', { name: 'Foresight' });
  const choose = window.getByRole('heading', { level: 1, name: 'Protect the cases on this computer' });
  const enter = window.getByRole('heading', { level: 1, name: 'Unlock Foresight' });
  await expect(opened.or(choose).or(enter)).toBeVisible({ timeout: 30_000 });
  if (await opened.isVisible()) return 'os';
  await window.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  if (await choose.isVisible()) {
    await window.getByLabel('Passphrase again').fill(PASSPHRASE);
    await window.getByRole('button', { name: 'Protect and open' }).click();
  } else {
    await window.getByRole('button', { name: 'Unlock' }).click();
  }
  return 'passphrase';
}

type MenuNode = { role?: string; submenu?: { items: MenuNode[] } | null };

test.describe('desktop app (Electron)', () => {
  test.skip(binary === null, 'The Electron binary is not installed (node_modules/electron/path.txt is missing): it cannot be downloaded on this machine.');
  test.skip(!packagedApp && !existsSync('dist/electron/main.cjs'), 'Run `npm run build` first: dist/electron/main.cjs is missing.');
  test.beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'foresight-smoke-'));
  });
  test.afterAll(() => rmSync(profile, { recursive: true, force: true }));

  test('first run opens the demo case in a sandboxed window served from app://, and the store unlocks the same way next time', async () => {
    const app = await launch();
    const window = await app.firstWindow();
    const protection = await getIn(window);
    await expect(window.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
    expect(window.url()).toMatch(/^app:\/\/foresight\/index\.html#\/cases\//);

    // The renderer has no Node, and the bridge is exactly the contract's methods, frozen, each a function.
    expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    const bridge = await window.evaluate(() => {
      const api = (window as unknown as { foresight: Record<string, unknown> }).foresight;
      return { methods: Object.keys(api).sort(), functions: Object.values(api).every((f) => typeof f === 'function'), frozen: Object.isFrozen(api) };
    });
    expect(bridge).toEqual({ methods: [...BRIDGE_METHODS].sort(), functions: true, frozen: true });
    expect(await window.evaluate(() => (window as unknown as { foresight: { getAppInfo(r: object): Promise<{ shell: string }> } }).foresight.getAppInfo({}))).toMatchObject({ shell: 'desktop' });
    // The main process re-checks every request against the contract.
    await expect(window.evaluate(() => (window as unknown as { foresight: { unprotectKey(r: object): Promise<unknown> } }).foresight.unprotectKey({ protectedKey: '' }))).rejects.toThrow();
    await app.close();

    // Opened again, it unlocks the way it was protected, and shows the list of cases (the demo opens only the first time).
    const again = await launch();
    const next = await again.firstWindow();
    expect(await getIn(next)).toBe(protection);
    await expect(next.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: 30_000 });
    await expect(next.getByRole('link', { name: /^SFO review: Daniel Marsh/ })).toBeVisible();
    await again.close();
  });

  test('developer tools and reload exist only in an unpackaged build', async () => {
    const app = await launch();
    const window = await app.firstWindow();
    await getIn(window);
    const shell = await app.evaluate(({ app: electronApp, BrowserWindow, Menu }) => {
      const roles = (items: MenuNode[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...(i.submenu ? roles(i.submenu.items) : [])]);
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      const openedAtStart = contents?.isDevToolsOpened() ?? null;
      // Asking for them must do nothing where they are turned off.
      contents?.openDevTools({ mode: 'detach' });
      return {
        packaged: electronApp.isPackaged,
        openedAtStart,
        roles: roles((Menu.getApplicationMenu()?.items ?? []) as unknown as MenuNode[]).map((r) => r.toLowerCase()),
      };
    });
    expect(shell.openedAtStart).toBe(false);
    expect(shell.packaged).toBe(packagedApp !== null);
    expect(shell.roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall', 'zoomin', 'zoomout', 'resetzoom', 'togglefullscreen', 'quit']));
    const devToolsOpen = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.webContents.isDevToolsOpened()));
    if (shell.packaged) {
      expect(shell.roles).not.toContain('toggledevtools');
      expect(shell.roles).not.toContain('reload');
      expect(shell.roles).not.toContain('forcereload');
      // webPreferences.devTools is false: the request above opened nothing.
      await window.waitForTimeout(1_000);
      expect(await devToolsOpen()).toBe(false);
    } else {
      expect(shell.roles).toEqual(expect.arrayContaining(['toggledevtools', 'reload']));
      await expect.poll(devToolsOpen).toBe(true);
    }
    await app.close();
  });

  test('the report is saved where the save dialog says: a Word document, and a PDF printed from the print view', async () => {
    const app = await launch();
    const window = await app.firstWindow();
    await getIn(window);
    const out = mkdtempSync(join(tmpdir(), 'foresight-report-'));
    // The native dialog answers as a person choosing a file would.
    const choose = (path: string) => app.evaluate(({ dialog }, chosen) => void (dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as never), path);
    await window.getByRole('link', { name: /^SFO review: Daniel Marsh/ }).first().click();
    await window.getByRole('link', { name: 'Review', exact: true }).click();
    await window.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'The report' }).click();

    await choose(join(out, 'review.docx'));
    await window.getByRole('button', { name: 'Write the Word document' }).click();
    await expect(window.locator('.report-maker').getByRole('status')).toContainText(`Saved as ${join(out, 'review.docx')}`, { timeout: 60_000 });
    expect(readFileSync(join(out, 'review.docx')).subarray(0, 2).toString()).toBe('PK');

    await choose(join(out, 'review.pdf'));
    await window.getByLabel('PDF (from the print view)').check();
    await window.getByRole('button', { name: 'Open the print view' }).click();
    await expect(window.getByRole('button', { name: 'Save as PDF' })).toBeEnabled({ timeout: 60_000 });
    await window.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(window.locator('.report-maker').getByRole('status')).toContainText(`Saved as ${join(out, 'review.pdf')}`, { timeout: 60_000 });
    expect(readFileSync(join(out, 'review.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await app.close();
    rmSync(out, { recursive: true, force: true });
  });
});
