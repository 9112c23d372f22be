// Shared by the Connect tests: an express account as the portal creates it, and the payee's onboarding submit.
import type Stripe from 'stripe';

export async function createExpressAccount(stripe: Stripe, email = 'doctor@example.com'): Promise<Stripe.Account> {
  return stripe.accounts.create({
    country: 'JP',
    email,
    controller: {
      fees: { payer: 'application' },
      losses: { payments: 'application' },
      requirement_collection: 'stripe',
      stripe_dashboard: { type: 'express' },
    },
    capabilities: { transfers: { requested: true } },
    metadata: { payee: 'p_1' },
  });
}

/** Opens an account link's page and submits it as a payee would (accepting the terms unless told not to). */
export async function submitOnboarding(
  url: string,
  fields: Record<string, string> = { business_name: 'Dr. Sato Hanako', business_type: 'individual', product_description: 'Remote radiology', tos_acceptance: 'accepted' },
): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}
