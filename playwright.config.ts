// End-to-end tests in Debian's Chromium against the production build. The webServer (scripts/e2e-server.ts)
// starts a fresh embedded database, the Stripe emulator and `next start` on E2E_PORT (3100); see docs/testing.md.
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// The app's APP_URL in e2e (see scripts/e2e-server.ts for why `localhost`).
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);
// With STRIPE_SECRET_KEY set the e2e server runs against a Stripe test account (docs/real-stripe.md); these specs
// arrange billing states through the emulator's SDK origin and /_emulator controls, so they run only offline.
const realStripe = Boolean(process.env.STRIPE_SECRET_KEY);
const EMULATOR_ONLY_SPECS = ['a11y.spec.ts', 'portal-cards.spec.ts', 'portal-details.spec.ts', 'portal-invoices.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  testIgnore: realStripe ? EMULATOR_ONLY_SPECS.map((spec) => `**/${spec}`) : undefined,
  // Playwright empties this at start; E2E_OUTPUT_DIR keeps two runs in one checkout from deleting each other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  // Two cores: one browser at a time keeps the app, the database and the emulator responsive.
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: 'node ./node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}`,
    timeout: 180_000,
    reuseExistingServer: !isCI && process.env.E2E_REUSE_SERVER === '1',
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
