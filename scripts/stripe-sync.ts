// npm run stripe:sync — backfills the local mirror from Stripe (catalogue, customers, subscriptions, invoices,
// payment methods). Idempotent and safe to run at any time, including while the app is serving webhooks.
import { db } from '@/db';
import { usesStripeEmulator, env } from '@/lib/env';
import { backfillStripeMirror } from '@/lib/stripe-sync';

if (!env.DATABASE_URL) {
  console.error('stripe:sync: DATABASE_URL is not set (a PostgreSQL URL, or the embedded database `npm run demo` serves).');
  process.exit(1);
}

const source = usesStripeEmulator ? `the Stripe emulator at ${env.STRIPE_EMULATOR_URL}` : 'Stripe';
console.log(`stripe:sync: reading ${source} …`);
const started = Date.now();
try {
  const result = await backfillStripeMirror({
    onCustomer: (_id, index, total) => {
      if ((index + 1) % 50 === 0 || index + 1 === total) console.log(`stripe:sync: customers ${index + 1}/${total}`);
    },
  });
  console.log(
    [
      `stripe:sync: done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  products          ${result.products}`,
      `  prices            ${result.prices}`,
      `  customers         ${result.customers}`,
      `  deleted customers ${result.deletedCustomers}`,
      `  subscriptions     ${result.subscriptions}`,
      `  invoices          ${result.invoices}`,
      `  payment methods   ${result.paymentMethods}`,
    ].join('\n'),
  );
} catch (error) {
  const requestId = error && typeof error === 'object' && 'requestId' in error ? ` (Stripe request ${String(error.requestId)})` : '';
  console.error(`stripe:sync: failed: ${error instanceof Error ? error.message : String(error)}${requestId}`);
  process.exitCode = 1;
} finally {
  await db.$close();
}
