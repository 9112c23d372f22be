import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function control(path: string): Promise<{ status: number; json: unknown }> {
  const res = await rawRequest(emu.url, 'POST', path, { key: null });
  return { status: res.status, json: res.json };
}

describe('payment methods', () => {
  it('creates cards from test numbers and tokens with Stripe card details, and refuses real numbers', async () => {
    const { stripe } = emu;
    const visa = await stripe.paymentMethods.create({ type: 'card', card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2034, cvc: '123' } });
    expect(visa.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034, funding: 'credit', country: 'US', display_brand: 'visa' });
    expect(visa.card?.checks?.cvc_check).toBe('pass');
    const again = await stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2035 } });
    expect(again.card?.fingerprint).toBe(visa.card?.fingerprint);

    const amex = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_amex' } });
    expect(amex.card).toMatchObject({ brand: 'amex', last4: '0005', display_brand: 'american_express' });

    const real = await stripeError(stripe.paymentMethods.create({ type: 'card', card: { number: '4111111111111111', exp_month: 12, exp_year: 2034 } }));
    expect(real.statusCode).toBe(402);
    expect(real.decline_code).toBe('live_mode_test_card');
    const badLuhn = await stripeError(stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424241', exp_month: 12, exp_year: 2034 } }));
    expect(badLuhn.code).toBe('incorrect_number');
  });

  it('attaches pm_card_* tokens as new payment methods, lists them by customer, and detaches', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({ email: 'pm@example.com' });
    const a = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    const b = await stripe.paymentMethods.attach('pm_card_jcb', { customer: customer.id });
    expect(a.id).toMatch(/^pm_/);
    expect(a.card?.brand).toBe('mastercard');
    expect(b.card?.brand).toBe('jcb');
    const list = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(list.data.map((pm) => pm.id)).toEqual([b.id, a.id]);
    const viaCustomer = await stripe.customers.listPaymentMethods(customer.id);
    expect(viaCustomer.data).toHaveLength(2);

    const withDefault = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: a.id } });
    expect(withDefault.invoice_settings.default_payment_method).toBe(a.id);
    const expanded = await stripe.customers.retrieve(customer.id, { expand: ['invoice_settings.default_payment_method'] });
    if (expanded.deleted) throw new Error('unexpected deleted customer');
    expect(expanded.invoice_settings.default_payment_method).toMatchObject({ id: a.id, object: 'payment_method' });

    const detached = await stripe.paymentMethods.detach(a.id);
    expect(detached.customer).toBeNull();
    const after = await stripe.customers.retrieve(customer.id);
    if (after.deleted) throw new Error('unexpected deleted customer');
    expect(after.invoice_settings.default_payment_method).toBeNull();

    const declined = await stripeError(stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id }));
    expect(declined.statusCode).toBe(402);
    expect(declined.decline_code).toBe('generic_decline');
    const chargeFail = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    expect(chargeFail.customer).toBe(customer.id);
  });

  it('refuses a default payment method that is not attached to the customer', async () => {
    const customer = await emu.stripe.customers.create({});
    const pm = await emu.stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } });
    const err = await stripeError(emu.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } }));
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe('invoice_settings[default_payment_method]');
  });
});

describe('setup intents', () => {
  it('confirms with 4242 and attaches the card to the customer', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({ email: 'seti@example.com' });
    const si = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session' });
    expect(si.status).toBe('requires_payment_method');
    expect(si.client_secret).toMatch(new RegExp(`^${si.id}_secret_`));
    expect(si.payment_method_types).toEqual(['card']);
    const confirmed = await stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    const pmId = typeof confirmed.payment_method === 'string' ? confirmed.payment_method : '';
    const pm = await stripe.paymentMethods.retrieve(pmId);
    expect(pm.customer).toBe(customer.id);
  });

  it('answers a declined card with 402 and keeps last_setup_error', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: customer.id });
    const err = await stripeError(stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds' }));
    expect(err.statusCode).toBe(402);
    expect(err.type).toBe('StripeCardError');
    expect(err.code).toBe('card_declined');
    expect(err.decline_code).toBe('insufficient_funds');
    const after = await stripe.setupIntents.retrieve(si.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_setup_error).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds', type: 'card_error' });
    const pms = await stripe.paymentMethods.list({ customer: customer.id });
    expect(pms.data).toHaveLength(0);
  });

  it('requires 3D Secure for authentication cards; completing it succeeds, failing it does not', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_authenticationRequired', confirm: true, return_url: 'http://localhost:3000/back' });
    expect(si.status).toBe('requires_action');
    expect(si.next_action?.type).toBe('redirect_to_url');
    expect(si.next_action?.redirect_to_url?.url).toContain(`/_emulator/3ds/${si.id}`);
    const done = await control(`/_emulator/3ds/${si.id}/complete`);
    expect(done.status).toBe(200);
    const succeeded = await stripe.setupIntents.retrieve(si.id);
    expect(succeeded.status).toBe('succeeded');
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data).toHaveLength(1);

    const si2 = await stripe.setupIntents.create({ customer: customer.id });
    const pending = await stripe.setupIntents.confirm(si2.id, { payment_method: 'pm_card_threeDSecure2Required' });
    expect(pending.status).toBe('requires_action');
    expect(pending.next_action?.type).toBe('use_stripe_sdk');
    await control(`/_emulator/3ds/${si2.id}/fail`);
    const failed = await stripe.setupIntents.retrieve(si2.id);
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_setup_error?.code).toBe('setup_intent_authentication_failure');
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data).toHaveLength(1);

    const notPending = await control(`/_emulator/3ds/${si.id}/complete`);
    expect(notPending.status).toBe(400);
  });

  it('lets a publishable key retrieve and confirm only with the client secret', async () => {
    const si = await emu.stripe.setupIntents.create({});
    const pk = emu.client('pk_test_emulator');
    const fetched = await pk.setupIntents.retrieve(si.id, { client_secret: si.client_secret ?? '' });
    expect(fetched.id).toBe(si.id);
    const wrong = await stripeError(pk.setupIntents.retrieve(si.id, { client_secret: `${si.id}_secret_wrong` }));
    expect(wrong.param).toBe('client_secret');
    const confirmed = await pk.setupIntents.confirm(si.id, {
      client_secret: si.client_secret ?? '',
      payment_method_data: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
    } as Parameters<typeof pk.setupIntents.confirm>[1]);
    expect(confirmed.status).toBe('succeeded');
    const denied = await stripeError(pk.customers.list());
    expect(denied.statusCode).toBe(401);
  });
});

describe('payment intents', () => {
  it('charges 4242 with a succeeded charge and a receipt page', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', customer: customer.id, payment_method: 'pm_card_visa', confirm: true });
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2000);
    const charge = await stripe.charges.retrieve(typeof pi.latest_charge === 'string' ? pi.latest_charge : '');
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, amount: 2000, currency: 'usd', payment_intent: pi.id, customer: customer.id });
    const receipt = await rawRequest(emu.url, 'GET', new URL(charge.receipt_url ?? '').pathname, { key: null });
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('$20.00');
  });

  it('keeps JPY amounts in yen', async () => {
    const pi = await emu.stripe.paymentIntents.create({ amount: 1500, currency: 'jpy', payment_method: 'pm_card_jcb', confirm: true });
    expect(pi.amount_received).toBe(1500);
    const charge = await emu.stripe.charges.retrieve(typeof pi.latest_charge === 'string' ? pi.latest_charge : '');
    const receipt = await rawRequest(emu.url, 'GET', new URL(charge.receipt_url ?? '').pathname, { key: null });
    expect(receipt.text).toContain('¥1,500');
    const tooSmall = await stripeError(emu.stripe.paymentIntents.create({ amount: 49, currency: 'jpy' }));
    expect(tooSmall.code).toBe('amount_too_small');
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedLostCard', 'card_declined', 'lost_card'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
    ['pm_card_chargeDeclinedProcessingError', 'processing_error', 'processing_error'],
  ])('declines %s with %s / %s', async (token, code, declineCode) => {
    const { stripe } = emu;
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const err = await stripeError(stripe.paymentIntents.confirm(pi.id, { payment_method: token }));
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe(code);
    expect(err.decline_code).toBe(declineCode);
    expect(err.payment_intent?.id).toBe(pi.id);
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code, decline_code: declineCode });
    const charge = await stripe.charges.retrieve(typeof after.latest_charge === 'string' ? after.latest_charge : '');
    expect(charge.status).toBe('failed');
    expect(charge.failure_code).toBe(code);
  });

  it('fails off-session payments that need authentication, and succeeds after 3DS on session', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    // 4000002760003184 needs authentication on every transaction; attaching it directly is allowed.
    const pm = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    expect(pm.customer).toBe(customer.id);
    const offSession = await stripeError(
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id, payment_method: pm.id, confirm: true, off_session: true }),
    );
    expect(offSession.code).toBe('authentication_required');
    expect(offSession.decline_code).toBe('authentication_required');

    const onSession = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id, payment_method: pm.id, confirm: true });
    expect(onSession.status).toBe('requires_action');
    await control(`/_emulator/3ds/${onSession.id}/complete`);
    const done = await stripe.paymentIntents.retrieve(onSession.id);
    expect(done.status).toBe('succeeded');
  });

  it('cancels, and refuses to cancel a succeeded intent', async () => {
    const { stripe } = emu;
    const pi = await stripe.paymentIntents.create({ amount: 700, currency: 'eur' });
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const paid = await stripe.paymentIntents.create({ amount: 700, currency: 'eur', payment_method: 'pm_card_visa', confirm: true });
    const err = await stripeError(stripe.paymentIntents.cancel(paid.id));
    expect(err.code).toBe('payment_intent_unexpected_state');
  });

  it('lets a card set up with 3DS (4000002500003155) pay off-session without authentication', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session' });
    const pending = await stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_authenticationRequiredOnSetup' });
    expect(pending.status).toBe('requires_action');
    await control(`/_emulator/3ds/${si.id}/complete`);
    const setUp = await stripe.setupIntents.retrieve(si.id);
    expect(setUp.status).toBe('succeeded');
    const pmId = String(setUp.payment_method);

    const offSession = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd', customer: customer.id, payment_method: pmId, confirm: true, off_session: true });
    expect(offSession.status).toBe('succeeded');
    const onSession = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd', customer: customer.id, payment_method: pmId, confirm: true });
    expect(onSession.status).toBe('requires_action');
  });

  it('declines 4000008260003178 with insufficient_funds after a successful challenge', async () => {
    const { stripe } = emu;
    const pi = await stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds', confirm: true });
    expect(pi.status).toBe('requires_action');
    await control(`/_emulator/3ds/${pi.id}/complete`);
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  it('charges 4000000000000341 fail although the card attaches', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    const err = await stripeError(stripe.paymentIntents.create({ amount: 900, currency: 'usd', customer: customer.id, payment_method: pm.id, confirm: true, off_session: true }));
    expect(err.decline_code).toBe('generic_decline');
  });
});
