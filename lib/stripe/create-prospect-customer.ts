// The Stripe customer of a prospect (a quote's addressee with no organization yet): Stripe cannot finalize or
// accept a quote without a customer. It carries no organization id until the prospect accepts and their
// organization is created (then `linkCustomerToOrganization`). One per quote intent, whatever the retries.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createProspectCustomer(
  params: { name: string; email: string; locale: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  return stripe.customers.create(
    { name: params.name, email: params.email, preferred_locales: [params.locale], metadata: { seikyu_prospect: 'true' } },
    { idempotencyKey: params.idempotencyKey },
  );
}
