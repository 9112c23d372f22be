// After the customer completed 3-D Secure for an invoice payment in the browser: re-read the organization's
// billing from Stripe (the browser's word is not trusted) and, when the invoice is now paid, record it.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { syncStripeCustomer } from '@/lib/stripe-sync';

/** Resolves with the paid invoice's id; rejects with `conflict` when Stripe does not have it paid. */
export async function finishInvoicePayment(
  params: { organizationId: string; invoiceId: string; actorUserId: string },
  stripe?: Stripe,
): Promise<{ invoiceId: string }> {
  const { organizationId } = params;
  const before = await getInvoiceForOrganization({ organizationId, invoiceId: params.invoiceId });
  const customer = await getBillingCustomer({ organizationId });
  if (!before || !customer) throw new AppError('not_found', `invoice ${params.invoiceId} is not ${organizationId}'s`);
  await syncStripeCustomer(customer.customerId, undefined, { stripe });
  const after = await getInvoiceForOrganization({ organizationId, invoiceId: before.id });
  if (after?.status !== 'paid') throw new AppError('conflict', `invoice ${before.id} is ${after?.status ?? 'gone'} after authentication`);
  if (before.status !== 'paid') {
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: params.actorUserId },
      action: 'invoice.paid_by_customer',
      target: { type: 'invoice', id: before.id },
      data: { number: before.number, amount: before.amountRemaining, currency: before.currency, authenticated: true },
    });
  }
  return { invoiceId: before.id };
}
