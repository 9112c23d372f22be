// A payee's connected account: v1, Express dashboard, described with controller properties as Stripe recommends
// over `type` (docs/connect.md says why not Accounts v2 yet). The platform pays the fees and carries the losses;
// Stripe collects the requirements through its hosted onboarding. Only the `transfers` capability: the platform
// charges the facility and transfers each payee's share (separate charges and transfers), so the payee never
// takes card payments itself. The caller's key comes from the payee's email: adding them twice finds one account.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createConnectedAccount(
  params: { email: string; name: string; country: string; payeeId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Account> {
  return stripe.accounts.create(
    {
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        requirement_collection: 'stripe',
        stripe_dashboard: { type: 'express' },
      },
      country: params.country,
      email: params.email,
      business_profile: { name: params.name },
      capabilities: { transfers: { requested: true } },
      metadata: { seikyu_payee_id: params.payeeId },
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
