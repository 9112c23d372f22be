'use server';
// Starts buying a one-off item or the 30-day pass: returns only the client secret of the one-off invoice's
// PaymentIntent for <PaymentElement>. Owner and billing only; the price is looked up in the mirror.
import { startOneOffPurchase } from '@/lib/billing/purchases/one-off-purchase';
import { startOneOffPurchaseSchema } from '@/lib/billing/purchases/purchase-schemas';
import { orgActionClient } from '../safe-action';

export const startOneOffPurchaseAction = orgActionClient
  .metadata({ actionName: 'startOneOffPurchase', permission: 'billing:manage' })
  .inputSchema(startOneOffPurchaseSchema)
  .action(async ({ ctx, parsedInput }) =>
    startOneOffPurchase({ organization: ctx.organization, priceId: parsedInput.priceId, attempt: parsedInput.attempt }),
  );
