import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { electronBinary } from '../../scripts/electron-binary.mjs';

// Runs the real desktop app where Electron's binary exists (a machine with network ran its download).
// Here the binary cannot be downloaded, so the suite skips itself and says why.
const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(binary === null, 'The Electron binary is not installed (node_modules/electron/path.txt is missing): it cannot be downloaded on this machine.');

  test('opens the demo case in a sandboxed window served from app://', async () => {
    test.skip(!existsSync('dist/electron/main.cjs'), 'Run `npm run build` first: dist/electron/main.cjs is missing.');
    const app = await electron.launch({ executablePath: binary as string, args: ['.'] });
    const window = await app.firstWindow();
    await expect(window.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
    expect(window.url()).toMatch(/^app:\/\/foresight\//);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { foresight: object }).foresight))).toEqual(['getAppInfo']);
    await app.close();
  });
});
