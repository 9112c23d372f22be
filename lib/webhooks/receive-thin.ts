// Receiving a v2 thin event (an event destination with `event_payload: thin`: `v2.core.account*` for payees on
// Accounts v2): verify the signature with the SDK's `parseEventNotification`, record the notification once in
// the same ledger as snapshot events (stripe_events), answer at once, and process it after the response through
// the same pipeline (lease, retries, replay from /admin/events, audit). The notification carries no data: the
// handler re-reads the related object from Stripe.
import type Stripe from 'stripe';
import { stripe as defaultStripe, stripeThinWebhookSecret } from '@/lib/stripe/client';
import { json, recordAndSchedule, type ReceiveOptions } from './record-and-schedule';

export async function receiveStripeThinEvent(request: Request, options: ReceiveOptions): Promise<Response> {
  const secret = options.secret ?? stripeThinWebhookSecret;
  // Real Stripe without STRIPE_THIN_WEBHOOK_SECRET: no destination is configured, so nothing can be verified.
  if (!secret) return json(503, { error: 'Thin events are not configured (STRIPE_THIN_WEBHOOK_SECRET)' });
  const signature = request.headers.get('stripe-signature');
  if (!signature) return json(400, { error: 'Missing Stripe-Signature header' });
  const body = await request.text();

  let notification: Stripe.V2.Core.EventNotification;
  try {
    // Checks the HMAC over the exact bytes received, rejects timestamps older than 5 minutes, and refuses a v1
    // snapshot event (those go to /api/webhooks/stripe).
    notification = (options.stripe ?? defaultStripe).parseEventNotification(body, signature, secret);
  } catch (error) {
    console.warn(`[webhooks] rejected a thin event delivery: ${error instanceof Error ? error.message : String(error)}`);
    return json(400, { error: 'Invalid signature' });
  }

  const created = Date.parse(notification.created);
  const related = (notification as { related_object?: { id?: unknown } | null }).related_object;
  return recordAndSchedule(
    {
      id: notification.id,
      type: notification.type,
      apiVersion: null,
      livemode: notification.livemode,
      objectId: typeof related?.id === 'string' ? related.id : null,
      created: Number.isFinite(created) ? Math.floor(created / 1000) : Math.floor(Date.now() / 1000),
      payload: JSON.parse(body) as unknown,
    },
    'thin event',
    options,
  );
}
