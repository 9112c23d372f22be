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
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each file starts its own emulators on free ports; two workers keep the shared machine responsive.
    maxWorkers: 2,
  },
});
