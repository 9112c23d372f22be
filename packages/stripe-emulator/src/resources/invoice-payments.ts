// Invoice payments: POST /v1/invoices/:id/attach_payment (payment records), GET /v1/invoice_payments and
// /v1/invoice_payments/:id. Logic in billing/invoice-payments.ts.
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { presentInvoiceForEvent } from '../billing/invoice-ops.js';
import { allInvoicePayments, attachPaymentRecord, creditGuaranteedRecord, findInvoicePayment } from '../billing/invoice-payments.js';
import { onPaymentRecordGuaranteed } from '../payments/payment-records.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';

export function registerInvoicePayments(emu: Emulator): void {
  const engine = billingOf(emu);
  onPaymentRecordGuaranteed(emu, (record) => creditGuaranteedRecord(emu, engine, record));

  emu.router.api(
    'POST',
    '/v1/invoices/:id/attach_payment',
    { payment_record: p.string(), payment_intent: p.string() },
    ({ params, path }) => {
      if (params.payment_intent !== undefined) {
        throw invalidRequest('The Stripe emulator attaches payment records only; pay with the invoice\'s own PaymentIntent instead.', {
          param: 'payment_intent',
        });
      }
      if (params.payment_record === undefined) {
        throw invalidRequest('Pass payment_record (or payment_intent).', { param: 'payment_record' });
      }
      return presentInvoiceForEvent(attachPaymentRecord(emu, engine, path.id, params.payment_record));
    },
  );

  emu.router.api('GET', '/v1/invoice_payments/:id', {}, ({ path }) => {
    const payment = findInvoicePayment(emu, path.id);
    if (!payment) throw resourceMissing('invoice_payment', path.id, 'id');
    return payment;
  });

  emu.router.api(
    'GET',
    '/v1/invoice_payments',
    {
      ...listParams,
      created: p.range(),
      invoice: p.string(),
      status: p.enumOf(['canceled', 'open', 'paid'] as const),
      payment: p.object({
        type: p.required(p.enumOf(['payment_intent', 'payment_record'] as const)),
        payment_intent: p.string(),
        payment_record: p.string(),
      }),
    },
    ({ params, urlPath }) => {
      const idOf = (ref: string | { id: string } | undefined) => (ref === undefined ? undefined : typeof ref === 'string' ? ref : ref.id);
      const items = allInvoicePayments(emu).filter((ip) => {
        const invoice = typeof ip.invoice === 'string' ? ip.invoice : ip.invoice.id;
        if (params.invoice && invoice !== params.invoice) return false;
        if (params.status && ip.status !== params.status) return false;
        if (!matchesRange(ip.created, params.created)) return false;
        if (params.payment) {
          if (ip.payment.type !== params.payment.type) return false;
          if (params.payment.payment_intent && idOf(ip.payment.payment_intent) !== params.payment.payment_intent) return false;
          if (params.payment.payment_record && idOf(ip.payment.payment_record) !== params.payment.payment_record) return false;
        }
        return true;
      });
      return paginate(items, params, urlPath);
    },
  );
}
