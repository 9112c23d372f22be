// Scenarios driven by test clocks, from Stripe's "Test subscriptions integrations with test clocks" and
// "Automate payment retries" guides: trial → active, renewal paid, failed renewal → past_due → retries → end
// state, cancel_at_period_end then resume, and the advance limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-01-31T09:00:00Z') / 1000;

describe('[customer] trial then paid plan, on a test clock', () => {
  it('starts trialing with a zero invoice, warns 3 days before the end, then bills and turns active', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0, name: 'trial' });
    const price = await createPlan(stripe, { amount: 3000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_period_days: 14, expand: ['latest_invoice'] });
    expect(sub.status).toBe('trialing');
    expect(sub.trial_end).toBe(T0 + 14 * DAY);
    expect(sub.items.data[0].current_period_end).toBe(T0 + 14 * DAY);
    const first = sub.latest_invoice;
    expect(typeof first === 'object' && first?.amount_due).toBe(0);
    expect(typeof first === 'object' && first?.status).toBe('paid');
    expect(typeof first === 'object' && first?.lines.data[0].description).toBe('Trial period for Team plan');

    await advanceClock(stripe, clock.id, T0 + 11 * DAY + 60);
    expect(await eventTypesFor(stripe, sub.id, 'customer.subscription.trial_will_end')).toHaveLength(1);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('trialing');

    await advanceClock(stripe, clock.id, T0 + 14 * DAY + 2 * 3600);
    const active = await stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] });
    expect(active.status).toBe('active');
    expect(active.items.data[0].current_period_start).toBe(T0 + 14 * DAY);
    const inv = active.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.billing_reason).toBe('subscription_cycle');
    expect(inv.status).toBe('paid');
    expect(inv.amount_paid).toBe(3000);
    expect(inv.status_transitions.finalized_at).toBe(T0 + 14 * DAY + 3600);
  });
});

describe('[customer] starts a trial and gives a card through the pending SetupIntent', () => {
  it('hands out pending_setup_intent, saves its card on the subscription, and charges it when the trial ends', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 1500 });
    const { customer } = await customerWithCard(stripe, null, clock.id);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      expand: ['pending_setup_intent'],
    });
    expect(sub.status).toBe('trialing');
    const si = sub.pending_setup_intent;
    if (!si || typeof si === 'string') throw new Error('expected an expanded SetupIntent');
    expect(si.status).toBe('requires_payment_method');
    expect(si.customer).toBe(customer.id);
    expect(si.usage).toBe('off_session');

    const confirmed = await stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    const withCard = await stripe.subscriptions.retrieve(sub.id);
    expect(withCard.pending_setup_intent).toBeNull();
    expect(withCard.default_payment_method).toBe(confirmed.payment_method);

    await advanceClock(stripe, clock.id, T0 + 7 * DAY + 2 * 3600);
    const [invoice] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(invoice.status).toBe('paid');
    expect(invoice.amount_paid).toBe(1500);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });
});

describe('[customer] monthly renewal through a test clock', () => {
  it('renews on the month-end anchor, finalizes the draft about an hour later and charges the card', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 2500 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const feb28 = Date.parse('2026-02-28T09:00:00Z') / 1000;
    expect(sub.items.data[0].current_period_end).toBe(feb28);

    // The invoice.upcoming notice comes 7 days before the renewal.
    await advanceClock(stripe, clock.id, feb28 - 6 * DAY);
    expect((await stripe.events.list({ type: 'invoice.upcoming', limit: 100 })).data.some((e) => {
      const o = e.data.object;
      return 'parent' in o && o.parent?.subscription_details?.subscription === sub.id;
    })).toBe(true);

    await advanceClock(stripe, clock.id, feb28 + 30 * 60);
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    const renewal = invoices.data[0];
    expect(renewal.billing_reason).toBe('subscription_cycle');
    expect(renewal.status).toBe('draft');
    expect(renewal.automatically_finalizes_at).toBe(feb28 + 3600);
    expect(renewal.lines.data[0].period).toEqual({ start: feb28, end: Date.parse('2026-03-31T09:00:00Z') / 1000 });

    await advanceClock(stripe, clock.id, feb28 + 2 * 3600);
    const paid = await stripe.invoices.retrieve(renewal.id);
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(2500);
    expect(paid.number).toMatch(/-0002$/);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0].current_period_end).toBe(Date.parse('2026-03-31T09:00:00Z') / 1000);
  });

  it('refuses to go backwards or further than two intervals of the shortest subscription', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 100, interval: 'week' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect((await stripeError(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: T0 - 1 }))).statusCode).toBe(400);
    expect((await stripeError(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: T0 + 15 * DAY }))).statusCode).toBe(400);
    const ok = await advanceClock(stripe, clock.id, T0 + 14 * DAY);
    expect(ok.frozen_time).toBe(T0 + 14 * DAY);
  });
});

describe('[customer] failed renewal and dunning', () => {
  it('goes past_due, retries on days 3, 8 and 15, then cancels the subscription', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 4200 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    // The card on file starts failing (Stripe's pm_card_chargeCustomerFail attaches but declines charges).
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });

    const feb28 = Date.parse('2026-02-28T09:00:00Z') / 1000;
    await advanceClock(stripe, clock.id, feb28 + 2 * 3600);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal.status).toBe('open');
    expect(renewal.attempt_count).toBe(1);
    const firstAttempt = feb28 + 3600;
    expect(renewal.next_payment_attempt).toBe(firstAttempt + 3 * DAY);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('past_due');

    await advanceClock(stripe, clock.id, firstAttempt + 3 * DAY + 60);
    let inv = await stripe.invoices.retrieve(renewal.id);
    expect(inv.attempt_count).toBe(2);
    expect(inv.next_payment_attempt).toBe(firstAttempt + 8 * DAY);

    await advanceClock(stripe, clock.id, firstAttempt + 8 * DAY + 60);
    await advanceClock(stripe, clock.id, firstAttempt + 15 * DAY + 60);
    inv = await stripe.invoices.retrieve(renewal.id);
    expect(inv.attempt_count).toBe(4);
    expect(inv.next_payment_attempt).toBeNull();
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe('canceled');
    expect(ended.cancellation_details?.reason).toBe('payment_failed');
    expect(await eventTypesFor(stripe, renewal.id, 'invoice.payment_failed')).toHaveLength(4);
    expect(await eventTypesFor(stripe, sub.id, 'customer.subscription.deleted')).toHaveLength(1);
  });

  it('follows the configured end state: unpaid subscription, uncollectible invoice, after two retries', async () => {
    const { stripe } = emu;
    const set = await rawRequest(emu.url, 'POST', '/_emulator/billing/settings', {
      key: null,
      body: JSON.stringify({ retry_days: [2, 2], subscription_end_state: 'unpaid', invoice_end_state: 'uncollectible' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(set.status).toBe(200);
    const bad = await rawRequest(emu.url, 'POST', '/_emulator/billing/settings', {
      key: null,
      body: JSON.stringify({ subscription_end_state: 'deleted' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    try {
      const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
      const price = await createPlan(stripe, { amount: 900 });
      const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
      const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
      const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
      await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
      const feb28 = Date.parse('2026-02-28T09:00:00Z') / 1000;
      await advanceClock(stripe, clock.id, feb28 + 3600 + 4 * DAY + 60);
      const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
      expect(renewal.attempt_count).toBe(3);
      expect(renewal.status).toBe('uncollectible');
      expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('unpaid');
    } finally {
      await rawRequest(emu.url, 'POST', '/_emulator/billing/settings', {
        key: null,
        body: JSON.stringify({ retry_days: [3, 5, 7], subscription_end_state: 'canceled', invoice_end_state: 'open' }),
        headers: { 'Content-Type': 'application/json' },
      });
    }
  });

  it('recovers to active when the customer pays the open invoice with a new card', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 1000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    await advanceClock(stripe, clock.id, Date.parse('2026-02-28T11:00:00Z') / 1000);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    const declined = await stripeError(stripe.invoices.pay(renewal.id, { payment_method: failing.id }));
    expect(declined.statusCode).toBe(402);
    expect((await stripe.invoices.retrieve(renewal.id)).attempt_count).toBe(2);
    const good = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    const paid = await stripe.invoices.pay(renewal.id, { payment_method: good.id });
    expect(paid.status).toBe('paid');
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });
});

describe('[customer] cancels at period end, then changes their mind', () => {
  it('keeps the plan until the period ends; resuming clears the cancellation; otherwise it ends on time', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 800 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });

    const canceling = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(canceling.status).toBe('active');
    expect(canceling.cancel_at_period_end).toBe(true);
    expect(canceling.cancellation_details?.reason).toBe('cancellation_requested');

    const resumed = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false });
    expect(resumed.cancel_at_period_end).toBe(false);
    expect(resumed.canceled_at).toBeNull();

    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    const feb28 = Date.parse('2026-02-28T09:00:00Z') / 1000;
    await advanceClock(stripe, clock.id, feb28 + 2 * 3600);
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe('canceled');
    expect(ended.ended_at).toBe(feb28);
    // No renewal invoice was made.
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'canceled' })).data).toHaveLength(1);
  });

  it('expires an unpaid default_incomplete subscription after 23 hours and voids its invoice', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 800 });
    const { customer } = await customerWithCard(stripe, null, clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], payment_behavior: 'default_incomplete' });
    await advanceClock(stripe, clock.id, T0 + 23 * 3600 + 1);
    const expired = await stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] });
    expect(expired.status).toBe('incomplete_expired');
    const inv = expired.latest_invoice;
    expect(typeof inv === 'object' && inv?.status).toBe('void');
  });
});
