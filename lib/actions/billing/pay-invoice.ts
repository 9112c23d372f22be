'use server';
// Pays one of the organization's open invoices with its default card. The invoice id is looked up in the
// mirror scoped to the organization (another organization's id is not found); the amount is Stripe's.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { canPayInvoiceOnline } from '@/lib/billing/invoices/invoice-details';
import { payInvoiceSchema } from '@/lib/billing/invoices/pay-invoice-schema';
import { AppError, toAppError } from '@/lib/errors';
import { payInvoice } from '@/lib/stripe/pay-invoice';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

/** The client secret of the invoice's PaymentIntent when Stripe answered that it needs the customer's action. */
function authenticationSecretOf(error: unknown): string | null {
  const stripeError = error as { code?: unknown; payment_intent?: { client_secret?: unknown } } | null;
  if (stripeError?.code !== 'invoice_payment_intent_requires_action') return null;
  const secret = stripeError.payment_intent?.client_secret;
  return typeof secret === 'string' ? secret : null;
}

export const payInvoiceAction = orgActionClient
  .metadata({ actionName: 'payInvoice', permission: 'billing:manage' })
  .inputSchema(payInvoiceSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const invoice = await getInvoiceForOrganization({ organizationId, invoiceId: parsedInput.invoiceId });
    if (!invoice) throw new AppError('not_found', `invoice ${parsedInput.invoiceId} is not ${organizationId}'s`);
    // A second submit that arrives after the first one paid and synced: the intent is already fulfilled.
    if (invoice.status === 'paid') redirect(`/orgs/${organizationId}/invoices/${invoice.id}?paid=1`);
    if (!canPayInvoiceOnline(invoice)) throw new AppError('conflict', `invoice ${invoice.id} is ${invoice.status}`);
    const customer = await getBillingCustomer({ organizationId });
    if (!customer?.defaultPaymentMethodId) throw new AppError('invalid_input', 'no default card', { userMessage: (await getTranslations('invoices'))('noDefaultCard') });

    const path = `/orgs/${organizationId}/invoices`;
    try {
      await payInvoice({
        invoiceId: invoice.id,
        paymentMethodId: customer.defaultPaymentMethodId,
        idempotencyKey: `org:${organizationId}:invoice:${invoice.id}:pay:${parsedInput.attempt}`,
      });
    } catch (error) {
      // The bank wants 3-D Secure: hand the PaymentIntent's client secret to Stripe.js, then finishInvoicePayment.
      const clientSecret = authenticationSecretOf(error);
      if (clientSecret) return { requiresAction: true as const, clientSecret };
      // A decline leaves a failed attempt on the invoice: show it, and let the page issue a new attempt.
      await syncStripeCustomer(customer.customerId).catch(() => {});
      revalidatePath(path, 'layout');
      throw toAppError(error);
    }
    await syncStripeCustomer(customer.customerId);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'invoice.paid_by_customer',
      target: { type: 'invoice', id: invoice.id },
      data: { number: invoice.number, amount: invoice.amountRemaining, currency: invoice.currency },
    });
    revalidatePath(path, 'layout');
    revalidatePath(`/orgs/${organizationId}`);
    // The pay button disappears with the open invoice; the page says thank you instead.
    redirect(`/orgs/${organizationId}/invoices/${invoice.id}?paid=1`);
  });
