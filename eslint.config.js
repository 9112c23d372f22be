// Flat ESLint config: JS + TypeScript recommended rules everywhere, Next.js and React hooks rules for the app.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.next/**',
      '.data/**',
      'db/migrations/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '**/*.generated.*',
      '**/generated/**',
      'packages/*/dist/**',
      // Hidden files and folders at the root: tool state and local scratch files, never shipped.
      '.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ...nextPlugin.configs['core-web-vitals'],
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Only lib/env.ts reads the environment in app code (scripts, tests and the emulator CLI may).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'db/**/*.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through `env` from @/lib/env.' }],
    },
  },
  // Layers (docs/architecture.md): lower layers never import upper ones, so the SDK wrappers and the queries can
  // serve pages, jobs, webhooks and scripts alike. Tests may reach across.
  {
    files: ['lib/stripe/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.int.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/*', '!@/lib/env', '!@/lib/errors', '@/db', '@/db/*', '@/components/*', '@/app/*'],
              message: 'lib/stripe wraps the Stripe SDK only: take what you need as parameters (no billing, auth, i18n, database).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.int.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/*', '!@/lib/env', '@/components/*', '@/app/*'], message: 'db/ is below lib/: define the type here and let lib/ import it.' }] },
      ],
    },
  },
  ...[
    { files: ['components/**/*.{ts,tsx}', 'proxy.ts'], patterns: [] },
    // Pages compose: they render forms that call actions, but never import an action module themselves.
    { files: ['app/**/*.{ts,tsx}'], patterns: [{ group: ['@/lib/actions/*'], message: 'Pages never import from an action module: import schemas and logic from lib/<domain>/.' }] },
  ].map(({ files, patterns }) => ({
    // The SDK client is server-only: components and pages reach Stripe through lib/, and the browser's Stripe.js
    // settings come from lib/stripe/browser-config (no SDK).
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'stripe', message: 'Pages and components never import the Stripe SDK: call a function in lib/.' },
            { name: '@/lib/stripe/client', message: 'Use @/lib/stripe/browser-config for Stripe.js settings; Stripe calls go through lib/.' },
          ],
          patterns,
        },
      ],
    },
  })),
  {
    // Plain scripts served to browsers (the emulator's Stripe.js stand-in): ES5-style, `var self = this` is idiomatic.
    files: ['packages/*/src/**/assets/**/*.js', 'public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
);
