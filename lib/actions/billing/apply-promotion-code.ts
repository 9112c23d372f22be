'use server';
// Adds a promotion code to the organization's subscription after checkout.
import { revalidatePath } from 'next/cache';
import { applyPromotionCode } from '@/lib/billing/subscriptions/apply-promotion-code';
import { orgActionClient } from '../safe-action';
import { applyPromotionCodeSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const applyPromotionCodeAction = orgActionClient
  .metadata({ actionName: 'applyPromotionCode', permission: 'billing:manage' })
  .inputSchema(applyPromotionCodeSchema)
  .action(async ({ ctx, parsedInput }) => {
    await applyPromotionCode({ organization: ctx.organization, subscriptionId: parsedInput.subscriptionId, code: parsedInput.code, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { ok: true as const };
  });
