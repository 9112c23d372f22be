'use server';
// After the customer completed 3-D Secure for an invoice payment in the browser: re-read the organization's
// billing from Stripe (the browser's word is not trusted) and, when the invoice is now paid, record it.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { finishInvoicePaymentSchema } from '@/lib/billing/invoices/finish-invoice-payment-schema';
import { AppError } from '@/lib/errors';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

export const finishInvoicePaymentAction = orgActionClient
  .metadata({ actionName: 'finishInvoicePayment', permission: 'billing:manage' })
  .inputSchema(finishInvoicePaymentSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const before = await getInvoiceForOrganization({ organizationId, invoiceId: parsedInput.invoiceId });
    const customer = await getBillingCustomer({ organizationId });
    if (!before || !customer) throw new AppError('not_found', `invoice ${parsedInput.invoiceId} is not ${organizationId}'s`);
    await syncStripeCustomer(customer.customerId);
    const after = await getInvoiceForOrganization({ organizationId, invoiceId: before.id });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    if (after?.status !== 'paid') throw new AppError('conflict', `invoice ${before.id} is ${after?.status ?? 'gone'} after authentication`);
    if (before.status !== 'paid') {
      await recordAudit({
        organizationId,
        actor: { type: 'user', id: ctx.user.id },
        action: 'invoice.paid_by_customer',
        target: { type: 'invoice', id: before.id },
        data: { number: before.number, amount: before.amountRemaining, currency: before.currency, authenticated: true },
      });
    }
    redirect(`/orgs/${organizationId}/invoices/${before.id}?paid=1`);
  });
