// Pays one of the organization's open invoices with its default card. The invoice id is looked up in the mirror
// scoped to the organization (another organization's id is not found); the amount is Stripe's. A decline leaves
// a failed attempt on the invoice, synced so the page shows it; 3-D Secure hands back the PaymentIntent's secret.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, toAppError } from '@/lib/errors';
import { payInvoice } from '@/lib/stripe/pay-invoice';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { canPayInvoiceOnline } from './invoice-details';

export type PayInvoiceResult =
  | { outcome: 'paid'; invoiceId: string }
  /** A second submit that arrives after the first one paid and synced: the intent is already fulfilled. */
  | { outcome: 'already_paid'; invoiceId: string }
  /** The bank wants 3-D Secure: Stripe.js confirms this secret, then finishInvoicePayment. */
  | { outcome: 'requires_action'; invoiceId: string; clientSecret: string };

/** The client secret of the invoice's PaymentIntent when Stripe answered that it needs the customer's action. */
function authenticationSecretOf(error: unknown): string | null {
  const stripeError = error as { code?: unknown; payment_intent?: { client_secret?: unknown } } | null;
  if (stripeError?.code !== 'invoice_payment_intent_requires_action') return null;
  const secret = stripeError.payment_intent?.client_secret;
  return typeof secret === 'string' ? secret : null;
}

export async function payOrganizationInvoice(
  params: { organizationId: string; invoiceId: string; attempt: string; actorUserId: string },
  stripe?: Stripe,
): Promise<PayInvoiceResult> {
  const { organizationId } = params;
  const invoice = await getInvoiceForOrganization({ organizationId, invoiceId: params.invoiceId });
  if (!invoice) throw new AppError('not_found', `invoice ${params.invoiceId} is not ${organizationId}'s`);
  if (invoice.status === 'paid') return { outcome: 'already_paid', invoiceId: invoice.id };
  if (!canPayInvoiceOnline(invoice)) throw new AppError('conflict', `invoice ${invoice.id} is ${invoice.status}`);
  const customer = await getBillingCustomer({ organizationId });
  if (!customer?.defaultPaymentMethodId) {
    throw new AppError('invalid_input', 'no default card', { reason: 'no_default_card', userMessageKey: { key: 'invoices.noDefaultCard' } });
  }

  try {
    await payInvoice(
      {
        invoiceId: invoice.id,
        paymentMethodId: customer.defaultPaymentMethodId,
        idempotencyKey: `org:${organizationId}:invoice:${invoice.id}:pay:${params.attempt}`,
      },
      stripe,
    );
  } catch (error) {
    const clientSecret = authenticationSecretOf(error);
    if (clientSecret) return { outcome: 'requires_action', invoiceId: invoice.id, clientSecret };
    // A decline leaves a failed attempt on the invoice: show it, and let the page issue a new attempt.
    await syncStripeCustomer(customer.customerId, undefined, { stripe }).catch(() => {});
    throw toAppError(error);
  }
  await syncStripeCustomer(customer.customerId, undefined, { stripe });
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: params.actorUserId },
    action: 'invoice.paid_by_customer',
    target: { type: 'invoice', id: invoice.id },
    data: { number: invoice.number, amount: invoice.amountRemaining, currency: invoice.currency },
  });
  return { outcome: 'paid', invoiceId: invoice.id };
}
