// The Stripe App's tests: `npx vitest run --config packages/stripe-app/vitest.config.mts` (a step of `npm test`).
// The UI extension SDK ships untranspiled ES modules for the Stripe CLI's bundler and runs on React 18 while the
// portal uses React 19: the SDK is bundled here (inline) and `react` resolves, for the view and the SDK alike, to
// the one React the SDK's renderer (react-reconciler) uses, wherever npm placed it.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromHere = createRequire(import.meta.url);
const sdkDir = dirname(fromHere.resolve('@stripe/ui-extension-sdk/package.json'));
const reconcilerDir = dirname(createRequire(`${sdkDir}/`).resolve('react-reconciler/package.json'));
const reactDir = dirname(createRequire(`${reconcilerDir}/`).resolve('react/package.json'));

export default defineConfig({
  root,
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: [{ find: /^react(\/.*)?$/, replacement: `${reactDir}$1` }],
  },
  test: {
    name: 'stripe-app',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    // Dates in the view are in the Dashboard user's zone: fixed here so the expected dates hold on any machine.
    env: { TZ: 'Asia/Tokyo' },
    // The SDK's testing matchers (toContainComponent, toContainText) extend the global `expect`.
    globals: true,
    server: { deps: { inline: [/@stripe\/ui-extension-sdk/, /@remote-ui\/react/] } },
  },
});
