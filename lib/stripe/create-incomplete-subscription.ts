// Creates a subscription whose first payment the browser confirms: `default_incomplete` leaves the first
// invoice's PaymentIntent for Stripe.js (its `confirmation_secret`), or, with a trial, the pending SetupIntent.
// The card used is saved as the subscription's default for renewals.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export type CreateIncompleteSubscriptionParams = {
  customerId: string;
  organizationId: string;
  priceId: string;
  /** Omitted for metered prices. */
  quantity: number | null;
  currency: string;
  trialPeriodDays: number | null;
  promotionCodeIds: string[];
  /** Consumption tax rates from the catalogue (the subscription's `default_tax_rates`, so every invoice carries them). */
  taxRateIds: string[];
  idempotencyKey: string;
};

export async function createIncompleteSubscription(
  params: CreateIncompleteSubscriptionParams,
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.create(
    {
      customer: params.customerId,
      items: [params.quantity === null ? { price: params.priceId } : { price: params.priceId, quantity: params.quantity }],
      currency: params.currency,
      ...(params.taxRateIds.length > 0 ? { default_tax_rates: params.taxRateIds } : {}),
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      ...(params.trialPeriodDays ? { trial_period_days: params.trialPeriodDays } : {}),
      ...(params.promotionCodeIds.length > 0
        ? { discounts: params.promotionCodeIds.map((id) => ({ promotion_code: id })) }
        : {}),
      metadata: { organization_id: params.organizationId, seikyu_intent: 'checkout' },
      expand: ['latest_invoice.confirmation_secret', 'pending_setup_intent'],
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
