'use server';
// Starts adding a card: returns the SetupIntent's client secret for the Payment Element.
import { startAddCardSchema } from '@/lib/billing/cards/card-schemas';
import { startAddCard } from '@/lib/billing/cards/start-add-card';
import { orgActionClient } from '../safe-action';

export const startAddCardAction = orgActionClient
  .metadata({ actionName: 'startAddCard', permission: 'payment_methods:manage' })
  .inputSchema(startAddCardSchema)
  .action(async ({ ctx, parsedInput }) => startAddCard({ organizationId: ctx.organization.id, attempt: parsedInput.attempt }));
