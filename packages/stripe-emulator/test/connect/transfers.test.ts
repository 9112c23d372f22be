// Connect v1 money: transfers (with and without `source_transaction`), reversals, and the balances they move,
// for the platform and (with Stripe-Account) a connected account — through the real SDK.
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { flushWebhooks, startTestEmulator, startWebhookReceiver, stripeError, type TestEmulator, type WebhookReceiver } from '../helpers.js';
import { advanceClock, DAY } from '../billing/setup.js';
import { createExpressAccount, submitOnboarding } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(): Promise<{ emu: TestEmulator; hook: WebhookReceiver; secret: string }> {
  const emu = await startTestEmulator();
  const hook = await startWebhookReceiver();
  cleanups.push(() => hook.close(), () => emu.close());
  const endpoint = await emu.stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['transfer.created', 'transfer.updated', 'transfer.reversed'] });
  return { emu, hook, secret: endpoint.secret! };
}

async function onboardedAccount(stripe: Stripe, email: string): Promise<Stripe.Account> {
  const account = await createExpressAccount(stripe, email);
  const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', return_url: 'https://app.example/r', refresh_url: 'https://app.example/f' });
  expect((await submitOnboarding(link.url)).status).toBe(303);
  return stripe.accounts.retrieve(account.id);
}

/** A ¥3,000 card payment; returns its charge id. */
async function paidCharge(stripe: Stripe, customer?: string): Promise<string> {
  const intent = await stripe.paymentIntents.create({ amount: 3000, currency: 'jpy', customer, payment_method: 'pm_card_visa', confirm: true });
  expect(intent.status).toBe('succeeded');
  return intent.latest_charge as string;
}

const verifier = new Stripe('sk_test_verify');

describe('transfers', () => {
  it('splits a ¥3,000 charge: ¥1,000 to each of two payees with source_transaction and transfer_group, no more than the charge holds', async () => {
    const { emu, hook, secret } = await setup();
    const [a, b] = [await onboardedAccount(emu.stripe, 'a@example.com'), await onboardedAccount(emu.stripe, 'b@example.com')];
    const charge = await paidCharge(emu.stripe);

    const toA = await emu.stripe.transfers.create(
      { amount: 1000, currency: 'jpy', destination: a.id, source_transaction: charge, transfer_group: 'sale_1', metadata: { role: 'reader' } },
      { idempotencyKey: 'sale_1:a' },
    );
    expect(toA).toMatchObject({
      object: 'transfer',
      amount: 1000,
      amount_reversed: 0,
      currency: 'jpy',
      destination: a.id,
      source_transaction: charge,
      transfer_group: 'sale_1',
      reversed: false,
      metadata: { role: 'reader' },
      reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${toA.id}/reversals` },
    });
    expect(toA.id).toMatch(/^tr_/);
    // A replay of the same request (a crash, a replayed webhook) pays nothing twice.
    const replay = await emu.stripe.transfers.create(
      { amount: 1000, currency: 'jpy', destination: a.id, source_transaction: charge, transfer_group: 'sale_1', metadata: { role: 'reader' } },
      { idempotencyKey: 'sale_1:a' },
    );
    expect(replay.id).toBe(toA.id);
    const toB = await emu.stripe.transfers.create({ amount: 1000, currency: 'jpy', destination: b.id, source_transaction: charge, transfer_group: 'sale_1' });

    // ¥1,000 is left on the charge: ¥1,001 more is refused and creates nothing.
    const over = await stripeError(emu.stripe.transfers.create({ amount: 1001, currency: 'jpy', destination: b.id, source_transaction: charge }));
    expect(over).toMatchObject({ statusCode: 400, code: 'balance_insufficient', param: 'amount' });
    expect((await emu.stripe.transfers.list()).data.map((t) => t.id)).toEqual([toB.id, toA.id]);

    expect((await emu.stripe.transfers.list({ destination: a.id })).data.map((t) => t.id)).toEqual([toA.id]);
    expect((await emu.stripe.transfers.list({ transfer_group: 'sale_1' })).data).toHaveLength(2);
    expect((await emu.stripe.transfers.list({ transfer_group: 'other' })).data).toEqual([]);
    expect(await emu.stripe.transfers.retrieve(toA.id)).toEqual(toA);

    // The platform keeps ¥1,000; each payee sees ¥1,000 in its own balance (pending, as the charge is).
    const platform = await emu.stripe.balance.retrieve();
    expect(platform.pending).toEqual([{ amount: 1000, currency: 'jpy', source_types: { card: 1000 } }]);
    expect(platform.available).toEqual([{ amount: 0, currency: 'jpy', source_types: { card: 0 } }]);
    const payee = await emu.stripe.balance.retrieve({}, { stripeAccount: a.id });
    expect(payee.pending[0]).toMatchObject({ amount: 1000, currency: 'jpy' });

    await flushWebhooks(emu.url);
    const events = hook.received.map((d) => verifier.webhooks.constructEvent(d.body, d.signature, secret));
    expect(events.map((e) => e.type)).toEqual(['transfer.created', 'transfer.created']);
    expect(events.every((e) => e.account === undefined)).toBe(true);
  });

  it('refuses transfers to an account that has not onboarded, to unknown accounts, from an unknown charge or in another currency', async () => {
    const { emu } = await setup();
    const pending = await createExpressAccount(emu.stripe);
    const ready = await onboardedAccount(emu.stripe, 'ok@example.com');
    const charge = await paidCharge(emu.stripe);
    expect(await stripeError(emu.stripe.transfers.create({ amount: 100, currency: 'jpy', destination: pending.id, source_transaction: charge }))).toMatchObject({
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    });
    expect(await stripeError(emu.stripe.transfers.create({ amount: 100, currency: 'jpy', destination: 'acct_1NoSuchAccount00', source_transaction: charge }))).toMatchObject({
      statusCode: 404,
      param: 'destination',
    });
    expect(await stripeError(emu.stripe.transfers.create({ amount: 100, currency: 'jpy', destination: ready.id, source_transaction: 'ch_nope' }))).toMatchObject({
      statusCode: 404,
      param: 'source_transaction',
    });
    expect(await stripeError(emu.stripe.transfers.create({ amount: 100, currency: 'usd', destination: ready.id, source_transaction: charge }))).toMatchObject({ param: 'currency' });
    expect((await emu.stripe.transfers.list()).data).toEqual([]);
  });

  it('refuses a transfer without source_transaction while the charges are pending, and makes it once they are available', async () => {
    const { emu } = await setup();
    const payee = await onboardedAccount(emu.stripe, 'p@example.com');
    const T0 = Math.floor(Date.now() / 1000);
    const clock = await emu.stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await emu.stripe.customers.create({ test_clock: clock.id, payment_method: 'pm_card_visa', invoice_settings: { default_payment_method: undefined } });
    await paidCharge(emu.stripe, customer.id);

    const short = await stripeError(emu.stripe.transfers.create({ amount: 500, currency: 'jpy', destination: payee.id }));
    expect(short).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect((await emu.stripe.transfers.list()).data).toEqual([]);

    await advanceClock(emu.stripe, clock.id, T0 + 3 * DAY);
    expect((await emu.stripe.balance.retrieve()).available[0]).toMatchObject({ amount: 3000, currency: 'jpy' });
    const transfer = await emu.stripe.transfers.create({ amount: 500, currency: 'jpy', destination: payee.id });
    expect(transfer.source_transaction).toBeNull();
    expect((await emu.stripe.balance.retrieve()).available[0]).toMatchObject({ amount: 2500 });
    expect((await emu.stripe.balance.retrieve({}, { stripeAccount: payee.id })).available[0]).toMatchObject({ amount: 500 });
  });

  it('updates metadata (transfer.updated) and reverses in part and in full (transfer.reversed), giving the charge back its room', async () => {
    const { emu, hook, secret } = await setup();
    const payee = await onboardedAccount(emu.stripe, 'r@example.com');
    const charge = await paidCharge(emu.stripe);
    const transfer = await emu.stripe.transfers.create({ amount: 3000, currency: 'jpy', destination: payee.id, source_transaction: charge });

    const updated = await emu.stripe.transfers.update(transfer.id, { metadata: { sale: 's_1' } });
    expect(updated.metadata).toEqual({ sale: 's_1' });

    const partial = await emu.stripe.transfers.createReversal(transfer.id, { amount: 1000, metadata: { reason: 'refund' } });
    expect(partial).toMatchObject({ object: 'transfer_reversal', amount: 1000, currency: 'jpy', transfer: transfer.id, metadata: { reason: 'refund' } });
    expect(await emu.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 1000, reversed: false, reversals: { data: [{ id: partial.id }] } });

    const tooMuch = await stripeError(emu.stripe.transfers.createReversal(transfer.id, { amount: 2001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount' });

    const rest = await emu.stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(2000);
    const reversed = await emu.stripe.transfers.retrieve(transfer.id);
    expect(reversed).toMatchObject({ amount_reversed: 3000, reversed: true });
    expect(reversed.reversals.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect((await emu.stripe.transfers.listReversals(transfer.id)).data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect(await emu.stripe.transfers.retrieveReversal(transfer.id, partial.id)).toEqual(partial);
    expect(await stripeError(emu.stripe.transfers.createReversal(transfer.id))).toMatchObject({ statusCode: 400 });

    // The whole charge can fund transfers again; the payee holds nothing.
    expect((await emu.stripe.balance.retrieve({}, { stripeAccount: payee.id })).pending[0]).toMatchObject({ amount: 0 });
    await emu.stripe.transfers.create({ amount: 3000, currency: 'jpy', destination: payee.id, source_transaction: charge });

    await flushWebhooks(emu.url);
    const events = hook.received.map((d) => verifier.webhooks.constructEvent(d.body, d.signature, secret));
    expect(events.map((e) => e.type)).toEqual(['transfer.created', 'transfer.updated', 'transfer.reversed', 'transfer.reversed', 'transfer.created']);
    expect(events[2].data.previous_attributes).toMatchObject({ amount_reversed: 0 });
  });
});
