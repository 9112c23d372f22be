'use server';
// Starts adding a card: a SetupIntent for the organization's customer, whose client secret the Payment Element
// confirms in the browser (with 3-D Secure when the card asks for it).
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { startAddCardSchema } from '@/lib/billing/cards/card-schemas';
import { AppError } from '@/lib/errors';
import { createCardSetupIntent } from '@/lib/stripe/create-card-setup-intent';
import { orgActionClient } from '../safe-action';

export const startAddCardAction = orgActionClient
  .metadata({ actionName: 'startAddCard', permission: 'payment_methods:manage' })
  .inputSchema(startAddCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const customer = await getBillingCustomer({ organizationId: ctx.organization.id });
    if (!customer) throw new AppError('conflict', `organization ${ctx.organization.id} has no Stripe customer yet`);
    const intent = await createCardSetupIntent({ organizationId: ctx.organization.id, customerId: customer.customerId, attempt: parsedInput.attempt });
    if (!intent.client_secret) throw new AppError('stripe_error', `SetupIntent ${intent.id} has no client secret`);
    return { setupIntentId: intent.id, clientSecret: intent.client_secret };
  });
