// npm run seed — seeds the demo catalogue, organizations, operator and a month of usage into the configured database and Stripe
// (the emulator when STRIPE_SECRET_KEY is unset, else that Stripe test account). Idempotent.
import { db } from '@/db';
import { env, usesStripeEmulator } from '@/lib/env';
import { stripe } from '@/lib/stripe/client';
import { DEMO_CUSTOMER_EMAIL, DEMO_OPERATOR_EMAIL, seedDemo } from '@/lib/demo/seed';
import { seedDemoUsageHistory } from '@/lib/demo/usage-history';

if (!env.DATABASE_URL) {
  console.error('seed: DATABASE_URL is not set (a PostgreSQL URL, or the embedded database `npm run demo` serves).');
  process.exit(1);
}
if (env.STRIPE_SECRET_KEY?.startsWith('sk_live_')) {
  console.error('seed: refusing to seed demo data into a live Stripe account (STRIPE_SECRET_KEY is sk_live_…).');
  process.exit(1);
}

console.log(`seed: seeding ${usesStripeEmulator ? `the Stripe emulator at ${env.STRIPE_EMULATOR_URL}` : 'your Stripe test account'} …`);
try {
  const result = await seedDemo({ db, stripe, log: (message) => console.log(`seed: ${message}`) });
  for (const organization of result.organizations) console.log(`seed: ${organization.name} → ${organization.stripeCustomerId}`);
  const history = await seedDemoUsageHistory(db, { organizationId: result.organizations[0]!.id, now: new Date() });
  console.log(`seed: ${history} usage events for ${result.organizations[0]!.name}'s usage page.`);
  console.log(`seed: sign in as ${DEMO_CUSTOMER_EMAIL} (customer) or ${DEMO_OPERATOR_EMAIL} (operator).`);
} catch (error) {
  const requestId = error && typeof error === 'object' && 'requestId' in error ? ` (Stripe request ${String(error.requestId)})` : '';
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}${requestId}`);
  process.exitCode = 1;
} finally {
  await db.$close();
}
