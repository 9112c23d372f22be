// POST /api/stripe-app/actions/resync — Resync from Stripe for one customer, started from the Stripe App.
import { resyncCustomerFromStripeApp } from '@/lib/stripe-app/actions';
import { handleStripeAppRequest } from '@/lib/stripe-app/handle-request';
import { stripeAppJson, stripeAppPreflight } from '@/lib/stripe-app/http';
import { customerRequestSchema } from '@/lib/stripe-app/schemas';

export const dynamic = 'force-dynamic';

export function OPTIONS(): Response {
  return stripeAppPreflight();
}

export async function POST(request: Request): Promise<Response> {
  return handleStripeAppRequest(request, customerRequestSchema, async (body, identity) =>
    stripeAppJson(await resyncCustomerFromStripeApp({ customerId: body.customer_id, userId: identity.userId })),
  );
}
