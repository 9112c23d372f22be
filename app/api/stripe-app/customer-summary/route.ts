// POST /api/stripe-app/customer-summary — the Stripe App's view of one customer (signed by Stripe; see lib/stripe-app).
import { buildCustomerSummary } from '@/lib/stripe-app/customer-summary';
import { handleStripeAppRequest } from '@/lib/stripe-app/handle-request';
import { stripeAppJson, stripeAppPreflight } from '@/lib/stripe-app/http';
import { customerRequestSchema } from '@/lib/stripe-app/schemas';

export const dynamic = 'force-dynamic';

export function OPTIONS(): Response {
  return stripeAppPreflight();
}

export async function POST(request: Request): Promise<Response> {
  return handleStripeAppRequest(request, customerRequestSchema, async (body) => stripeAppJson(await buildCustomerSummary({ customerId: body.customer_id })));
}
