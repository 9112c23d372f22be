// Invoice payments: the payments attached to an invoice (`invoice.payments`, `/v1/invoice_payments`). Attaching a
// payment record credits the invoice once the record's money is guaranteed: `amount_paid` and
// `amount_paid_off_stripe` grow, `amount_remaining` shrinks; the last one turns the invoice paid through the same
// transition as `paid_out_of_band` (invoice-ops `markPaid`), so the subscription carries on.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { newId } from '../core/ids.js';
import { invalidRequest } from '../http/errors.js';
import { paymentRecordOutcome, retrievePaymentRecord } from '../payments/payment-records.js';
import type { BillingEngine } from './engine.js';
import { invoicesCollection } from './collections.js';

const EMPTY_PAYMENTS = { object: 'list' as const, data: [], has_more: false, url: '/v1/invoice_payments' };

function paymentsOf(inv: Stripe.Invoice): Stripe.ApiList<Stripe.InvoicePayment> {
  return inv.payments ?? EMPTY_PAYMENTS;
}

/** Every invoice payment, newest first (they live inside their invoices). */
export function allInvoicePayments(emu: Emulator): Stripe.InvoicePayment[] {
  return emu.store
    .all(invoicesCollection)
    .flatMap((inv) => paymentsOf(inv).data)
    .sort((a, b) => b.created - a.created);
}

export function findInvoicePayment(emu: Emulator, id: string): Stripe.InvoicePayment | undefined {
  return allInvoicePayments(emu).find((p) => p.id === id);
}

function recordIdOf(p: Stripe.InvoicePayment): string | null {
  const ref = p.payment.payment_record;
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

/** `POST /v1/invoices/:id/attach_payment` with a payment record. Validates everything before writing. */
export function attachPaymentRecord(emu: Emulator, engine: BillingEngine, invoiceId: string, recordId: string): Stripe.Invoice {
  const inv = engine.invoice(invoiceId, 'id');
  if (inv.status !== 'open' && inv.status !== 'uncollectible') {
    throw invalidRequest(`You can only attach a payment to an open invoice; this invoice is ${inv.status}.`, {
      code: 'invoice_not_editable',
    });
  }
  const record = retrievePaymentRecord(emu, recordId, 'payment_record');
  if (record.amount_requested.currency !== inv.currency) {
    throw invalidRequest(
      `The payment record's currency (${record.amount_requested.currency}) does not match the invoice's currency (${inv.currency}).`,
      { param: 'payment_record' },
    );
  }
  const outcome = paymentRecordOutcome(emu, record.id);
  if (outcome === 'failed' || outcome === 'canceled') {
    throw invalidRequest(`This payment record's latest attempt is ${outcome}; it cannot pay an invoice.`, { param: 'payment_record' });
  }
  if (allInvoicePayments(emu).some((p) => recordIdOf(p) === record.id)) {
    throw invalidRequest('This payment record is already attached to an invoice.', { param: 'payment_record' });
  }
  const amount = record.amount_requested.value;
  if (amount > inv.amount_remaining) {
    throw invalidRequest(
      `The payment record's amount (${amount}) is more than the invoice's amount remaining (${inv.amount_remaining}).`,
      { param: 'payment_record' },
    );
  }
  const at = engine.now(engine.customerIdOf(inv));
  const payment: Stripe.InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: amount,
    created: at,
    currency: inv.currency,
    invoice: inv.id,
    is_default: false,
    livemode: false,
    payment: { type: 'payment_record', payment_record: record.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
  const payments = paymentsOf(inv);
  const attached = engine.saveInvoice({ ...inv, payments: { ...payments, data: [...payments.data, payment] } });
  if (outcome !== 'guaranteed') {
    engine.invoiceOps().emit('invoice.updated', attached, inv);
    return engine.invoice(inv.id);
  }
  return creditInvoicePayment(emu, engine, inv.id, payment.id);
}

/** A record attached while pending became guaranteed: credit each invoice it is attached to. */
export function creditGuaranteedRecord(emu: Emulator, engine: BillingEngine, record: Stripe.PaymentRecord): void {
  for (const p of allInvoicePayments(emu)) {
    if (recordIdOf(p) !== record.id || p.status !== 'open') continue;
    const invoiceId = typeof p.invoice === 'string' ? p.invoice : p.invoice.id;
    const inv = emu.store.get(invoicesCollection, invoiceId);
    if (inv && (inv.status === 'open' || inv.status === 'uncollectible')) creditInvoicePayment(emu, engine, invoiceId, p.id);
  }
}

function creditInvoicePayment(emu: Emulator, engine: BillingEngine, invoiceId: string, paymentId: string): Stripe.Invoice {
  const inv = engine.invoice(invoiceId);
  const at = engine.now(engine.customerIdOf(inv));
  const payments = paymentsOf(inv);
  const entry = payments.data.find((p) => p.id === paymentId);
  if (!entry) throw new Error(`invoice payment ${paymentId} is not on ${invoiceId}`);
  const amount = Math.min(entry.amount_requested, inv.amount_remaining);
  const paidEntry: Stripe.InvoicePayment = { ...entry, amount_paid: amount, status: 'paid', status_transitions: { ...entry.status_transitions, paid_at: at } };
  const settles = amount >= inv.amount_remaining;
  const data = payments.data.map((p) => {
    if (p.id === paymentId) return paidEntry;
    // The invoice's own PaymentIntent is canceled when other money settles it.
    if (settles && p.status === 'open' && p.payment.type === 'payment_intent') {
      return { ...p, status: 'canceled', status_transitions: { ...p.status_transitions, canceled_at: at } };
    }
    return p;
  });
  if (settles) {
    engine.saveInvoice({ ...inv, payments: { ...payments, data } });
    engine.invoiceOps().markPaid(invoiceId, at, null);
  } else {
    const partial: Stripe.Invoice = {
      ...inv,
      amount_paid: inv.amount_paid + amount,
      amount_paid_off_stripe: (inv.amount_paid_off_stripe ?? 0) + amount,
      amount_remaining: inv.amount_remaining - amount,
      payments: { ...payments, data },
    };
    engine.saveInvoice(partial);
    engine.invoiceOps().emit('invoice.updated', partial, inv);
  }
  emu.events.emit('invoice_payment.paid', paidEntry, { customer: engine.customerIdOf(inv) });
  return engine.invoice(invoiceId);
}
