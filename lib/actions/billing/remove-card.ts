'use server';
// Removes one of the organization's cards (never the last one of a paid plan; subscriptions move first).
import { revalidatePath } from 'next/cache';
import { removeCardSchema } from '@/lib/billing/cards/card-schemas';
import { removeCard } from '@/lib/billing/cards/remove-card';
import { orgActionClient } from '../safe-action';

export const removeCardAction = orgActionClient
  .metadata({ actionName: 'removeCard', permission: 'payment_methods:manage' })
  .inputSchema(removeCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await removeCard({ organizationId: ctx.organization.id, paymentMethodId: parsedInput.paymentMethodId, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { removed: result.removed };
  });
