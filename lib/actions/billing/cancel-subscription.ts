'use server';
// Schedules the organization's subscription to end at its period end, with the customer's reason.
import { revalidatePath } from 'next/cache';
import { cancelAtPeriodEnd } from '@/lib/billing/subscriptions/change-cancellation';
import { orgActionClient } from '../safe-action';
import { cancelSubscriptionSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const cancelSubscriptionAction = orgActionClient
  .metadata({ actionName: 'cancelSubscription', permission: 'billing:manage' })
  .inputSchema(cancelSubscriptionSchema)
  .action(async ({ ctx, parsedInput }) => {
    await cancelAtPeriodEnd({
      organization: ctx.organization,
      subscriptionId: parsedInput.subscriptionId,
      reason: parsedInput.reason,
      comment: parsedInput.comment || null,
      attempt: parsedInput.attempt,
      actorUserId: ctx.user.id,
    });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { ok: true as const };
  });
