'use server';
// Takes back a scheduled cancellation before the period ends.
import { revalidatePath } from 'next/cache';
import { resumeSubscription } from '@/lib/billing/subscriptions/change-cancellation';
import { orgActionClient } from '../safe-action';
import { resumeSubscriptionSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const resumeSubscriptionAction = orgActionClient
  .metadata({ actionName: 'resumeSubscription', permission: 'billing:manage' })
  .inputSchema(resumeSubscriptionSchema)
  .action(async ({ ctx, parsedInput }) => {
    await resumeSubscription({ organization: ctx.organization, subscriptionId: parsedInput.subscriptionId, attempt: parsedInput.attempt, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { ok: true as const };
  });
