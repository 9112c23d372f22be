// invoice.* — re-read the invoice with all its lines. A failed payment is recorded for the operators with the
// decline reason, so support can call the customer (reference business 1). A paid 30-day pass gets its validity
// here too when the browser flow did not record it (paid later from the invoice page, or any other way). A new
// draft of a customer or plan held for review gets auto_advance=false before it is mirrored (lib/billing/draft-review).
// Each event's customer and operator emails are put in the outbox by lib/notifications (idempotent).
import type Stripe from 'stripe';
import { settleSaleForInvoice } from '@/lib/connect/settle-sale';
import { holdDraftIfReviewed } from '@/lib/billing/draft-review/hold-draft';
import { recordPassValidity } from '@/lib/billing/purchases/record-pass-validity';
import { notifyInvoiceEvent } from '@/lib/notifications';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { retrieveOrNull } from '@/lib/stripe-sync/context';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { requestUsageFollowUp } from '@/lib/usage/follow-up';
import { eventObject, ignored, type EventHandler } from '../types';

export type PaymentFailure = { code: string | null; declineCode: string | null; message: string | null };

/**
 * Why the invoice's latest payment attempt failed: the `last_payment_error` of the PaymentIntent behind its
 * most recent payment (`payments` is includable on the invoice; the PaymentIntent is expanded in one read).
 */
export async function readInvoicePaymentFailure(stripe: Stripe, invoiceId: string): Promise<PaymentFailure> {
  const invoice = await retrieveOrNull(() => retrieveInvoice(invoiceId, stripe, { expand: ['payments.data.payment.payment_intent'] }));
  const payments = invoice?.payments?.data ?? [];
  const latest = [...payments].sort((a, b) => b.created - a.created).find((p) => typeof p.payment.payment_intent === 'object');
  const intent = latest?.payment.payment_intent;
  const error = intent && typeof intent === 'object' ? intent.last_payment_error : null;
  return { code: error?.code ?? null, declineCode: error?.decline_code ?? null, message: error?.message ?? null };
}

export const handleInvoiceEvent: EventHandler = async (event, { stripe, recordedAt }) => {
  const { id, customerId } = eventObject(event);
  // An invoice object without an id cannot be re-read: nothing to mirror.
  if (!id) return ignored;
  // `invoice.paid` comes for every paid invoice (a charge that succeeded, or paid outside Stripe), so the
  // `invoice.payment_succeeded` beside it has nothing left to do here (and no read to spend).
  if (event.type === 'invoice.paid') {
    const invoice = await retrieveOrNull(() => retrieveInvoice(id, stripe));
    if (invoice) await recordPassValidity(invoice, stripe);
    // A sale split between payees: their transfers go out (idempotent per sale·payee; a replay pays nobody twice).
    if (invoice) await settleSaleForInvoice(id, { stripe });
  }
  let held = false;
  if (event.type === 'invoice.created') {
    const invoice = await retrieveOrNull(() => retrieveInvoice(id, stripe));
    if (invoice) held = await holdDraftIfReviewed(invoice, stripe);
  }
  const result = await syncStripeInvoice(id, undefined, { stripe, customerId, unlessSyncedAfter: recordedAt });
  // A new invoice closes a period: the projection moves on to the next one.
  if (event.type === 'invoice.created' && result.organizationId) await requestUsageFollowUp(result.organizationId);
  if (held) {
    await notifyInvoiceEvent(event);
    return {
      outcome: 'processed',
      audit: [
        {
          organizationId: result.organizationId,
          actor: { type: 'stripe', id: event.id },
          action: 'invoice.held_for_review',
          target: { type: 'invoice', id },
          data: { customerId: result.customerId },
        },
      ],
    };
  }
  if (event.type !== 'invoice.payment_failed') {
    await notifyInvoiceEvent(event);
    return { outcome: 'processed' };
  }

  const invoice = event.data.object as Stripe.Invoice;
  const failure = await readInvoicePaymentFailure(stripe, id);
  await notifyInvoiceEvent(event, failure);
  return {
    outcome: 'processed',
    audit: [
      {
        organizationId: result.organizationId,
        actor: { type: 'stripe', id: event.id },
        action: 'invoice.payment_failed',
        target: { type: 'invoice', id },
        data: {
          customerId: result.customerId,
          number: invoice.number,
          amountDue: invoice.amount_due,
          currency: invoice.currency,
          attemptCount: invoice.attempt_count,
          nextPaymentAttempt: invoice.next_payment_attempt,
          failureCode: failure.code,
          declineCode: failure.declineCode,
          failureMessage: failure.message,
        },
      },
    ],
  };
};
