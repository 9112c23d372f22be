// Runs in each integration worker before the test file is imported: the app's modules read the
// environment once (lib/env.ts), so the run's database and emulator must be in process.env first.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DATABASE_POOL_MAX = '4';
if (inject('stripeEmulatorUrl')) process.env.STRIPE_EMULATOR_URL = inject('stripeEmulatorUrl');
// Integration tests always talk to the emulator, never to a Stripe account configured in the shell.
delete process.env.STRIPE_SECRET_KEY;
delete process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;
process.env.APP_URL ??= 'http://localhost:3000';
process.env.AUTH_SECRET ??= 'integration-test-secret-not-for-production';
