// Two kinds of test, each in two projects (files sharing their worker's modules, and those that need their own):
// `unit` (pure logic beside the code, no database, no network) and `integration` (`*.int.test.ts`: a fresh database
// and an in-process Stripe emulator per run); see docs/testing.md.
// The emulator package has its own config (packages/stripe-emulator/vitest.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Files that keep state in module scope another file must not see: the mail transport, the rate limiters' windows. */
const keepsModuleState = [
  'lib/notifications/smtp-delivery.int.test.ts',
  'lib/stripe-app/stripe-app-routes.int.test.ts',
  'lib/usage/api/usage-api.int.test.ts',
];

/** The test files under the app's folders, listed once: each project picks from them the files that need isolation. */
const testFiles = ['lib', 'db', 'app', 'components', 'scripts', 'test']
  .flatMap((dir) => readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
  .filter((file) => /\.test\.tsx?$/.test(file));
/** Those of `testFiles` that `isKind` keeps and whose code matches `uses` (found in the code, so a new one cannot be forgotten). */
const testFilesUsing = (isKind: (file: string) => boolean, uses: RegExp) => testFiles.filter((file) => isKind(file) && uses.test(readFileSync(`${root}${file}`, 'utf8')));
const isIntegrationFile = (file: string) => file.endsWith('.int.test.ts');

/** Integration files that need a module registry of their own: every file that mocks a module, and those above. */
const needsOwnModules = [...testFilesUsing(isIntegrationFile, /\bvi\.(do)?[mM]ock\(/), ...keepsModuleState];

const unitInclude = ['lib/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'app/**/*.test.{ts,tsx}'];
/**
 * Unit files that need a module registry of their own: those that mock modules, stub the environment or globals, or
 * load modules afresh.
 */
const unitNeedsOwnModules = testFilesUsing((file) => !isIntegrationFile(file), /\bvi\.(do[mM]ock|mock|stubEnv|stubGlobal|resetModules)\(/);

const unit = {
  exclude: ['**/*.int.test.ts', '**/node_modules/**', 'packages/**', '.next/**', '.data/**'],
  environment: 'node',
  // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; bundled by
  // Vite like Next bundles it, so the sign-in route itself can be tested (lib/auth/oauth-pkce.test.ts).
  server: { deps: { inline: ['next-auth'] } },
};

/** Both integration projects: a fresh database and an in-process emulator per project run, files one at a time. */
const integration = {
  include: ['**/*.int.test.ts'],
  exclude: ['**/node_modules/**', 'packages/**', '.next/**', '.data/**', 'e2e/**'],
  environment: 'node',
  globalSetup: ['test/integration/global-setup.ts'],
  setupFiles: ['test/integration/setup-env.ts'],
  // One database per run, shared by the project's files: files run one after another.
  pool: 'forks' as const,
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

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
          ...unit,
          name: 'unit',
          include: unitInclude,
          exclude: [...unit.exclude, ...unitNeedsOwnModules],
          // Files share their worker's loaded modules, as the integration files do: importing the app's modules
          // again for every file was most of the unit run (51 s, now about 20 s).
          isolate: false,
        },
      },
      {
        extends: true,
        test: { ...unit, name: 'unit-isolated', include: unitNeedsOwnModules },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'integration',
          exclude: [...integration.exclude, ...needsOwnModules],
          // Files share one process and its loaded modules, one after another: importing the app's modules
          // again for every file cost over a minute per run. Files that mock modules or keep process state
          // of their own run in the project below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { ...integration, name: 'integration-isolated', include: needsOwnModules },
      },
    ],
  },
});
