// Shared set-up for the billing scenario tests: catalogue, customers with cards, test clocks, event queries.
// Everything goes through the real `stripe` SDK over HTTP.
import type Stripe from 'stripe';

export const DAY = 86_400;

/** A product with one recurring price. */
export async function createPlan(
  stripe: Stripe,
  opts: { amount: number; currency?: string; interval?: 'day' | 'week' | 'month' | 'year'; name?: string; trialDays?: number },
): Promise<Stripe.Price> {
  const product = await stripe.products.create({ name: opts.name ?? 'Team plan' });
  return stripe.prices.create({
    product: product.id,
    currency: opts.currency ?? 'usd',
    unit_amount: opts.amount,
    recurring: { interval: opts.interval ?? 'month', ...(opts.trialDays ? { trial_period_days: opts.trialDays } : {}) },
  });
}

/** A customer (optionally on a test clock) whose default payment method is the given test card token. */
export async function customerWithCard(
  stripe: Stripe,
  card: string | null,
  testClock?: string,
): Promise<{ customer: Stripe.Customer; paymentMethod: string | null }> {
  const customer = await stripe.customers.create({ email: 'ap@acme.test', name: 'Acme Devices', ...(testClock ? { test_clock: testClock } : {}) });
  if (!card) return { customer, paymentMethod: null };
  const pm = await stripe.paymentMethods.attach(card, { customer: customer.id });
  const updated = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  return { customer: updated, paymentMethod: pm.id };
}

/** Advances a test clock and waits until it is `ready` again (as a Stripe integration polls). */
export async function advanceClock(stripe: Stripe, clockId: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock> {
  const started = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
  if (started.status !== 'advancing') throw new Error(`expected advancing, got ${started.status}`);
  for (let i = 0; i < 600; i++) {
    const clock = await stripe.testHelpers.testClocks.retrieve(clockId);
    if (clock.status === 'ready') return clock;
    if (clock.status === 'internal_failure') throw new Error('test clock failed to advance');
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('test clock did not become ready');
}

/** Event types (oldest first) whose data.object has this id, optionally filtered by type prefix. */
export async function eventTypesFor(stripe: Stripe, objectId: string, prefix = ''): Promise<string[]> {
  const types: string[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) {
    const obj = event.data.object;
    if ('id' in obj && obj.id === objectId && event.type.startsWith(prefix)) types.push(event.type);
  }
  return types.reverse();
}

/** The PaymentIntent id inside a client secret (`pi_…_secret_…`). */
export function intentIdOf(clientSecret: string): string {
  return clientSecret.slice(0, clientSecret.indexOf('_secret_'));
}

export function invoiceOf(sub: Stripe.Subscription): Stripe.Invoice {
  const inv = sub.latest_invoice;
  if (!inv || typeof inv === 'string') throw new Error('latest_invoice was not expanded');
  return inv;
}
