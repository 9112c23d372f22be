// Small pure helpers of the subscription modules.
import type Stripe from 'stripe';
import { StripeError } from '../../http/errors.js';
import type { Full } from '../../core/types.js';

export const DAY = 86_400;

export function feedbackOf(value: string | null | undefined): Stripe.Subscription.CancellationDetails.Feedback | null {
  const known = ['customer_service', 'low_quality', 'missing_features', 'other', 'switched_service', 'too_complex', 'too_expensive', 'unused'] as const;
  return known.find((k) => k === value) ?? null;
}

export function formatDay(t: number): string {
  return new Date(t * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The legacy `plan` view of a recurring price, which subscription items still carry. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  const r = price.recurring;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: r?.interval ?? 'month',
    interval_count: r?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: r?.meter ?? null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: price.tiers_mode,
    transform_usage: price.transform_quantity,
    trial_period_days: r?.trial_period_days ?? null,
    usage_type: r?.usage_type ?? 'licensed',
  } satisfies Full<Stripe.Plan, 'deleted' | 'tiers'>;
}

/** Stripe's 402 for a card that could not be charged. */
export function cardErrorFrom(pi: Stripe.PaymentIntent): StripeError {
  const error = pi.last_payment_error;
  if (pi.status === 'requires_action') {
    return new StripeError(402, 'card_error', 'This payment requires additional user action before it can be completed successfully.', {
      code: 'subscription_payment_intent_requires_action',
      payment_intent: pi,
    });
  }
  return new StripeError(402, 'card_error', error?.message ?? 'Your card was declined.', {
    code: error?.code ?? 'card_declined',
    ...(error?.decline_code ? { decline_code: error.decline_code } : {}),
    payment_intent: pi,
  });
}
