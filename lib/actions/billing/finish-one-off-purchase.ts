'use server';
// Called once Stripe.js confirmed a one-off purchase: re-reads the invoice from Stripe, records the pass's
// validity, syncs the mirror and records the purchase in the organization's activity.
import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/lib/audit/record-audit';
import { finishOneOffPurchase } from '@/lib/billing/purchases/one-off-purchase';
import { finishOneOffPurchaseSchema } from '@/lib/billing/purchases/purchase-schemas';
import { orgActionClient } from '../safe-action';

export const finishOneOffPurchaseAction = orgActionClient
  .metadata({ actionName: 'finishOneOffPurchase', permission: 'billing:manage' })
  .inputSchema(finishOneOffPurchaseSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await finishOneOffPurchase({ organization: ctx.organization, invoiceId: parsedInput.invoiceId });
    if (result.status === 'paid') {
      await recordAudit({
        organizationId: ctx.organization.id,
        actor: { type: 'user', id: ctx.user.id },
        action: 'purchase.paid',
        target: { type: 'invoice', id: result.invoiceId },
        data: result.passValidUntil ? { passValidUntil: result.passValidUntil } : {},
      });
    }
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { status: result.status, invoiceId: result.invoiceId };
  });
