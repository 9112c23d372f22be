// Receiving a Stripe webhook: verify the signature over the raw body, record the event id once, answer at
// once, and hand processing to `schedule` (Next's `after()` in the route; tests pass their own).
import type Stripe from 'stripe';
import { insertStripeEvent } from '@/db/queries/events';
import { stripe as defaultStripe, stripeConnectWebhookSecret, stripeWebhookSecret } from '@/lib/stripe/client';
import { processStripeEvent, type ProcessOptions } from './process';
import { eventObject } from './types';

export type ReceiveOptions = ProcessOptions & {
  /** Runs the processing after the response is sent. */
  schedule: (task: () => Promise<void>) => void;
  /** Endpoint secret (whsec_…); defaults to the configured ones (the platform's, then the Connect endpoint's). */
  secret?: string;
};

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

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

  let recorded: boolean;
  try {
    recorded = await insertStripeEvent({
      id: event.id,
      type: event.type,
      apiVersion: event.api_version,
      livemode: event.livemode,
      objectId: eventObject(event).id,
      created: event.created,
      // constructEvent parsed the verified body already; that parse is what is stored.
      payload: event,
    });
  } catch (error) {
    // Not recorded: a 5xx makes Stripe deliver it again.
    console.error(`[webhooks] event ${event.id} (${event.type}) could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
    return json(500, { error: 'Could not record the event' });
  }
  if (!recorded) return json(200, { received: true, duplicate: true });

  options.schedule(async () => {
    try {
      await processStripeEvent(event.id, options);
    } catch (error) {
      // The event stays pending and the background worker picks it up after its grace period.
      console.error(`[webhooks] event ${event.id} (${event.type}): processing could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return json(200, { received: true });
}
