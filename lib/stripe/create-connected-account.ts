// A payee's connected account: v1 Express (docs/connect.md says why not Accounts v2 yet), with only the
// `transfers` capability — the platform charges the facility and transfers each payee's share (separate charges
// and transfers), so the payee never takes card payments itself. The key comes from the payee row: adding the
// same payee again finds the same account.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createConnectedAccount(
  params: { email: string; name: string; country: string; payeeId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Account> {
  return stripe.accounts.create(
    {
      type: 'express',
      country: params.country,
      email: params.email,
      business_profile: { name: params.name },
      capabilities: { transfers: { requested: true } },
      metadata: { seikyu_payee_id: params.payeeId },
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
