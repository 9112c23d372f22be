'use server';
// Makes one of the organization's cards the one that pays its invoices and every live subscription.
import { revalidatePath } from 'next/cache';
import { makeDefaultCardSchema } from '@/lib/billing/cards/card-schemas';
import { makeDefaultCard } from '@/lib/billing/cards/make-default-card';
import { orgActionClient } from '../safe-action';

export const makeDefaultCardAction = orgActionClient
  .metadata({ actionName: 'makeDefaultCard', permission: 'payment_methods:manage' })
  .inputSchema(makeDefaultCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await makeDefaultCard({ organizationId: ctx.organization.id, paymentMethodId: parsedInput.paymentMethodId, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { paymentMethodId: result.paymentMethodId };
  });
