// When a paid plan ends (cancelled at period end, or ended by dunning) the organization falls back to the free
// tier, so it always has a plan. Called from the customer.subscription.deleted webhook. Reads Stripe, not the
// mirror: the customer may have started another plan meanwhile, and then nothing is done. Idempotent: the key
// names the subscription that ended.
import 'server-only';
import type Stripe from 'stripe';
import { findFreeTierPrice } from '@/lib/organizations/provision-billing';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { createFreeTierSubscription } from '@/lib/stripe/create-free-tier-subscription';
import { listCustomerSubscriptions } from '@/lib/stripe/list-customer-subscriptions';

const liveStatuses: Stripe.Subscription.Status[] = ['active', 'trialing', 'past_due', 'unpaid', 'paused'];

export async function fallBackToFreeTier(
  params: { ended: Stripe.Subscription },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription | null> {
  const { ended } = params;
  const organizationId = ended.metadata?.organization_id;
  // Only plans started by the portal, and never the free tier itself (that ends only when replaced).
  if (!organizationId || ended.metadata?.seikyu_intent !== 'checkout' || ended.status !== 'canceled') return null;
  // Retired because a new plan replaced it: the replacement is the plan.
  if (ended.cancellation_details?.comment?.startsWith('replaced by ')) return null;
  const customerId = typeof ended.customer === 'string' ? ended.customer : ended.customer.id;
  const subscriptions = await listCustomerSubscriptions(customerId, stripe);
  if (subscriptions.some((s) => liveStatuses.includes(s.status))) return null;
  const price = await findFreeTierPrice(stripe);
  if (!price || !(price.currency === ended.currency || price.currency_options?.[ended.currency])) return null;
  return createFreeTierSubscription(
    { customerId, organizationId, priceId: price.id, currency: ended.currency, idempotencyKey: `org:${organizationId}:free-after:${ended.id}` },
    stripe,
  );
}
