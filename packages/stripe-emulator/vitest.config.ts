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
    // The first test to meet an SDK-type schema compiles it (ajv); on a loaded two-core machine that alone has
    // taken over 30 s, so the limit leaves room for it.
    testTimeout: 60_000,
    // Files share their worker's loaded modules, so a schema is compiled once per worker, not once per file:
    // the suite went from 3.5 min to about 1 min. Each file still starts its own emulators (own stores, free
    // ports); nothing else lives in module scope.
    isolate: false,
    hookTimeout: 60_000,
    // Each file starts its own emulators on free ports; two workers keep the shared machine responsive.
    maxWorkers: 2,
  },
});
