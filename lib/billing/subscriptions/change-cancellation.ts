// Cancel at period end (with the customer's reason) and resume before it ends. The subscription is looked up
// in the mirror scoped to the organization: another organization's id is "not found" and changes nothing.
// Idempotent: the key names the subscription, the direction and the attempt token the page issued, so a double
// click sends one request while cancelling again after resuming is a new request.
import 'server-only';
import { findSubscriptionForOrganization } from '@/db/queries/subscriptions';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { recordAudit } from '@/lib/audit';
import { setSubscriptionCancellation, type CancellationFeedback } from '@/lib/stripe/set-subscription-cancellation';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { billingInputError } from './billing-input-error';

type Organization = Pick<OrganizationForMember, 'id'>;

async function subscriptionOf(organization: Organization, subscriptionId: string) {
  const subscription = await findSubscriptionForOrganization({ organizationId: organization.id, subscriptionId });
  if (!subscription) throw billingInputError('subscription_not_found', `${subscriptionId} is not ${organization.id}'s`);
  return subscription;
}

export async function cancelAtPeriodEnd(params: {
  organization: Organization;
  subscriptionId: string;
  reason: CancellationFeedback;
  comment: string | null;
  attempt: string;
  actorUserId: string;
}): Promise<void> {
  const subscription = await subscriptionOf(params.organization, params.subscriptionId);
  const cancelable = ['active', 'trialing', 'past_due'].includes(subscription.status);
  if (!cancelable || subscription.cancelAtPeriodEnd || subscription.metadata.seikyu_intent === 'free_tier') {
    throw billingInputError('subscription_not_cancelable', `${subscription.id} is ${subscription.status}, cancel_at_period_end=${subscription.cancelAtPeriodEnd}`);
  }
  await setSubscriptionCancellation({
    subscriptionId: subscription.id,
    cancel: true,
    feedback: params.reason,
    comment: params.comment,
    idempotencyKey: `org:${params.organization.id}:cancel-at-period-end:${subscription.id}:${params.attempt}`,
  });
  await syncStripeCustomer(subscription.customerId);
  await recordAudit({
    organizationId: params.organization.id,
    actor: { type: 'user', id: params.actorUserId },
    action: 'subscription.cancel_scheduled',
    target: { type: 'subscription', id: subscription.id },
    data: { reason: params.reason, comment: params.comment },
  });
}

export async function resumeSubscription(params: { organization: Organization; subscriptionId: string; attempt: string; actorUserId: string }): Promise<void> {
  const subscription = await subscriptionOf(params.organization, params.subscriptionId);
  if (!subscription.cancelAtPeriodEnd || !['active', 'trialing', 'past_due'].includes(subscription.status)) {
    throw billingInputError('subscription_not_resumable', `${subscription.id} is not scheduled to cancel`);
  }
  await setSubscriptionCancellation({
    subscriptionId: subscription.id,
    cancel: false,
    idempotencyKey: `org:${params.organization.id}:resume:${subscription.id}:${params.attempt}`,
  });
  await syncStripeCustomer(subscription.customerId);
  await recordAudit({
    organizationId: params.organization.id,
    actor: { type: 'user', id: params.actorUserId },
    action: 'subscription.resumed',
    target: { type: 'subscription', id: subscription.id },
  });
}
