'use server';
// Saves the organization's billing details to its Stripe customer. Bad input returns field errors and changes
// nothing.
import { revalidatePath } from 'next/cache';
import { updateBillingDetailsSchema } from '@/lib/billing/details/billing-details-schema';
import { updateBillingDetails } from '@/lib/billing/details/update-billing-details';
import { orgActionClient } from '../safe-action';

export const updateBillingDetailsAction = orgActionClient
  .metadata({ actionName: 'updateBillingDetails', permission: 'organization:update' })
  .inputSchema(updateBillingDetailsSchema)
  .action(async ({ ctx, parsedInput }) => {
    const { changed } = await updateBillingDetails({ organizationId: ctx.organization.id, input: parsedInput, actorUserId: ctx.user.id });
    if (changed.length > 0) revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { saved: true as const, changed };
  });
