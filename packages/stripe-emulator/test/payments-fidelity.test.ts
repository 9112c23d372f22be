// Issue 7 §2: manual capture captures the charge; a detached PaymentMethod is never used again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function authorise(amount: number) {
  const customer = await emu.stripe.customers.create({ email: 'capture@example.com' });
  const intent = await emu.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    customer: customer.id,
    payment_method: 'pm_card_visa',
    capture_method: 'manual',
    confirm: true,
  });
  expect(intent.status).toBe('requires_capture');
  const charge = await emu.stripe.charges.retrieve(String(intent.latest_charge));
  // An authorisation moves no money: not captured, no balance transaction yet.
  expect(charge).toMatchObject({ captured: false, amount_captured: 0, balance_transaction: null, status: 'succeeded', paid: true });
  return intent;
}

async function eventTypesFor(objectId: string): Promise<string[]> {
  const events = await emu.stripe.events.list({ limit: 100 });
  return events.data.filter((e) => (e.data.object as { id?: string }).id === objectId).map((e) => e.type);
}

describe('capturing a capture_method=manual PaymentIntent', () => {
  it('in full: the charge is captured with its amount and a balance transaction, and charge.captured is sent', async () => {
    const intent = await authorise(5000);
    const captured = await emu.stripe.paymentIntents.capture(intent.id);
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 5000, amount_capturable: 0 });
    const charge = await emu.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 5000, amount_refunded: 0 });
    expect(charge.balance_transaction).toMatch(/^txn_/);
    expect(await eventTypesFor(charge.id)).toContain('charge.captured');
  });

  it('with amount_to_capture: only that amount is captured, the rest is released', async () => {
    const intent = await authorise(5000);
    const captured = await emu.stripe.paymentIntents.capture(intent.id, { amount_to_capture: 3000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 3000, amount_capturable: 0 });
    const charge = await emu.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount: 5000, amount_captured: 3000, amount_refunded: 2000 });
    expect(charge.balance_transaction).toMatch(/^txn_/);
  });

  it('an automatic capture still has its balance transaction at once', async () => {
    const intent = await emu.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const charge = await emu.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 1000 });
    expect(charge.balance_transaction).toMatch(/^txn_/);
  });
});

describe('a detached PaymentMethod', () => {
  it('cannot be attached again nor used to confirm a PaymentIntent or a SetupIntent', async () => {
    const customer = await emu.stripe.customers.create({ email: 'detached@example.com' });
    const pm = await emu.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await emu.stripe.paymentMethods.detach(pm.id);

    const reattach = await stripeError(emu.stripe.paymentMethods.attach(pm.id, { customer: customer.id }));
    expect(reattach.statusCode).toBe(400);
    expect(reattach.code).toBe('payment_method_unexpected_state');
    expect(reattach.message).toMatch(/detached from a Customer\. It may not be used again/);

    const pay = await stripeError(
      emu.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id, payment_method: pm.id, confirm: true }),
    );
    expect(pay.code).toBe('payment_method_unexpected_state');
    const intent = await emu.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id });
    const confirm = await stripeError(emu.stripe.paymentIntents.confirm(intent.id, { payment_method: pm.id }));
    expect(confirm.code).toBe('payment_method_unexpected_state');
    expect((await emu.stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

    const setup = await stripeError(emu.stripe.setupIntents.create({ customer: customer.id, payment_method: pm.id, confirm: true }));
    expect(setup.code).toBe('payment_method_unexpected_state');
    expect((await emu.stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
  });
});
