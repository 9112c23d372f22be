'use server';
// After 3-D Secure for an invoice payment: re-read from Stripe and, once paid, show the paid invoice.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { finishInvoicePaymentSchema } from '@/lib/billing/invoices/finish-invoice-payment-schema';
import { finishInvoicePayment } from '@/lib/billing/invoices/finish-invoice-payment';
import { orgActionClient } from '../safe-action';

export const finishInvoicePaymentAction = orgActionClient
  .metadata({ actionName: 'finishInvoicePayment', permission: 'billing:manage' })
  .inputSchema(finishInvoicePaymentSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const finished = await finishInvoicePayment({ organizationId, invoiceId: parsedInput.invoiceId, actorUserId: ctx.user.id }).finally(() =>
      revalidatePath(`/orgs/${organizationId}`, 'layout'),
    );
    redirect(`/orgs/${organizationId}/invoices/${finished.invoiceId}?paid=1`);
  });
