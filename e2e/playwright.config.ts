import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts on one machine run their browser tests at once.
const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against a real planwatch
 * started with the demo data on a fresh SQLite directory.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  // Saves run the status refresh in their transaction; on a loaded CI machine an answer can take a few
  // seconds, so a check waits up to 10 s for what the user would see.
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'vi-VN',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The server runs compiled like in production, built from the current sources first (about 1 s).
    command: `npm run build:server && rm -rf .tmp/e2e-${PORT} && node bin/planwatch.js demo --port ${PORT} --data-dir .tmp/e2e-${PORT}`,
    cwd: '..',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: { LOG_LEVEL: 'warn', DATABASE_URL: '' },
  },
});
