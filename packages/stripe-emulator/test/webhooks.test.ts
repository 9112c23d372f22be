import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { flushWebhooks, rawRequest, setChaos, startTestEmulator, startWebhookReceiver, type TestEmulator, type WebhookReceiver } from './helpers.js';
import type { DeliveryRecord } from '../src/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<{ emu: TestEmulator; receiver: WebhookReceiver }> {
  const receiver = await startWebhookReceiver();
  const emu = await startTestEmulator({ webhookUrl: receiver.url, webhookSecret: 'whsec_test_static', ...options });
  cleanups.push(() => receiver.close(), () => emu.close());
  return { emu, receiver };
}

const verifier = new Stripe('sk_test_verify');

function eventsOf(receiver: WebhookReceiver, secret: string): Stripe.Event[] {
  return receiver.received.map((r) => verifier.webhooks.constructEvent(r.body, r.signature, secret));
}

describe('webhook delivery', () => {
  it('signs deliveries exactly as Stripe does, so stripe.webhooks.constructEvent accepts them', async () => {
    const { emu, receiver } = await setup();
    const customer = await emu.stripe.customers.create({ email: 'hook@example.com' });
    await flushWebhooks(emu.url);
    const events = eventsOf(receiver, 'whsec_test_static');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'customer.created', data: { object: { id: customer.id, email: 'hook@example.com' } } });
    const t = Number(/t=(\d+)/.exec(receiver.received[0].signature)?.[1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5);
    expect(() => verifier.webhooks.constructEvent(receiver.received[0].body, receiver.received[0].signature, 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('delivers to API-created endpoints with their own secret and event filter', async () => {
    const { emu } = await setup();
    const other = await startWebhookReceiver();
    cleanups.push(() => other.close());
    const endpoint = await emu.stripe.webhookEndpoints.create({ url: other.url, enabled_events: ['customer.updated'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await emu.stripe.webhookEndpoints.retrieve(endpoint.id)).secret).toBeUndefined();
    const customer = await emu.stripe.customers.create({ name: 'A' });
    await emu.stripe.customers.update(customer.id, { name: 'B' });
    await flushWebhooks(emu.url);
    const events = eventsOf(other, endpoint.secret ?? '');
    expect(events.map((e) => e.type)).toEqual(['customer.updated']);
    expect(events[0].data.previous_attributes).toEqual({ name: 'A' });
  });

  it('retries after a 500 and records every attempt in the delivery log', async () => {
    const { emu, receiver } = await setup();
    receiver.respondWith.push(500);
    await emu.stripe.customers.create({});
    await flushWebhooks(emu.url);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].body).toBe(receiver.received[0].body);
    const log = await rawRequest(emu.url, 'GET', '/_emulator/webhook_deliveries', { key: null });
    const deliveries = (log.json as { data: DeliveryRecord[] }).data;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].status).toBe('succeeded');
    expect(deliveries[0].attempts.map((a) => a.status_code)).toEqual([500, 200]);
    const event = await emu.stripe.events.retrieve(deliveries[0].event_id);
    expect(event.pending_webhooks).toBe(0);
  });

  it('gives up after the retry schedule and marks the delivery failed', async () => {
    const { emu, receiver } = await setup({ webhooks: { retryScheduleMs: [10, 10] } });
    receiver.respondWith.push(500, 503, 500);
    await emu.stripe.customers.create({});
    await flushWebhooks(emu.url);
    expect(receiver.received).toHaveLength(3);
    const log = await rawRequest(emu.url, 'GET', '/_emulator/webhook_deliveries', { key: null });
    const [delivery] = (log.json as { data: DeliveryRecord[] }).data;
    expect(delivery.status).toBe('failed');
    const event = await emu.stripe.events.retrieve(delivery.event_id);
    expect(event.pending_webhooks).toBe(1);
  });

  it('delivers every event twice with the duplicate option', async () => {
    const { emu, receiver } = await setup();
    await setChaos(emu.url, { duplicate: true });
    const a = await emu.stripe.customers.create({});
    const b = await emu.stripe.customers.create({});
    await flushWebhooks(emu.url);
    const ids = eventsOf(receiver, 'whsec_test_static').map((e) => (e.data.object as { id: string }).id);
    expect(ids.filter((id) => id === a.id)).toHaveLength(2);
    expect(ids.filter((id) => id === b.id)).toHaveLength(2);
  });

  it('delivers in emit order by default and shuffled within a window when asked', async () => {
    const { emu, receiver } = await setup();
    const ordered: string[] = [];
    for (let i = 0; i < 5; i++) ordered.push((await emu.stripe.customers.create({})).id);
    await flushWebhooks(emu.url);
    expect(eventsOf(receiver, 'whsec_test_static').map((e) => (e.data.object as { id: string }).id)).toEqual(ordered);

    receiver.received.length = 0;
    await setChaos(emu.url, { shuffle_window_ms: 400 });
    const created: string[] = [];
    for (let i = 0; i < 20; i++) created.push((await emu.stripe.customers.create({})).id);
    await flushWebhooks(emu.url);
    const got = eventsOf(receiver, 'whsec_test_static').map((e) => (e.data.object as { id: string }).id);
    expect([...got].sort()).toEqual([...created].sort());
    expect(got).not.toEqual(created);
  });

  it('does not hold up API responses while a receiver is slow or down', async () => {
    const { emu } = await setup({ webhookUrl: 'http://127.0.0.1:9/unreachable', webhooks: { retryScheduleMs: [60_000] } });
    const started = Date.now();
    for (let i = 0; i < 5; i++) await emu.stripe.customers.create({});
    expect(Date.now() - started).toBeLessThan(2_000);
    const health = await rawRequest(emu.url, 'GET', '/_emulator/health', { key: null });
    expect((health.json as { pending_webhook_deliveries: number }).pending_webhook_deliveries).toBeGreaterThan(0);
  });

  it('keeps undelivered events across a restart and delivers them after it (at least once)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-hooks-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const dataFile = path.join(dir, 'emulator.json');
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    receiver.respondWith.push(503);
    const first = await startTestEmulator({ dataFile, webhookUrl: receiver.url, webhookSecret: 'whsec_restart', webhooks: { retryScheduleMs: [60_000] } });
    const customer = await first.stripe.customers.create({ email: 'restart@example.com' });
    for (let i = 0; i < 50 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(receiver.received).toHaveLength(1);
    await first.close();

    const second = await startTestEmulator({ dataFile, webhookUrl: receiver.url, webhookSecret: 'whsec_restart' });
    cleanups.push(() => second.close());
    await flushWebhooks(second.url);
    const events = eventsOf(receiver, 'whsec_restart');
    expect(events).toHaveLength(2);
    expect(events[1].id).toBe(events[0].id);
    expect((events[1].data.object as { id: string }).id).toBe(customer.id);
  });
});
