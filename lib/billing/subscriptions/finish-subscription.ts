// After the browser confirmed a checkout: re-reads the new subscription from Stripe (never trusting the
// browser's word that it paid), and once it is active or trialing retires what it replaces — the free tier
// and abandoned checkouts — so the organization never has two live plans; the card that paid becomes the
// organization's default. Then converges the mirror.
// Idempotent: retiring carries a key derived from both subscriptions; calling twice changes nothing more.
import 'server-only';
import type Stripe from 'stripe';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit';
import { payWithCard } from '@/lib/billing/cards/make-default-card';
import { cancelSubscriptionNow } from '@/lib/stripe/cancel-subscription-now';
import { listCustomerSubscriptions } from '@/lib/stripe/list-customer-subscriptions';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { billingInputError } from './billing-input-error';

export type FinishSubscriptionResult = { status: Stripe.Subscription.Status; retired: string[] };

const startedStatuses: Stripe.Subscription.Status[] = ['active', 'trialing'];

function customerIdOf(subscription: Stripe.Subscription): string {
  return typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;
}

/** Subscriptions the new one replaces: every other one that is live or still waiting for a first payment. */
export function subscriptionsToRetire(all: Stripe.Subscription[], startedId: string): Stripe.Subscription[] {
  return all.filter((s) => s.id !== startedId && ['active', 'trialing', 'incomplete', 'past_due', 'unpaid', 'paused'].includes(s.status));
}

export async function finishSubscription(params: {
  organization: Pick<OrganizationForMember, 'id' | 'stripeCustomerId'>;
  subscriptionId: string;
  actorUserId: string;
}): Promise<FinishSubscriptionResult> {
  const { organization } = params;
  const customerId = organization.stripeCustomerId;
  if (!customerId) throw billingInputError('setup_incomplete', `organization ${organization.id} has no customer`);
  const all = await listCustomerSubscriptions(customerId);
  const started = all.find((s) => s.id === params.subscriptionId);
  // Another customer's id, or made up: the same answer as a subscription that does not exist.
  if (!started || customerIdOf(started) !== customerId) {
    throw billingInputError('subscription_not_found', `subscription ${params.subscriptionId} is not ${organization.id}'s`);
  }
  if (!startedStatuses.includes(started.status)) {
    await syncStripeCustomer(customerId);
    return { status: started.status, retired: [] };
  }
  const retired: string[] = [];
  for (const old of subscriptionsToRetire(all, started.id)) {
    await cancelSubscriptionNow({
      subscriptionId: old.id,
      comment: `replaced by ${started.id}`,
      idempotencyKey: `org:${organization.id}:retire:${old.id}:for:${started.id}`,
    });
    retired.push(old.id);
  }
  // The card confirmed at checkout (Stripe attached it and saved it on the subscription,
  // save_default_payment_method=on_subscription) becomes the organization's default, so Payment methods lists
  // it as the card that pays.
  const card = typeof started.default_payment_method === 'string' ? started.default_payment_method : (started.default_payment_method?.id ?? null);
  if (card) {
    const customer = await getBillingCustomer({ organizationId: organization.id });
    await payWithCard({ organizationId: organization.id, customerId, paymentMethodId: card, previousDefaultId: customer?.defaultPaymentMethodId ?? null });
  }
  await syncStripeCustomer(customerId);
  {
    await recordAudit({
      organizationId: organization.id,
      actor: { type: 'user', id: params.actorUserId },
      action: 'subscription.started',
      target: { type: 'subscription', id: started.id },
      data: { prices: started.items.data.map((i) => i.price.id), replaced: retired },
    });
  }
  return { status: started.status, retired };
}
