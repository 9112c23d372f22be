// Scenario: subscribing, from Stripe's "Build a subscriptions integration" guide — default_incomplete with the
// first invoice paid through its confirmation secret; a declined card; a 3D Secure card; error_if_incomplete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { createPlan, customerWithCard, eventTypesFor, intentIdOf, invoiceOf } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('[customer] subscribes with payment_behavior=default_incomplete', () => {
  it('leaves the first invoice open until the confirmation secret is paid, then turns active', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 2000 });
    const { customer } = await customerWithCard(stripe, null);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      expand: ['latest_invoice.confirmation_secret'],
    });
    expect(sub.status).toBe('incomplete');
    expect(sub.items.data[0].current_period_end - sub.items.data[0].current_period_start).toBeGreaterThan(27 * 86_400);
    const invoice = invoiceOf(sub);
    expect(invoice.status).toBe('open');
    expect(invoice.amount_due).toBe(2000);
    expect(invoice.billing_reason).toBe('subscription_create');
    expect(invoice.parent?.subscription_details?.subscription).toBe(sub.id);
    const secret = invoice.confirmation_secret?.client_secret;
    expect(secret).toMatch(/^pi_.+_secret_/);

    const piId = intentIdOf(secret ?? '');
    const pending = await stripe.paymentIntents.retrieve(piId);
    expect(pending.status).toBe('requires_payment_method');
    expect(pending.amount).toBe(2000);
    // save_default_payment_method=on_subscription: the card that pays is saved for the renewals.
    expect(pending.setup_future_usage).toBe('off_session');

    const paid = await stripe.paymentIntents.confirm(piId, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    const savedCard = await stripe.paymentMethods.retrieve(paid.payment_method as string);
    expect(savedCard.customer).toBe(customer.id);

    const after = await stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice.payments'] });
    expect(after.status).toBe('active');
    expect(after.default_payment_method).toBe(paid.payment_method);
    const paidInvoice = invoiceOf(after);
    expect(paidInvoice.status).toBe('paid');
    expect(paidInvoice.amount_paid).toBe(2000);
    expect(paidInvoice.amount_remaining).toBe(0);
    expect(paidInvoice.payments?.data[0]).toMatchObject({ status: 'paid', amount_paid: 2000, payment: { type: 'payment_intent', payment_intent: piId } });
    expect(paidInvoice.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    const chargeId = typeof paid.latest_charge === 'string' ? paid.latest_charge : paid.latest_charge?.id;
    const receipt = await fetch(`${emu.url}/_emulator/receipts/${chargeId}`);
    expect(receipt.status).toBe(200);
    expect(Buffer.from(await receipt.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const types = await eventTypesFor(stripe, invoice.id, 'invoice.');
    expect(types).toEqual(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']);
    expect(await eventTypesFor(stripe, sub.id, 'customer.subscription.')).toEqual([
      'customer.subscription.created',
      'customer.subscription.updated',
    ]);
    // The customer's currency is fixed by the first subscription.
    const fixed = await stripe.customers.retrieve(customer.id);
    expect('currency' in fixed && fixed.currency).toBe('usd');
  });

  it('keeps the subscription incomplete when the card is declined, and reports why', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 1500 });
    const { customer } = await customerWithCard(stripe, null);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.confirmation_secret'],
    });
    const piId = intentIdOf(invoiceOf(sub).confirmation_secret?.client_secret ?? '');
    const err = await stripeError(stripe.paymentIntents.confirm(piId, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }));
    expect(err.statusCode).toBe(402);
    expect(err.decline_code).toBe('insufficient_funds');

    const invoice = await stripe.invoices.retrieve(invoiceOf(sub).id);
    expect(invoice.status).toBe('open');
    expect(invoice.attempt_count).toBe(1);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('incomplete');
    expect(await eventTypesFor(stripe, invoice.id, 'invoice.payment_failed')).toEqual(['invoice.payment_failed']);
    const failedIntent = await stripe.paymentIntents.retrieve(piId);
    expect(failedIntent.last_payment_error?.decline_code).toBe('insufficient_funds');

    // A second try with a good card pays the same invoice.
    await stripe.paymentIntents.confirm(piId, { payment_method: 'pm_card_visa' });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });
});

describe('[customer] subscribes with a saved card (allow_incomplete)', () => {
  it('charges the default payment method at once', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 990 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id, quantity: 3 }], expand: ['latest_invoice'] });
    expect(sub.status).toBe('active');
    const invoice = invoiceOf(sub);
    expect(invoice.status).toBe('paid');
    expect(invoice.amount_paid).toBe(2970);
    expect(invoice.lines.data[0]).toMatchObject({ amount: 2970, quantity: 3, description: '3 × Team plan (at $9.90 / month)' });
    // Only the final state is announced on creation.
    expect(await eventTypesFor(stripe, sub.id, 'customer.subscription.')).toEqual(['customer.subscription.created']);
  });

  it('leaves a 3D Secure card waiting for authentication (requires_action)', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 1200 });
    const { customer } = await customerWithCard(stripe, 'pm_card_threeDSecure2Required');
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      expand: ['latest_invoice.payments'],
    });
    expect(sub.status).toBe('incomplete');
    const invoice = invoiceOf(sub);
    expect(invoice.status).toBe('open');
    const piId = invoice.payments?.data[0]?.payment.payment_intent;
    if (typeof piId !== 'string') throw new Error('expected a PaymentIntent id');
    expect((await stripe.paymentIntents.retrieve(piId)).status).toBe('requires_action');
    expect(await eventTypesFor(stripe, invoice.id, 'invoice.payment_action_required')).toEqual(['invoice.payment_action_required']);
  });

  it('refuses with 402 and creates nothing under error_if_incomplete', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 500 });
    const { customer } = await customerWithCard(stripe, 'pm_card_chargeCustomerFail');
    const err = await stripeError(
      stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], payment_behavior: 'error_if_incomplete' }),
    );
    expect(err.statusCode).toBe(402);
    expect(err.type).toBe('StripeCardError');
    const subs = await stripe.subscriptions.list({ customer: customer.id, status: 'all' });
    expect(subs.data).toHaveLength(0);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(0);
  });

  it('refuses a subscription without any payment method unless default_incomplete', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 500 });
    const { customer } = await customerWithCard(stripe, null);
    const err = await stripeError(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] }));
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/no attached payment source or default payment method/);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(0);
  });
});
