// Runs every emulator test: `npx vitest run --config packages/stripe-emulator/vitest.config.ts` from the repo root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  test: {
    name: 'stripe-emulator',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/fidelity/setup.ts'],
    environment: 'node',
    // The first test of a file compiles the SDK-type schemas it meets (ajv); on a loaded two-core machine that
    // alone has taken over 30 s, so the limit leaves room for it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts its own emulators on free ports; two workers keep the shared machine responsive.
    maxWorkers: 2,
  },
});
