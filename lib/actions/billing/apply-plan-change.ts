'use server';
// Applies the previewed plan change exactly (items and proration date from the signed preview).
import { revalidatePath } from 'next/cache';
import { applyPlanChange } from '@/lib/billing/subscriptions/plan-change';
import { orgActionClient } from '../safe-action';
import { applyPlanChangeSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const applyPlanChangeAction = orgActionClient
  .metadata({ actionName: 'applyPlanChange', permission: 'billing:manage' })
  .inputSchema(applyPlanChangeSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await applyPlanChange({ organization: ctx.organization, token: parsedInput.token, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return result;
  });
