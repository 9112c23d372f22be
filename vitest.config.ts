// Two projects: `unit` (pure logic beside the code, no database, no network) and `integration`
// (`*.int.test.ts`: a fresh database and an in-process Stripe emulator per run; see docs/testing.md).
// The emulator package has its own config (packages/stripe-emulator/vitest.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Next.js resolves `server-only` to an empty module on the server; tests run server code.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'app/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', 'packages/**', '.next/**', '.data/**'],
          environment: 'node',
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; bundled by
          // Vite like Next bundles it, so the sign-in route itself can be tested (lib/auth/oauth-pkce.test.ts).
          server: { deps: { inline: ['next-auth'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**', 'packages/**', '.next/**', '.data/**', 'e2e/**'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/integration/setup-env.ts'],
          // One database per run, shared by all files: files run one after another.
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
