// The webhook receiver outside Next.js (npm run webhook-receiver) over real HTTP, against the run's database and
// emulator: the same answers as the app's routes, each event recorded once and due at once for the job runners
// (it processes nothing itself), and clear refusals that record nothing.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stripeEvents } from '@/db/schema';
import { stripeThinWebhookSecret } from '@/lib/stripe/client';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { processPendingEvents } from './process';
import { MAX_BODY_BYTES, createWebhookReceiver } from './standalone-receiver';
import { signedRequest } from './test-delivery';

let server: Server;
let base: string;

async function post(path: string, request: Request): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: request.headers, body: await request.text() });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function customerCreatedEvent(): Promise<Stripe.Event> {
  const stripe = testStripe();
  const email = `receiver-${uniqueSuffix()}@example.test`;
  const customer = await stripe.customers.create({ email, name: 'Receiver KK' }, { idempotencyKey: `test:${email}` });
  for await (const event of stripe.events.list({ type: 'customer.created', limit: 100 })) {
    if ((event.data.object as { id?: string }).id === customer.id) return event;
  }
  throw new Error(`no customer.created event for ${customer.id}`);
}

const ledger = () => testDb().select().from(stripeEvents);

describe('the standalone webhook receiver', () => {
  beforeAll(async () => {
    server = createWebhookReceiver();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await closeTestDb();
  });
  beforeEach(resetDatabase);

  it('records a signed event once, due for the job runners, and answers a duplicate as one', async () => {
    const event = await customerCreatedEvent();
    const body = JSON.stringify(event);
    const first = await post('/api/webhooks/stripe', signedRequest(body));
    expect(first).toEqual({ status: 200, body: { received: true } });
    const again = await post('/api/webhooks/stripe', signedRequest(body));
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });

    const rows = await ledger();
    expect(rows).toHaveLength(1);
    // Nothing was processed here: the drain (or the sweep) takes it at once.
    expect(rows[0]).toMatchObject({ id: event.id, type: 'customer.created', status: 'pending', attempts: 0 });
    expect(rows[0]!.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const run = await processPendingEvents({ stripe: testStripe() });
    expect(run).toMatchObject({ claimed: 1, processed: 1 });
  });

  it('records a signed thin event notification', async () => {
    const id = `evtn_${uniqueSuffix()}`;
    const notification = {
      id,
      object: 'v2.core.event',
      type: 'v2.core.account.updated',
      livemode: false,
      created: new Date().toISOString(),
      related_object: { id: 'acct_receiver', type: 'v2.core.account', url: '/v2/core/accounts/acct_receiver' },
    };
    const response = await post('/api/webhooks/stripe/thin', signedRequest(JSON.stringify(notification), { secret: stripeThinWebhookSecret ?? undefined }));
    expect(response.status).toBe(200);
    expect((await ledger()).map((r) => [r.id, r.type, r.objectId])).toEqual([[id, 'v2.core.account.updated', 'acct_receiver']]);
  });

  it('refuses what is not a delivery and records nothing', async () => {
    const event = await customerCreatedEvent();
    const body = JSON.stringify(event);
    expect((await post('/api/webhooks/stripe', signedRequest(body, { secret: 'whsec_not_ours' }))).status).toBe(400);
    expect((await post('/api/webhooks/stripe', signedRequest(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }))).status).toBe(400);
    expect((await fetch(`${base}/api/webhooks/stripe`, { method: 'POST', body })).status).toBe(400);
    const large = await fetch(`${base}/api/webhooks/stripe`, { method: 'POST', headers: signedRequest('x').headers, body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(large.status).toBe(413);
    expect((await fetch(`${base}/api/webhooks/stripe`)).status).toBe(405);
    expect((await fetch(`${base}/admin`, { method: 'POST', body })).status).toBe(404);
    expect(await ledger()).toEqual([]);
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
  });
});
