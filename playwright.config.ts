import { defineConfig } from '@playwright/test';

// Another port (E2E_PORT) lets two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

// The UI is tested in Debian's Chromium against the built renderer served by Vite, with the browser bridge.
// Never `npx playwright install`: nothing can be downloaded here.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron-smoke/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}/`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
