// Scenarios: payments made outside Stripe reported as Payment Records and attached to invoices — partial then
// full payment turns a bank-transfer invoice paid and keeps the subscription active; the attempt variants; the
// refusals (more than remaining, another currency, a failed record, a paid invoice) change nothing.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { createPlan, customerWithCard, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const NOW = Math.floor(Date.now() / 1000);

async function openBankTransferInvoice(currency = 'jpy', amount = 12_000): Promise<{ invoice: Stripe.Invoice; sub: Stripe.Subscription; customer: string }> {
  const { stripe } = emu;
  const price = await createPlan(stripe, { amount, currency });
  const { customer } = await customerWithCard(stripe, null);
  const sub = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: price.id }],
    collection_method: 'send_invoice',
    days_until_due: 30,
    expand: ['latest_invoice'],
  });
  const invoice = sub.latest_invoice;
  if (!invoice || typeof invoice === 'string') throw new Error('expected invoice');
  return { invoice, sub, customer: customer.id };
}

function bankTransfer(customer: string, value: number, currency = 'jpy', reference = 'MIZUHO-0001'): Stripe.PaymentRecordReportPaymentParams {
  return {
    amount_requested: { currency, value },
    initiated_at: NOW,
    customer_details: { customer },
    payment_method_details: { type: 'custom', custom: { display_name: 'Bank transfer' } },
    processor_details: { type: 'custom', custom: { payment_reference: reference } },
    outcome: 'guaranteed',
    guaranteed: { guaranteed_at: NOW },
  };
}

describe('[admin] payment records paying a bank-transfer invoice', () => {
  it('records a guaranteed payment with its custom payment method and reference, and lists it', async () => {
    const { stripe } = emu;
    const { customer } = await openBankTransferInvoice();
    const record = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 5_000));
    expect(record.id).toMatch(/^pr_/);
    expect(record.amount_guaranteed).toEqual({ currency: 'jpy', value: 5_000 });
    expect(record.payment_method_details?.custom).toEqual({ display_name: 'Bank transfer', type: null });
    expect(record.processor_details.custom?.payment_reference).toBe('MIZUHO-0001');
    expect(record.reported_by).toBe('self');
    expect((await stripe.paymentRecords.retrieve(record.id)).amount.value).toBe(5_000);
    const listed = await stripe.paymentRecords.list({ limit: 100 });
    expect(listed.data.map((r) => r.id)).toContain(record.id);
  });

  it('a partial payment leaves the rest due; the rest turns the invoice paid off Stripe and the subscription stays active', async () => {
    const { stripe } = emu;
    const { invoice, sub, customer } = await openBankTransferInvoice();
    const first = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 5_000));
    const partial = await stripe.invoices.attachPayment(invoice.id, { payment_record: first.id });
    expect(partial.status).toBe('open');
    expect(partial.amount_paid).toBe(5_000);
    expect(partial.amount_remaining).toBe(7_000);
    expect(partial.amount_paid_off_stripe).toBe(5_000);

    const rest = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 7_000, 'jpy', 'MIZUHO-0002'));
    const paid = await stripe.invoices.attachPayment(invoice.id, { payment_record: rest.id, expand: ['payments'] });
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(12_000);
    expect(paid.amount_remaining).toBe(0);
    expect(paid.amount_paid_off_stripe).toBe(12_000);
    expect(paid.payments?.data.map((p) => [p.payment.payment_record, p.amount_paid, p.status])).toEqual([
      [first.id, 5_000, 'paid'],
      [rest.id, 7_000, 'paid'],
    ]);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');

    const payments = await stripe.invoicePayments.list({ invoice: invoice.id });
    expect(payments.data).toHaveLength(2);
    const byRecord = await stripe.invoicePayments.list({ payment: { type: 'payment_record', payment_record: rest.id } });
    expect(byRecord.data.map((p) => p.amount_paid)).toEqual([7_000]);
    expect((await stripe.invoicePayments.retrieve(byRecord.data[0]!.id)).invoice).toBe(invoice.id);

    expect(await eventTypesFor(stripe, invoice.id, 'invoice.')).toEqual(
      expect.arrayContaining(['invoice.updated', 'invoice.paid']),
    );
    const paidEvents = await stripe.events.list({ type: 'invoice_payment.paid', limit: 100 });
    const paidIds = paidEvents.data.map((e) => (e.data.object as Stripe.InvoicePayment).invoice);
    expect(paidIds.filter((id) => id === invoice.id)).toHaveLength(2);
  });

  it('credits a pending record when its attempt becomes guaranteed; failed attempts pay nothing', async () => {
    const { stripe } = emu;
    const { invoice, customer } = await openBankTransferInvoice();
    const pending = await stripe.paymentRecords.reportPayment({
      ...bankTransfer(customer, 12_000),
      outcome: undefined,
      guaranteed: undefined,
    });
    expect(pending.amount_guaranteed.value).toBe(0);
    const attached = await stripe.invoices.attachPayment(invoice.id, { payment_record: pending.id });
    expect(attached.status).toBe('open');
    expect(attached.amount_remaining).toBe(12_000);

    const failed = await stripe.paymentRecords.reportPaymentAttemptFailed(pending.id, { failed_at: NOW });
    expect(failed.amount_failed.value).toBe(12_000);
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('open');

    const retry = await stripe.paymentRecords.reportPaymentAttempt(pending.id, { initiated_at: NOW });
    expect(retry.latest_payment_attempt_record).not.toBe(pending.latest_payment_attempt_record);
    const guaranteed = await stripe.paymentRecords.reportPaymentAttemptGuaranteed(pending.id, { guaranteed_at: NOW });
    expect(guaranteed.amount_guaranteed.value).toBe(12_000);
    const after = await stripe.invoices.retrieve(invoice.id);
    expect(after.status).toBe('paid');
    expect(after.amount_paid_off_stripe).toBe(12_000);

    const again = await stripeError(stripe.paymentRecords.reportPaymentAttemptGuaranteed(pending.id, { guaranteed_at: NOW }));
    expect(again.statusCode).toBe(400);
    const informed = await stripe.paymentRecords.reportPaymentAttemptInformational(pending.id, { description: 'Received at branch' });
    expect(informed.description).toBe('Received at branch');
    const canceled = await stripe.paymentRecords.reportPayment({ ...bankTransfer(customer, 100), outcome: undefined, guaranteed: undefined });
    expect((await stripe.paymentRecords.reportPaymentAttemptCanceled(canceled.id, { canceled_at: NOW })).amount_canceled.value).toBe(100);
    const refunded = await stripe.paymentRecords.reportRefund(pending.id, {
      outcome: 'refunded',
      processor_details: { type: 'custom', custom: { refund_reference: 'RF-1' } },
      amount: { currency: 'jpy', value: 2_000 },
    });
    expect(refunded.amount_refunded.value).toBe(2_000);
  });

  it('refuses more than the amount remaining, another currency, a failed record, a reused record and a paid invoice, changing nothing', async () => {
    const { stripe } = emu;
    const { invoice, customer } = await openBankTransferInvoice();
    const tooMuch = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 12_001));
    const overpay = await stripeError(stripe.invoices.attachPayment(invoice.id, { payment_record: tooMuch.id }));
    expect(overpay.statusCode).toBe(400);
    expect(overpay.message).toContain('more than the invoice');

    const usd = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 100, 'usd'));
    const currency = await stripeError(stripe.invoices.attachPayment(invoice.id, { payment_record: usd.id }));
    expect(currency.message).toContain('currency');

    const failing = await stripe.paymentRecords.reportPayment({ ...bankTransfer(customer, 100), outcome: 'failed', guaranteed: undefined, failed: { failed_at: NOW } });
    expect((await stripeError(stripe.invoices.attachPayment(invoice.id, { payment_record: failing.id }))).statusCode).toBe(400);

    const unchanged = await stripe.invoices.retrieve(invoice.id, { expand: ['payments'] });
    expect(unchanged.amount_remaining).toBe(12_000);
    expect(unchanged.amount_paid).toBe(0);
    expect(unchanged.payments?.data).toHaveLength(0);

    const full = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 12_000));
    await stripe.invoices.attachPayment(invoice.id, { payment_record: full.id });
    const other = await openBankTransferInvoice();
    const reused = await stripeError(stripe.invoices.attachPayment(other.invoice.id, { payment_record: full.id }));
    expect(reused.message).toContain('already attached');
    const late = await stripe.paymentRecords.reportPayment(bankTransfer(customer, 1));
    const paidInvoice = await stripeError(stripe.invoices.attachPayment(invoice.id, { payment_record: late.id }));
    expect(paidInvoice.message).toContain('this invoice is paid');

    const badInput = await stripeError(stripe.paymentRecords.reportPayment(bankTransfer(customer, 0)));
    expect(badInput.param).toBe('amount_requested[value]');
    const badType = await stripeError(
      stripe.paymentRecords.reportPayment({ ...bankTransfer(customer, 10), payment_method_details: { type: 'custom', custom: { type: 'wire' } } }),
    );
    expect(badType.param).toBe('payment_method_details[custom][type]');
  });
});
