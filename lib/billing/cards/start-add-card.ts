// Starts adding a card: a SetupIntent for the organization's customer, whose client secret the Payment Element
// confirms in the browser (with 3-D Secure when the card asks for it).
import 'server-only';
import type Stripe from 'stripe';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { AppError } from '@/lib/errors';
import { createCardSetupIntent } from '@/lib/stripe/create-card-setup-intent';

export async function startAddCard(
  params: { organizationId: string; attempt: string },
  stripe?: Stripe,
): Promise<{ setupIntentId: string; clientSecret: string }> {
  const customer = await getBillingCustomer({ organizationId: params.organizationId });
  if (!customer) throw new AppError('conflict', `organization ${params.organizationId} has no Stripe customer yet`);
  const intent = await createCardSetupIntent({ organizationId: params.organizationId, customerId: customer.customerId, attempt: params.attempt }, stripe);
  if (!intent.client_secret) throw new AppError('stripe_error', `SetupIntent ${intent.id} has no client secret`);
  return { setupIntentId: intent.id, clientSecret: intent.client_secret };
}
