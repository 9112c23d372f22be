// Test support for the integration tests: signs an event payload as Stripe does and hands it to the receiver
// with a scheduler that collects the after-response work, so a test decides when (and in what order) it runs.
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { STRIPE_API_VERSION, stripeThinWebhookSecret, stripeWebhookSecret } from '@/lib/stripe/client';
import { receiveStripeWebhook, type ReceiveOptions } from './receive';
import { receiveStripeThinEvent } from './receive-thin';

export type Delivery = { response: Response; scheduled: (() => Promise<void>)[] };

export function signedRequest(payload: string, options: { secret?: string; timestamp?: number } = {}): Request {
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? stripeWebhookSecret,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return new Request('http://localhost/api/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
}

/** Delivers one payload through `receiveStripeWebhook`; the processing it schedules is returned, not run. */
export async function deliver(
  payload: string | Stripe.Event,
  options: Omit<ReceiveOptions, 'schedule'> & { timestamp?: number; signWith?: string } = {},
): Promise<Delivery> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const scheduled: (() => Promise<void>)[] = [];
  const response = await receiveStripeWebhook(signedRequest(body, { secret: options.signWith, timestamp: options.timestamp }), {
    ...options,
    schedule: (task) => scheduled.push(task),
  });
  return { response, scheduled };
}

/** Delivers one thin notification through `receiveStripeThinEvent` (signed with the thin-event secret unless told). */
export async function deliverThin(
  payload: string | Record<string, unknown>,
  options: Omit<ReceiveOptions, 'schedule'> & { timestamp?: number; signWith?: string } = {},
): Promise<Delivery> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const scheduled: (() => Promise<void>)[] = [];
  const request = signedRequest(body, { secret: options.signWith ?? stripeThinWebhookSecret ?? undefined, timestamp: options.timestamp });
  const response = await receiveStripeThinEvent(request, { ...options, schedule: (task) => scheduled.push(task) });
  return { response, scheduled };
}

/**
 * The thin notifications Stripe would have sent for an account's v2 events (oldest first, after `afterId` when
 * given): each event from `/v2/core/events` without its `data`, as an event destination receives it.
 */
export async function thinNotificationsFor(stripe: Stripe, accountId: string, afterId?: string): Promise<Record<string, unknown>[]> {
  const events = (await stripe.v2.core.events.list({ object_id: accountId, limit: 100 })).data.reverse();
  const start = afterId ? events.findIndex((e) => e.id === afterId) + 1 : 0;
  return events.slice(start).map((e) => {
    const { data: _data, ...thin } = e as typeof e & { data?: unknown };
    return thin as unknown as Record<string, unknown>;
  });
}

/** A Stripe client whose every call fails at the network level (a port nobody listens on), without retries. */
export async function unreachableStripe(): Promise<Stripe> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const free = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(free));
    });
  });
  return new Stripe('sk_test_unreachable', {
    apiVersion: STRIPE_API_VERSION,
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    timeout: 2_000,
  });
}
