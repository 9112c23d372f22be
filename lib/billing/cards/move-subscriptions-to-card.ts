// Points the organization's live subscriptions at one card. In Stripe a subscription's own
// `default_payment_method` wins over the customer's default, and checkout sets it (`save_default_payment_method:
// on_subscription`), so "the default card pays" holds only if every live subscription names the default card.
// We set it explicitly rather than clearing it: Stripe sets it again after any subscription payment made with
// a card, so a cleared value would not stay cleared. Reads Stripe (not the mirror): money follows this.
// Idempotent: each update's key names the subscription and the change (from → to).
import 'server-only';
import type Stripe from 'stripe';
import { listCustomerSubscriptions } from '@/lib/stripe/list-customer-subscriptions';
import { setSubscriptionDefaultPaymentMethod } from '@/lib/stripe/set-subscription-default-payment-method';

/** Subscriptions that will charge again; an `incomplete` checkout pays with the card confirmed in the browser. */
const chargingStatuses: Stripe.Subscription.Status[] = ['active', 'trialing', 'past_due', 'unpaid', 'paused'];

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

/**
 * Moves live subscriptions to `paymentMethodId`: all of them, or with `onlyFrom` those that charge that card
 * (a card about to be removed). Returns the ids of the subscriptions changed.
 */
export async function moveSubscriptionsToCard(
  params: { organizationId: string; customerId: string; paymentMethodId: string; onlyFrom?: string },
  stripe?: Stripe,
): Promise<string[]> {
  const moved: string[] = [];
  for (const subscription of await listCustomerSubscriptions(params.customerId, stripe)) {
    if (!chargingStatuses.includes(subscription.status)) continue;
    const current = idOf(subscription.default_payment_method);
    if (current === params.paymentMethodId) continue;
    if (params.onlyFrom !== undefined && current !== params.onlyFrom) continue;
    await setSubscriptionDefaultPaymentMethod(
      {
        subscriptionId: subscription.id,
        paymentMethodId: params.paymentMethodId,
        idempotencyKey: `org:${params.organizationId}:subscription:${subscription.id}:card:${current ?? 'none'}:${params.paymentMethodId}`,
      },
      stripe,
    );
    moved.push(subscription.id);
  }
  return moved;
}
