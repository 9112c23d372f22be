// Receiving a Stripe webhook: verify the signature over the raw body, record the event id once, answer at
// once, and hand processing to `schedule` (Next's `after()` in the route; tests pass their own).
import type Stripe from 'stripe';
import { stripe as defaultStripe, stripeConnectWebhookSecret, stripeWebhookSecret } from '@/lib/stripe/client';
import { json, recordAndSchedule, type ReceiveOptions } from './record-and-schedule';
import { eventObject } from './types';

export type { ReceiveOptions } from './record-and-schedule';

export async function receiveStripeWebhook(request: Request, options: ReceiveOptions): Promise<Response> {
  const signature = request.headers.get('stripe-signature');
  if (!signature) return json(400, { error: 'Missing Stripe-Signature header' });
  const body = await request.text();

  let event: Stripe.Event | null = null;
  let rejection: unknown = null;
  // The platform's endpoint and the Connect endpoint post here, each signing with its own secret.
  const secrets = options.secret ? [options.secret] : [stripeWebhookSecret, stripeConnectWebhookSecret].filter((s): s is string => s !== null);
  for (const secret of secrets) {
    try {
      // Checks the HMAC over the exact bytes received and rejects timestamps older than 5 minutes (replays).
      event = (options.stripe ?? defaultStripe).webhooks.constructEvent(body, signature, secret);
      break;
    } catch (error) {
      rejection = error;
    }
  }
  if (!event) {
    console.warn(`[webhooks] rejected a delivery: ${rejection instanceof Error ? rejection.message : String(rejection)}`);
    return json(400, { error: 'Invalid signature' });
  }

  return recordAndSchedule(
    {
      id: event.id,
      type: event.type,
      apiVersion: event.api_version,
      livemode: event.livemode,
      objectId: eventObject(event).id,
      created: event.created,
      // constructEvent parsed the verified body already; that parse is what is stored.
      payload: event,
    },
    'event',
    options,
  );
}
