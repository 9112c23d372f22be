'use server';
// Finishes adding a card after the browser confirmed the SetupIntent (re-read from Stripe, not trusted).
import { revalidatePath } from 'next/cache';
import { finishAddCardSchema } from '@/lib/billing/cards/card-schemas';
import { finishAddCard } from '@/lib/billing/cards/finish-add-card';
import { orgActionClient } from '../safe-action';

export const finishAddCardAction = orgActionClient
  .metadata({ actionName: 'finishAddCard', permission: 'payment_methods:manage' })
  .inputSchema(finishAddCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await finishAddCard({ organizationId: ctx.organization.id, setupIntentId: parsedInput.setupIntentId, actorUserId: ctx.user.id });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return result;
  });
