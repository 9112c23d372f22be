// Maps invoice payments (with the payment record behind an off-Stripe one) and credit notes to mirror rows. Pure.
import type Stripe from 'stripe';
import type { stripeCreditNotes, stripeInvoicePayments } from '@/db/schema';
import { fromUnix, idOf, snapshot } from './map-shared';

export function mapInvoicePayment(
  payment: Stripe.InvoicePayment,
  record: Stripe.PaymentRecord | null,
  customerId: string,
  organizationId: string | null,
): typeof stripeInvoicePayments.$inferInsert {
  return {
    id: payment.id,
    invoiceId: idOf(payment.invoice) ?? '',
    customerId,
    organizationId,
    type: payment.payment.type,
    paymentRecordId: idOf(payment.payment.payment_record),
    status: payment.status,
    currency: payment.currency,
    amountRequested: payment.amount_requested,
    amountPaid: payment.amount_paid,
    methodLabel: record?.payment_method_details?.custom?.display_name ?? null,
    reference: record?.processor_details.custom?.payment_reference ?? null,
    receivedAt: fromUnix(record ? (record.metadata?.received_at ? Number(record.metadata.received_at) : record.created) : payment.status_transitions.paid_at),
    paidAt: fromUnix(payment.status_transitions.paid_at),
    stripeCreated: fromUnix(payment.created),
    data: snapshot({ payment, record }),
  };
}

export function mapCreditNote(note: Stripe.CreditNote, organizationId: string | null): typeof stripeCreditNotes.$inferInsert {
  const refund = note.refunds.reduce((sum, r) => sum + r.amount_refunded, 0);
  const outOfBand = note.out_of_band_amount ?? 0;
  return {
    id: note.id,
    invoiceId: idOf(note.invoice) ?? '',
    customerId: idOf(note.customer) ?? '',
    organizationId,
    number: note.number,
    status: note.status,
    type: note.type,
    reason: note.reason,
    memo: note.memo,
    currency: note.currency,
    total: note.total,
    creditAmount: note.type === 'pre_payment' ? 0 : note.total - refund - outOfBand,
    refundAmount: refund,
    outOfBandAmount: outOfBand,
    pdf: note.pdf,
    voidedAt: fromUnix(note.voided_at),
    stripeCreated: fromUnix(note.created),
    data: snapshot(note),
  };
}
