// customer.subscription.* — re-read the subscription; a deletion (cancellation) is also an operator-visible fact.
import type Stripe from 'stripe';
import { fallBackToFreeTier } from '@/lib/billing/subscriptions/fall-back-to-free-tier';
import { syncStripeSubscription } from '@/lib/stripe-sync';
import { requestUsageFollowUp } from '@/lib/usage/follow-up';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleSubscriptionEvent: EventHandler = async (event, { stripe, recordedAt }) => {
  const { id, customerId } = eventObject(event);
  if (!id) return ignored;
  const result = await syncStripeSubscription(id, undefined, { stripe, customerId, unlessSyncedAfter: recordedAt });
  // A plan, its items or its period changed: the projected invoice and the budgets' period follow.
  if (result.organizationId) await requestUsageFollowUp(result.organizationId);
  if (event.type !== 'customer.subscription.deleted') return { outcome: 'processed' };

  const subscription = event.data.object as Stripe.Subscription;
  // A paid plan that ended puts the organization back on the free tier (idempotent per ended subscription).
  await fallBackToFreeTier({ ended: subscription }, stripe);
  return {
    outcome: 'processed',
    audit: [
      {
        organizationId: result.organizationId,
        actor: { type: 'stripe', id: event.id },
        action: 'subscription.canceled',
        target: { type: 'subscription', id },
        data: {
          customerId: result.customerId,
          status: subscription.status,
          canceledAt: subscription.canceled_at,
          endedAt: subscription.ended_at,
          reason: subscription.cancellation_details?.reason ?? null,
          feedback: subscription.cancellation_details?.feedback ?? null,
          comment: subscription.cancellation_details?.comment ?? null,
        },
      },
    ],
  };
};
