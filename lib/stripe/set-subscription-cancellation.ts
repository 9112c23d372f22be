// Schedules a subscription to end at its period end (with the customer's reason) or takes that back.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export type CancellationFeedback = NonNullable<Stripe.SubscriptionUpdateParams.CancellationDetails['feedback']>;

export async function setSubscriptionCancellation(
  params:
    | { subscriptionId: string; cancel: true; feedback: CancellationFeedback; comment: string | null; idempotencyKey: string }
    | { subscriptionId: string; cancel: false; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(
    params.subscriptionId,
    params.cancel
      ? { cancel_at_period_end: true, cancellation_details: { feedback: params.feedback, comment: params.comment ?? '' } }
      : { cancel_at_period_end: false, cancellation_details: { feedback: '', comment: '' } },
    { idempotencyKey: params.idempotencyKey },
  );
}
