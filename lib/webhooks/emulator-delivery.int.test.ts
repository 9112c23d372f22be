// Real deliveries: the emulator posts signed events over HTTP to a server running the receiver, with every event
// delivered twice and in random order, as Stripe may. The mirror must end equal to Stripe and each event be
// recorded and processed once.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeEvents } from '@/db/schema';
import { findCustomerMirrorDrift } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, stripeEmulatorUrl, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { receiveStripeWebhook } from './receive';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function control(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${stripeEmulatorUrl()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

describe('deliveries from the emulator over HTTP, duplicated and out of order', () => {
  let server: Server;
  let endpoint: Stripe.WebhookEndpoint;
  let previousChaos: Record<string, unknown>;
  const processing: Promise<void>[] = [];
  const statuses: number[] = [];
  let duplicates = 0;

  beforeAll(async () => {
    await resetDatabase();
    const stripe = testStripe();
    server = createServer((req, res) => {
      void (async () => {
        const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
          method: req.method,
          headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
          body: await readBody(req),
        });
        const response = await receiveStripeWebhook(request, { stripe, secret: endpoint.secret, schedule: (task) => processing.push(task()) });
        statuses.push(response.status);
        const text = await response.text();
        if ((JSON.parse(text) as { duplicate?: boolean }).duplicate) duplicates += 1;
        res.writeHead(response.status, { 'content-type': 'application/json' }).end(text);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    endpoint = await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/api/webhooks/stripe`, enabled_events: ['*'] });
    previousChaos = await (await fetch(`${stripeEmulatorUrl()}/_emulator/chaos`)).json();
    await control('/_emulator/chaos', { duplicate: true, shuffle_window_ms: 300 });
  });

  afterAll(async () => {
    await control('/_emulator/chaos', { duplicate: previousChaos.duplicate, shuffle_window_ms: previousChaos.shuffle_window_ms });
    await testStripe().webhookEndpoints.del(endpoint.id);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeTestDb();
  });

  it('mirrors what Stripe holds and records each event once', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const key = (step: string) => `delivery:${tag}:${step}`;
    const customer = await stripe.customers.create({ name: 'Delivered KK', email: `delivered-${tag}@example.test` }, { idempotencyKey: key('customer') });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }, { idempotencyKey: key('card') });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } }, { idempotencyKey: key('default') });
    const product = await stripe.products.create({ name: `Delivered plan ${tag}` }, { idempotencyKey: key('product') });
    const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1500, recurring: { interval: 'month' } }, { idempotencyKey: key('price') });
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id, quantity: 1 }] }, { idempotencyKey: key('sub') });
    await stripe.subscriptions.update(subscription.id, { items: [{ id: subscription.items.data[0]!.id, quantity: 3 }] }, { idempotencyKey: key('seats') });
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }, { idempotencyKey: key('cancel-later') });

    const flushed = await control('/_emulator/webhooks/flush', { timeout_ms: 20_000 });
    expect(flushed.idle).toBe(true);
    await Promise.all(processing);

    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(duplicates).toBeGreaterThan(0); // the second copies were acknowledged, not processed
    const delivered = (await stripe.events.list({ limit: 100 })).data.filter((e) => {
      const object = e.data.object as { id?: string; customer?: string };
      return object.id === customer.id || object.customer === customer.id;
    });
    const ledger = await testDb().select().from(stripeEvents).where(inArray(stripeEvents.id, delivered.map((e) => e.id)));
    expect(ledger).toHaveLength(delivered.length);
    expect(ledger.every((row) => row.attempts === 1 && (row.status === 'processed' || row.status === 'ignored'))).toBe(true);

    expect(await findCustomerMirrorDrift(customer.id, { stripe })).toEqual([]);
  });
});
