'use server';
// Per-customer collection method and days until due (admins: admin:invoices:manage), and Resync from Stripe
// (support too). Both audited; the page shows the mirror as Stripe has it right after.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { DAYS_UNTIL_DUE_MAX, setCustomerCollection } from '@/lib/customers/collection-settings';
import { resyncCustomer } from '@/lib/customers/resync';
import { operatorActionClient } from '../safe-action';

const organizationId = z.string().min(1).max(100);

export const setCustomerCollectionAction = operatorActionClient
  .metadata({ actionName: 'setCustomerCollection', operatorPermission: 'admin:invoices:manage' })
  .inputSchema(
    z.object({
      organizationId,
      collectionMethod: z.enum(['charge_automatically', 'send_invoice']),
      daysUntilDue: z.coerce.number().int().min(0).max(DAYS_UNTIL_DUE_MAX).nullable(),
    }),
  )
  .action(async ({ ctx, parsedInput }) => {
    const { updated } = await setCustomerCollection({
      organizationId: parsedInput.organizationId,
      setting: { collectionMethod: parsedInput.collectionMethod, daysUntilDue: parsedInput.daysUntilDue },
      actor: { type: 'operator', id: ctx.user.id },
    });
    revalidatePath(`/admin/customers/${parsedInput.organizationId}`);
    return { updated: updated.length };
  });

export const resyncCustomerAction = operatorActionClient
  .metadata({ actionName: 'resyncCustomer', operatorPermission: 'admin:customers:resync' })
  .inputSchema(z.object({ organizationId }))
  .action(async ({ ctx, parsedInput }) => {
    const result = await resyncCustomer({ organizationId: parsedInput.organizationId, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath(`/admin/customers/${parsedInput.organizationId}`);
    return { subscriptions: result.subscriptions, invoices: result.invoices, paymentMethods: result.paymentMethods };
  });
