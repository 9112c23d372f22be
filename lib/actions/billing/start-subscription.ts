'use server';
// Starts checkout for a paid plan: returns the client secret the browser confirms with <PaymentElement>,
// nothing else. Owner and billing only; price, quantity and codes are checked against the mirror.
import { startSubscription } from '@/lib/billing/subscriptions/start-subscription';
import { orgActionClient } from '../safe-action';
import { startSubscriptionSchema } from '@/lib/billing/subscriptions/subscription-schemas';

export const startSubscriptionAction = orgActionClient
  .metadata({ actionName: 'startSubscription', permission: 'billing:manage' })
  .inputSchema(startSubscriptionSchema)
  .action(async ({ ctx, parsedInput }) =>
    startSubscription({
      organization: ctx.organization,
      priceId: parsedInput.priceId,
      quantity: parsedInput.quantity,
      promotionCodes: parsedInput.promotionCodes,
      attempt: parsedInput.attempt,
    }),
  );
