// Exactly-once reporting to Stripe meters, against the emulator through the real SDK: for every customer·meter
// and any billing period, the sum Stripe holds equals the sum Seikyu accepted — after shuffled late events, a
// crash between the Stripe call and recording it, and two reporters running at once. Usage without a metered
// subscription (or before it started) is kept and never reported.
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizations, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { insertUsageEvents, usageTotal, type NewUsageEvent } from '@/db/queries/usage-events';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { reportUsage } from './report-usage';
import { windowOffsetSeconds, windowStartOf } from './report-windows';

const HOUR = 3_600_000;
let stripe: Stripe;
let meterId = '';
let eventName = '';

// The subscription started three days ago at 17 minutes past the hour: its periods (and so its windows) start
// there, not on the clock hour. (Whole minutes: Stripe's meter event summaries, which the test reads back, take
// only minute-aligned times.)
const realNow = Date.now();
const anchor = new Date(Math.floor((realNow - 3 * 24 * HOUR) / HOUR) * HOUR + 17 * 60 * 1000);
const offset = windowOffsetSeconds(anchor);
/** The reporter's clock: the start of the current window, so every window with events has closed. */
const reportNow = windowStartOf(new Date(realNow), offset);

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Customer = { organizationId: string; customerId: string };

async function customer(name: string, options: { metered: boolean }): Promise<Customer> {
  const stripeCustomer = await stripe.customers.create({ name, email: `${name}-${uniqueSuffix()}@example.com` });
  const [org] = await testDb().insert(organizations).values({ name, currency: 'jpy', billingEmail: `${name}@example.com`, stripeCustomerId: stripeCustomer.id }).returning();
  if (options.metered) {
    const subscriptionId = `sub_${uniqueSuffix()}`;
    const anchorSeconds = Math.floor(anchor.getTime() / 1000);
    await testDb().insert(stripeSubscriptions).values({
      id: subscriptionId,
      customerId: stripeCustomer.id,
      organizationId: org!.id,
      status: 'active',
      collectionMethod: 'charge_automatically',
      currency: 'jpy',
      stripeCreated: anchor,
      data: { start_date: anchorSeconds, billing_cycle_anchor: anchorSeconds },
    });
    await testDb().insert(stripeSubscriptionItems).values({ id: `si_${subscriptionId}`, subscriptionId, priceId: 'price_metered', currentPeriodStart: anchor, currentPeriodEnd: new Date(anchor.getTime() + 30 * 24 * HOUR), stripeCreated: anchor, data: {} });
  }
  return { organizationId: org!.id, customerId: stripeCustomer.id };
}

let sequence = 0;
/** `count` events at random moments of [from, to), values in quarters (exact in floating point too), shuffled. */
function randomEvents(count: number, from: Date, to: Date): NewUsageEvent[] {
  const events = Array.from({ length: count }, () => ({
    meter: eventName,
    value: String((1 + Math.floor(Math.random() * 12)) / 4),
    occurredAt: new Date(from.getTime() + Math.floor(Math.random() * (to.getTime() - from.getTime()))),
    identifier: `ev-${(sequence += 1)}`,
  }));
  return events.sort(() => Math.random() - 0.5);
}

async function stripeSum(c: Customer, start: Date, end: Date): Promise<number> {
  const summaries = await stripe.billing.meters.listEventSummaries(meterId, {
    customer: c.customerId,
    start_time: Math.floor(start.getTime() / 1000),
    end_time: Math.floor(end.getTime() / 1000),
  });
  return summaries.data.reduce((sum, s) => sum + s.aggregated_value, 0);
}

/** Stripe's sums equal Seikyu's accepted sums over the subscription so far and over two "periods" split at a window boundary mid-hour. */
async function expectExact(c: Customer) {
  const boundary = new Date(anchor.getTime() + 36 * HOUR); // anchor-aligned, so a possible period boundary
  for (const [start, end] of [
    [anchor, reportNow],
    [anchor, boundary],
    [boundary, reportNow],
  ] as const) {
    const accepted = await usageTotal({ organizationId: c.organizationId, meter: eventName, start, end });
    expect(await stripeSum(c, start, end)).toBe(accepted);
  }
}

function windowsOf(events: NewUsageEvent[]): number {
  return new Set(events.filter((e) => e.occurredAt >= anchor && e.occurredAt < reportNow).map((e) => windowStartOf(e.occurredAt, offset).getTime())).size;
}

describe('usage reporting to Stripe meters', () => {
  beforeAll(async () => {
    stripe = testStripe();
    eventName = `device_hours_${uniqueSuffix()}`;
    const meter = await stripe.billing.meters.create({
      display_name: 'Device hours (test)',
      event_name: eventName,
      default_aggregation: { formula: 'sum' },
      customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
      value_settings: { event_payload_key: 'value' },
    });
    meterId = meter.id;
  });

  beforeEach(async () => {
    await resetDatabase();
    await testDb().insert(stripeProducts).values({ id: 'prod_metered', active: true, name: 'On-demand', metadata: { seikyu_meter: eventName }, stripeCreated: anchor, data: {} });
    await testDb().insert(stripePrices).values({ id: 'price_metered', productId: 'prod_metered', active: true, currency: 'jpy', unitAmount: 20, type: 'recurring', billingScheme: 'per_unit', usageType: 'metered', meterId, stripeCreated: anchor, data: {} });
  });
  afterAll(closeTestDb);

  it('reports each closed window once, then only the difference of late shuffled events, and Stripe holds exactly what was accepted', async () => {
    const c = await customer('acme', { metered: true });
    const first = randomEvents(600, new Date(anchor.getTime() - 5 * HOUR), new Date(realNow));
    for (let i = 0; i < first.length; i += 150) await insertUsageEvents({ organizationId: c.organizationId, events: first.slice(i, i + 150) });

    const run = await reportUsage({ stripe, now: reportNow });
    expect(run.failed).toBe(0);
    // At most (here: exactly) one call per customer·meter·hour window; nothing before the subscription started.
    expect(run.stripeCalls).toBe(windowsOf(first));
    await expectExact(c);

    // A second run with nothing new sends nothing.
    expect((await reportUsage({ stripe, now: reportNow })).stripeCalls).toBe(0);

    // Late events into windows already reported, shuffled, some repeating identifiers (duplicates, ignored).
    const late = randomEvents(200, anchor, reportNow);
    await insertUsageEvents({ organizationId: c.organizationId, events: [...late, ...first.slice(0, 20)] });
    const corrections = await reportUsage({ stripe, now: reportNow });
    expect(corrections.stripeCalls).toBe(windowsOf(late));
    await expectExact(c);
  }, 90_000);

  it('re-sends the same identifier after a crash between the Stripe call and recording it, and Stripe counts it once', async () => {
    const c = await customer('crash', { metered: true });
    const events = randomEvents(300, anchor, reportNow);
    await insertUsageEvents({ organizationId: c.organizationId, events });

    let crashed = false;
    await expect(
      reportUsage({
        stripe,
        now: reportNow,
        afterSend: () => {
          if (crashed) return;
          crashed = true;
          throw new Error('killed after the Stripe call');
        },
      }),
    ).resolves.toMatchObject({ failed: 1 });
    // The crashed window is pending under its lease; once the lease has run out, the next run re-sends it with
    // the same identifier and idempotency key (Stripe replays or refuses it as a duplicate: either way, once).
    const retry = await reportUsage({ stripe, now: new Date(reportNow.getTime() + 5 * 60_000) });
    expect(retry).toMatchObject({ failed: 0, stripeCalls: 1 });
    await expectExact(c);
  }, 60_000);

  it('catches up on the first run after Stripe was unreachable, without waiting for the failed report\'s lease', async () => {
    const c = await customer('unreachable', { metered: true });
    const events = randomEvents(200, anchor, reportNow);
    await insertUsageEvents({ organizationId: c.organizationId, events });

    // Nothing listens on this port: every call is refused, as when Stripe cannot be reached.
    const unreachable = new Stripe('sk_test_emulator', { host: '127.0.0.1', port: await closedPort(), protocol: 'http', maxNetworkRetries: 0 });
    const during = await reportUsage({ stripe: unreachable, now: reportNow });
    expect(during).toMatchObject({ stripeCalls: 0, failed: windowsOf(events) });
    expect(await stripeSum(c, anchor, reportNow)).toBe(0);

    // Stripe is back a moment later (the reporter's clock has not moved past any lease).
    const after = await reportUsage({ stripe, now: reportNow });
    expect(after).toMatchObject({ failed: 0, stripeCalls: windowsOf(events) });
    await expectExact(c);
  }, 60_000);

  it('lets two reporters run at once without losing or doubling anything', async () => {
    const a = await customer('two-a', { metered: true });
    const b = await customer('two-b', { metered: true });
    const eventsA = randomEvents(400, anchor, reportNow);
    const eventsB = randomEvents(400, anchor, reportNow);
    await insertUsageEvents({ organizationId: a.organizationId, events: eventsA });
    await insertUsageEvents({ organizationId: b.organizationId, events: eventsB });

    const runs = await Promise.all([reportUsage({ stripe, now: reportNow }), reportUsage({ stripe, now: reportNow })]);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    const sent = runs.reduce((sum, r) => sum + r.stripeCalls - r.duplicates, 0);
    expect(sent).toBe(windowsOf(eventsA) + windowsOf(eventsB));
    await expectExact(a);
    await expectExact(b);
  }, 90_000);

  it('keeps usage of an organization without a metered subscription and reports none of it', async () => {
    const c = await customer('unmetered', { metered: false });
    await insertUsageEvents({ organizationId: c.organizationId, events: randomEvents(50, anchor, reportNow) });
    const run = await reportUsage({ stripe, now: reportNow });
    expect(run.stripeCalls).toBe(0);
    expect(await usageTotal({ organizationId: c.organizationId, meter: eventName, start: anchor, end: reportNow })).toBeGreaterThan(0);
    expect(await stripeSum(c, anchor, reportNow)).toBe(0);
  });
});
