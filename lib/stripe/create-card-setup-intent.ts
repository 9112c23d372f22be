// A SetupIntent for saving a card for later (off-session) payments, confirmed in the browser with the Payment
// Element. The key names the organization and the attempt the page issued, so a double click makes one intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createCardSetupIntent(
  params: { organizationId: string; customerId: string; attempt: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.SetupIntent> {
  return stripe.setupIntents.create(
    {
      customer: params.customerId,
      usage: 'off_session',
      allowed_payment_method_types: ['card'],
      metadata: { organization_id: params.organizationId, seikyu_intent: 'add_card' },
    },
    { idempotencyKey: `org:${params.organizationId}:add-card:${params.attempt}` },
  );
}
