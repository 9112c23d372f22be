// Stripe subscription → stripe_subscriptions row + its stripe_subscription_items rows. Pure.
// In this API version periods live on the items; the subscription row carries their envelope.
import type Stripe from 'stripe';
import { collectionMethod, subscriptionStatus, type stripeSubscriptionItems, type stripeSubscriptions } from '@/db/schema';
import { enumValue, fromUnix, idOf, metadataOf, snapshot } from './map-shared';

export type SubscriptionRow = typeof stripeSubscriptions.$inferInsert;
export type SubscriptionItemRow = typeof stripeSubscriptionItems.$inferInsert;

export function mapSubscriptionItem(item: Stripe.SubscriptionItem, subscriptionId: string): SubscriptionItemRow {
  return {
    id: item.id,
    subscriptionId,
    priceId: item.price.id,
    quantity: item.quantity ?? null,
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    metadata: metadataOf(item.metadata),
    stripeCreated: fromUnix(item.created),
    data: snapshot(item),
  };
}

/**
 * `items` is the complete item list (the caller pages through `subscription.items` when it has more);
 * it defaults to the page embedded in the subscription.
 */
export function mapSubscription(
  subscription: Stripe.Subscription,
  organizationId: string | null,
  items: Stripe.SubscriptionItem[] = subscription.items.data,
): { subscription: SubscriptionRow; items: SubscriptionItemRow[] } {
  const starts = items.map((i) => i.current_period_start);
  const ends = items.map((i) => i.current_period_end);
  const customerId = idOf(subscription.customer);
  if (!customerId) throw new Error(`subscription ${subscription.id} has no customer`);
  return {
    subscription: {
      id: subscription.id,
      customerId,
      organizationId,
      status: enumValue(subscriptionStatus.enumValues, subscription.status, 'subscription status'),
      collectionMethod: enumValue(collectionMethod.enumValues, subscription.collection_method, 'collection method'),
      currency: subscription.currency,
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
      cancelAt: fromUnix(subscription.cancel_at),
      canceledAt: fromUnix(subscription.canceled_at),
      endedAt: fromUnix(subscription.ended_at),
      currentPeriodStart: starts.length ? fromUnix(Math.min(...starts)) : null,
      currentPeriodEnd: ends.length ? fromUnix(Math.max(...ends)) : null,
      trialStart: fromUnix(subscription.trial_start),
      trialEnd: fromUnix(subscription.trial_end),
      daysUntilDue: subscription.days_until_due,
      defaultPaymentMethodId: idOf(subscription.default_payment_method),
      latestInvoiceId: idOf(subscription.latest_invoice),
      metadata: metadataOf(subscription.metadata),
      stripeCreated: fromUnix(subscription.created),
      data: snapshot({ ...subscription, items: { ...subscription.items, data: items, has_more: false } }),
    },
    items: items.map((item) => mapSubscriptionItem(item, subscription.id)),
  };
}
