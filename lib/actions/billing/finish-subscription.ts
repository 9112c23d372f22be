'use server';
// Called by the checkout once Stripe.js confirmed the first payment: verifies with Stripe, retires the free
// tier, syncs the mirror and records the change.
import { revalidatePath } from 'next/cache';
import { finishSubscription } from '@/lib/billing/subscriptions/finish-subscription';
import { orgActionClient } from '../safe-action';
import { finishSubscriptionSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const finishSubscriptionAction = orgActionClient
  .metadata({ actionName: 'finishSubscription', permission: 'billing:manage' })
  .inputSchema(finishSubscriptionSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await finishSubscription({ organization: ctx.organization, subscriptionId: parsedInput.subscriptionId, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { status: result.status };
  });
