// Pay by invoice (bank transfer, `send_invoice`, due in INVOICE_DAYS_UNTIL_DUE days) or by card. Owners only:
// it changes who in the company pays and how. Switching back to card needs a default card on file.
import 'server-only';
import { findSubscriptionForOrganization } from '@/db/queries/subscriptions';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { setSubscriptionCollectionMethod } from '@/lib/stripe/set-subscription-collection-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { billingInputError } from './billing-input-error';

export async function changeCollectionMethod(params: {
  organization: Pick<OrganizationForMember, 'id' | 'role'>;
  subscriptionId: string;
  method: 'send_invoice' | 'charge_automatically';
  attempt: string;
  actorUserId: string;
}): Promise<void> {
  if (params.organization.role !== 'owner') throw new AppError('forbidden', `role ${params.organization.role} may not change the payment method type`);
  const subscription = await findSubscriptionForOrganization({ organizationId: params.organization.id, subscriptionId: params.subscriptionId });
  if (!subscription) throw billingInputError('subscription_not_found', `${params.subscriptionId} is not ${params.organization.id}'s`);
  if (!['active', 'trialing', 'past_due'].includes(subscription.status)) {
    throw billingInputError('subscription_not_cancelable', `${subscription.id} is ${subscription.status}`);
  }
  if (subscription.collectionMethod === params.method) return;
  await setSubscriptionCollectionMethod(
    params.method === 'send_invoice'
      ? {
          subscriptionId: subscription.id,
          method: 'send_invoice',
          daysUntilDue: env.INVOICE_DAYS_UNTIL_DUE,
          idempotencyKey: `org:${params.organization.id}:collection:${subscription.id}:send_invoice:${params.attempt}`,
        }
      : {
          subscriptionId: subscription.id,
          method: 'charge_automatically',
          idempotencyKey: `org:${params.organization.id}:collection:${subscription.id}:charge_automatically:${params.attempt}`,
        },
  );
  await syncStripeCustomer(subscription.customerId);
  await recordAudit({
    organizationId: params.organization.id,
    actor: { type: 'user', id: params.actorUserId },
    action: 'subscription.collection_method_changed',
    target: { type: 'subscription', id: subscription.id },
    data: { from: subscription.collectionMethod, to: params.method, daysUntilDue: params.method === 'send_invoice' ? env.INVOICE_DAYS_UNTIL_DUE : null },
  });
}
