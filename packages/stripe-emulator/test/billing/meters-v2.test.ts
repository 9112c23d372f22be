// Meters v2 and adjustments: /v2/billing/meter_events, the meter event session and stream (through an SDK
// client configured only with the emulator's host, as lib/stripe/client.ts configures it), cancel adjustments
// in v1 and v2 (a cancelled event no longer counts in summaries or on invoices), and event summaries with
// day and hour windows as Stripe documents them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { makeClient, rawRequest, startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, customerWithCard } from './setup.js';
import { meterEventSessionsCollection } from '../../src/resources/v2/billing-meter-events.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const HOUR = 3_600;
const T0 = Date.parse('2026-04-01T00:00:00Z') / 1000;

/** A sum meter, a monthly metered price on it (¥10 a unit), and a JPY customer with a card on a test clock at T0. */
async function meteredSetup(stripe: Stripe): Promise<{ meter: Stripe.Billing.Meter; eventName: string; customer: Stripe.Customer; clock: string; price: Stripe.Price }> {
  const eventName = `diagnoses_${Math.random().toString(36).slice(2)}`;
  const meter = await stripe.billing.meters.create({
    display_name: 'Diagnoses',
    event_name: eventName,
    default_aggregation: { formula: 'sum' },
    customer_mapping: { event_payload_key: 'stripe_customer_id', type: 'by_id' },
    value_settings: { event_payload_key: 'value' },
  });
  const product = await stripe.products.create({ name: 'Diagnoses' });
  const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 10, recurring: { interval: 'month', usage_type: 'metered', meter: meter.id } });
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
  const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
  return { meter, eventName, customer, clock: clock.id, price };
}

async function total(stripe: Stripe, meterId: string, customer: string, start: number, end: number): Promise<number> {
  const summaries = await stripe.billing.meters.listEventSummaries(meterId, { customer, start_time: start, end_time: end });
  return summaries.data[0].aggregated_value;
}

describe('v2 meter events', () => {
  it('records an event from /v2/billing/meter_events (JSON, RFC 3339 times) that counts in summaries, and refuses a repeated identifier in the v2 shape', async () => {
    const { stripe } = emu;
    const { meter, eventName, customer } = await meteredSetup(stripe);
    const event = await stripe.v2.billing.meterEvents.create({
      event_name: eventName,
      payload: { stripe_customer_id: customer.id, value: '3' },
      identifier: 'dx-1',
      timestamp: new Date((T0 + 60) * 1000).toISOString(),
    });
    expect(event).toEqual({
      object: 'v2.billing.meter_event',
      created: new Date(T0 * 1000).toISOString(),
      event_name: eventName,
      identifier: 'dx-1',
      livemode: false,
      payload: { stripe_customer_id: customer.id, value: '3' },
      timestamp: new Date((T0 + 60) * 1000).toISOString(),
    });
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(3);

    const again = await rawRequest(emu.url, 'POST', '/v2/billing/meter_events', {
      body: JSON.stringify({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '3' }, identifier: 'dx-1' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: { type: 'invalid_request_error', message: "An event already exists with identifier 'dx-1'. Identifiers must be unique." } });
    expect(Object.keys((again.json as { error: object }).error).sort()).toEqual(['code', 'message', 'type']);
    const noCustomer = await stripeError(stripe.v2.billing.meterEvents.create({ event_name: eventName, payload: { value: '1' } }));
    expect(noCustomer).toMatchObject({ statusCode: 400, code: 'parameter_missing' });
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(3);
  });

  it('streams events with a session token through a client that only knows the emulator host; refuses API keys, unknown and expired tokens', async () => {
    const { stripe } = emu;
    const { meter, eventName, customer } = await meteredSetup(stripe);
    const session = await stripe.v2.billing.meterEventSession.create();
    expect(session).toMatchObject({ object: 'v2.billing.meter_event_session', livemode: false });
    expect(session.authentication_token).toMatch(/^ek_test_/);
    expect(session.id).toMatch(/^mes_/);
    expect(Date.parse(session.expires_at) - Date.parse(session.created)).toBe(15 * 60 * 1000);

    // The SDK sends the stream to its meter_events API base; the `host` it was given applies to that base too.
    const streamClient = makeClient(emu.port, session.authentication_token);
    await streamClient.v2.billing.meterEventStream.create({
      events: [
        { event_name: eventName, payload: { stripe_customer_id: customer.id, value: '2' }, identifier: 's-1' },
        { event_name: eventName, payload: { stripe_customer_id: customer.id, value: '5' }, identifier: 's-2' },
      ],
    });
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(7);

    // All or nothing: one bad event (an unknown customer) records none of the batch.
    const bad = await stripeError(
      streamClient.v2.billing.meterEventStream.create({
        events: [
          { event_name: eventName, payload: { stripe_customer_id: customer.id, value: '1' }, identifier: 's-3' },
          { event_name: eventName, payload: { stripe_customer_id: 'cus_nobody', value: '1' }, identifier: 's-4' },
        ],
      }),
    );
    expect(bad.statusCode).toBe(404);
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(7);

    const withKey = await stripeError(stripe.v2.billing.meterEventStream.create({ events: [{ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '1' } }] }));
    expect(withKey.statusCode).toBe(401);
    const unknown = await stripeError(
      makeClient(emu.port, 'ek_test_unknowntoken').v2.billing.meterEventStream.create({ events: [{ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '1' } }] }),
    );
    expect(unknown.statusCode).toBe(401);

    // Sessions last 15 minutes; age this one past its expiry.
    const store = emu.emulator.store;
    for (const s of store.all(meterEventSessionsCollection)) store.update(meterEventSessionsCollection, s.id, (cur) => ({ ...cur, expires_at: 0 }));
    const expired = await stripeError(
      streamClient.v2.billing.meterEventStream.create({ events: [{ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '1' } }] }),
    );
    expect(expired).toBeInstanceOf(Stripe.errors.TemporarySessionExpiredError);
    expect(expired.code).toBe('billing_meter_event_session_expired');
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(7);
  });
});

describe('meter event adjustments', () => {
  it('cancels events by identifier (v1 and v2): they leave the summaries and the invoice, and a second cancel or an unknown identifier is refused', async () => {
    const { stripe } = emu;
    const { meter, eventName, customer, clock, price } = await meteredSetup(stripe);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    for (const [identifier, value] of [['a', '4'], ['b', '6'], ['c', '10']] as const) {
      await stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value }, identifier });
    }
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(20);

    const v1 = await stripe.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel', cancel: { identifier: 'a' } });
    expect(v1).toEqual({ object: 'billing.meter_event_adjustment', cancel: { identifier: 'a' }, event_name: eventName, livemode: false, status: 'pending', type: 'cancel' });
    const v2 = await stripe.v2.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel', cancel: { identifier: 'c' } });
    expect(v2).toMatchObject({ object: 'v2.billing.meter_event_adjustment', cancel: { identifier: 'c' }, event_name: eventName, status: 'pending', type: 'cancel' });
    expect(v2.id).toMatch(/^mtradj_/);
    expect(await total(stripe, meter.id, customer.id, T0, T0 + HOUR)).toBe(6);

    expect(await stripeError(stripe.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel', cancel: { identifier: 'a' } }))).toMatchObject({
      statusCode: 400,
      param: 'cancel[identifier]',
    });
    expect(await stripeError(stripe.v2.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel', cancel: { identifier: 'zzz' } }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
    });
    expect(await stripeError(stripe.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel' }))).toMatchObject({ code: 'parameter_missing' });

    // The renewal bills only what is left: 6 units at ¥10.
    const periodEnd = sub.items.data[0].current_period_end;
    await advanceClock(stripe, clock, periodEnd + 2 * HOUR);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal.lines.data[0]).toMatchObject({ quantity: 6, amount: 60 });
  });

  it('refuses cancelling an event received more than 24 hours ago', async () => {
    const { stripe } = emu;
    const { eventName, customer, clock } = await meteredSetup(stripe);
    await stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '1' }, identifier: 'old' });
    await advanceClock(stripe, clock, T0 + DAY + HOUR);
    expect(await stripeError(stripe.billing.meterEventAdjustments.create({ event_name: eventName, type: 'cancel', cancel: { identifier: 'old' } }))).toMatchObject({ statusCode: 400 });
  });
});

describe('event summaries', () => {
  it('groups by hour and by UTC day over aligned windows, and one summary for the whole range without a window', async () => {
    const { stripe } = emu;
    const { meter, eventName, customer, clock } = await meteredSetup(stripe);
    await advanceClock(stripe, clock, T0 + DAY + 3 * HOUR);
    const at = async (t: number, value: string, identifier: string) =>
      stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value }, identifier, timestamp: t });
    await at(T0 + 30 * 60, '1', 'h0');
    await at(T0 + HOUR + 59 * 60, '2', 'h1');
    await at(T0 + DAY + HOUR, '4', 'd1');

    const hours = await stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: T0, end_time: T0 + 3 * HOUR, value_grouping_window: 'hour' });
    expect(hours.data.map((s) => [s.start_time - T0, s.end_time - T0, s.aggregated_value])).toEqual([
      [0, HOUR, 1],
      [HOUR, 2 * HOUR, 2],
      [2 * HOUR, 3 * HOUR, 0],
    ]);
    const days = await stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: T0, end_time: T0 + 2 * DAY, value_grouping_window: 'day' });
    expect(days.data.map((s) => s.aggregated_value)).toEqual([3, 4]);
    const whole = await stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: T0 + 60, end_time: T0 + 2 * DAY });
    expect(whole.data.map((s) => [s.start_time - T0, s.end_time - T0, s.aggregated_value])).toEqual([[60, 2 * DAY, 7]]);
  });

  it('refuses times off minute boundaries, and hour or day windows off their boundaries', async () => {
    const { stripe } = emu;
    const { meter, customer } = await meteredSetup(stripe);
    const list = (params: Partial<Stripe.Billing.MeterListEventSummariesParams>) =>
      stripeError(stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: T0, end_time: T0 + DAY, ...params }));
    expect(await list({ start_time: T0 + 30 })).toMatchObject({ statusCode: 400, param: 'start_time' });
    expect(await list({ end_time: T0 + DAY - 1 })).toMatchObject({ statusCode: 400, param: 'end_time' });
    expect(await list({ start_time: T0 + 60, value_grouping_window: 'hour' })).toMatchObject({ statusCode: 400, param: 'start_time' });
    expect(await list({ end_time: T0 + DAY + HOUR, value_grouping_window: 'day' })).toMatchObject({ statusCode: 400, param: 'end_time' });
  });
});
