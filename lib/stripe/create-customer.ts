// Creates the Stripe customer of an organization. One per organization, whatever retries happen: the key is
// derived from the organization.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createCustomer(
  params: { organizationId: string; name: string; email: string; locale: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  return stripe.customers.create(
    {
      name: params.name,
      email: params.email,
      preferred_locales: [params.locale],
      metadata: { organization_id: params.organizationId },
    },
    { idempotencyKey: `org:${params.organizationId}:create-customer` },
  );
}
