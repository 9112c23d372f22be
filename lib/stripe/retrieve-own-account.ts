// The Stripe account the portal runs on (GET /v1/account): its id tells our account from any other.
import type Stripe from 'stripe';

export async function retrieveOwnAccount(stripe: Stripe): Promise<Stripe.Account> {
  return stripe.accounts.retrieve(null);
}
