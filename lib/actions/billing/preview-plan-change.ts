'use server';
// Shows what a plan change would charge or credit now and the next invoice, before anything changes.
import { getLocale } from 'next-intl/server';
import { previewPlanChange } from '@/lib/billing/subscriptions/plan-change';
import { orgActionClient } from '../safe-action';
import { previewPlanChangeSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const previewPlanChangeAction = orgActionClient
  .metadata({ actionName: 'previewPlanChange', permission: 'billing:manage' })
  .inputSchema(previewPlanChangeSchema)
  .action(async ({ ctx, parsedInput }) =>
    previewPlanChange({
      organization: ctx.organization,
      subscriptionId: parsedInput.subscriptionId,
      priceId: parsedInput.priceId,
      quantity: parsedInput.quantity,
      locale: await getLocale(),
    }),
  );
