// Approving a held draft: finalize it (auto_advance back on, so Stripe's own collection and retries carry on) and,
// for a card customer, attempt the payment now. Keys come from the intent "approve this invoice", so a double
// click finalizes and charges once; a second approval after the first one synced is refused as already approved.
// A decline leaves the invoice open with the failed attempt, synced and audited, and the decline reason shown.
import 'server-only';
import type Stripe from 'stripe';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, toAppError } from '@/lib/errors';
import { finalizeInvoice } from '@/lib/stripe/finalize-invoice';
import { payInvoice } from '@/lib/stripe/pay-invoice';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { invoiceForOperator, invoiceSnapshot, requireOperatorCan, type Operator } from '../operator-invoices/run-invoice-action';

export async function approveHeldDraft(params: { invoiceId: string; operator: Operator }, stripe?: Stripe) {
  requireOperatorCan(params.operator, 'admin:review:manage');
  requireOperatorCan(params.operator, 'admin:invoices:manage');
  const before = await invoiceForOperator(params.invoiceId);
  if (before.status !== 'draft') {
    throw new AppError('conflict', `invoice ${before.id} is ${before.status}, not a draft`, {
      reason: 'invoice_status',
      userMessageKey: { key: 'adminInvoices.errors.notAllowed', valueKeys: { status: `invoiceStatus.${before.status}` } },
    });
  }
  const key = `operator:invoice:${before.id}:approve`;
  let failure: AppError | null = null;
  try {
    const finalized = await finalizeInvoice({ invoiceId: before.id, autoAdvance: true, idempotencyKey: `${key}:finalize` }, stripe);
    if (finalized.collection_method === 'charge_automatically' && finalized.status === 'open' && finalized.amount_remaining > 0) {
      await payInvoice({ invoiceId: before.id, idempotencyKey: `${key}:pay` }, stripe).catch((error: unknown) => {
        failure = toAppError(error);
      });
    }
  } catch (error) {
    await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId }).catch(() => {});
    throw toAppError(error);
  }
  await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId });
  const after = await invoiceForOperator(before.id);
  await recordAudit({
    organizationId: before.organizationId,
    actor: { type: 'operator', id: params.operator.userId },
    action: 'invoice.review_approved',
    target: { type: 'invoice', id: before.id },
    data: { number: after.number, before: invoiceSnapshot(before), after: invoiceSnapshot(after), paymentFailed: failure !== null },
  });
  if (failure) throw failure;
  return after;
}
