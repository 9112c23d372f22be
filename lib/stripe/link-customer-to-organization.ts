// Records the organization on a customer created for a prospect, once the prospect accepted and their
// organization exists. Keyed by the pair, so a retry is one request.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function linkCustomerToOrganization(
  params: { customerId: string; organizationId: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  return stripe.customers.update(
    params.customerId,
    { metadata: { organization_id: params.organizationId, seikyu_prospect: '' } },
    { idempotencyKey: `customer:${params.customerId}:link:${params.organizationId}` },
  );
}
