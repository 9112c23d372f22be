'use server';
// Owner chooses to pay by invoice (bank transfer) or by card.
import { revalidatePath } from 'next/cache';
import { changeCollectionMethod } from '@/lib/billing/subscriptions/change-collection-method';
import { orgActionClient } from '../safe-action';
import { changeCollectionMethodSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const changeCollectionMethodAction = orgActionClient
  .metadata({ actionName: 'changeCollectionMethod', permission: 'billing:manage' })
  .inputSchema(changeCollectionMethodSchema)
  .action(async ({ ctx, parsedInput }) => {
    await changeCollectionMethod({
      organization: ctx.organization,
      subscriptionId: parsedInput.subscriptionId,
      method: parsedInput.method,
      attempt: parsedInput.attempt,
      actorUserId: ctx.user.id,
    });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { ok: true as const };
  });
