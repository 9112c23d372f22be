// POST /api/stripe-app/actions/add-note — an operator note on one customer, written from the Stripe App.
import { addCustomerNoteFromStripeApp } from '@/lib/stripe-app/actions';
import { handleStripeAppRequest } from '@/lib/stripe-app/handle-request';
import { stripeAppJson, stripeAppPreflight } from '@/lib/stripe-app/http';
import { addNoteRequestSchema } from '@/lib/stripe-app/schemas';

export const dynamic = 'force-dynamic';

export function OPTIONS(): Response {
  return stripeAppPreflight();
}

export async function POST(request: Request): Promise<Response> {
  return handleStripeAppRequest(request, addNoteRequestSchema, async (body, identity) =>
    stripeAppJson(await addCustomerNoteFromStripeApp({ customerId: body.customer_id, userId: identity.userId, body: body.body })),
  );
}
