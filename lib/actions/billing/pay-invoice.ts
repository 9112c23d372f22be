'use server';
// Pays one of the organization's open invoices with its default card, then shows the paid invoice.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { payInvoiceSchema } from '@/lib/billing/invoices/pay-invoice-schema';
import { payOrganizationInvoice, type PayInvoiceResult } from '@/lib/billing/invoices/pay-invoice';
import { orgActionClient } from '../safe-action';

export const payInvoiceAction = orgActionClient
  .metadata({ actionName: 'payInvoice', permission: 'billing:manage' })
  .inputSchema(payInvoiceSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const path = `/orgs/${organizationId}/invoices`;
    let result: PayInvoiceResult;
    try {
      result = await payOrganizationInvoice({ organizationId, invoiceId: parsedInput.invoiceId, attempt: parsedInput.attempt, actorUserId: ctx.user.id });
    } catch (error) {
      // A decline was synced: the page shows the failed attempt.
      revalidatePath(path, 'layout');
      throw error;
    }
    if (result.outcome === 'requires_action') return { requiresAction: true as const, clientSecret: result.clientSecret };
    if (result.outcome === 'paid') {
      revalidatePath(path, 'layout');
      revalidatePath(`/orgs/${organizationId}`);
    }
    // The pay button disappears with the open invoice; the page says thank you instead.
    redirect(`/orgs/${organizationId}/invoices/${result.invoiceId}?paid=1`);
  });
