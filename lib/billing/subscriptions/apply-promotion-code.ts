// A promotion code entered after checkout: checked like at checkout (unknown, expired, another product or
// currency...) against the subscription's plan, then added next to the discounts it already has.
// Idempotent per subscription and code: entering the same code twice sends one request.
import { planItemOf } from './plan-item';
import 'server-only';
import { findCatalogPrice } from '@/db/queries/catalog';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { findSubscriptionForOrganization } from '@/db/queries/subscriptions';
import { recordAudit } from '@/lib/audit';
import { addSubscriptionPromotionCode } from '@/lib/stripe/add-subscription-promotion-code';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { billingInputError } from './billing-input-error';
import { resolvePromotionCodes } from './start-subscription';

export async function applyPromotionCode(params: {
  organization: Pick<OrganizationForMember, 'id' | 'stripeCustomerId'>;
  subscriptionId: string;
  code: string;
  actorUserId: string;
}): Promise<void> {
  const { organization } = params;
  const subscription = await findSubscriptionForOrganization({ organizationId: organization.id, subscriptionId: params.subscriptionId });
  if (!subscription || !organization.stripeCustomerId) {
    throw billingInputError('subscription_not_found', `${params.subscriptionId} is not ${organization.id}'s`);
  }
  if (!['active', 'trialing', 'past_due'].includes(subscription.status) || subscription.metadata.seikyu_intent === 'free_tier') {
    throw billingInputError('subscription_not_cancelable', `${subscription.id} (${subscription.status}) takes no codes`);
  }
  const item = planItemOf(subscription.items);
  const price = item ? await findCatalogPrice({ priceId: item.priceId, currency: subscription.currency }) : null;
  if (!item || !price) throw billingInputError('unknown_price', `${subscription.id} has no known plan price`);
  // A code added now takes off the next invoice: it is checked against the plan's renewal before discounts (for
  // usage billed in arrears, its unit price: the usage is not known yet, and that invoice is not one of nothing).
  const [found] = await resolvePromotionCodes([params.code], {
    organizationId: organization.id,
    customerId: organization.stripeCustomerId,
    productId: price.productId,
    currency: subscription.currency,
    amount: (price.unitAmount ?? 0) * (item.quantity ?? 1),
  });
  if (!found) throw billingInputError('promotion_code_unknown', 'empty code', params.code);
  const { promotionCode } = found;
  await addSubscriptionPromotionCode({
    subscriptionId: subscription.id,
    promotionCodeId: promotionCode.id,
    idempotencyKey: `org:${organization.id}:promotion-code:${subscription.id}:${promotionCode.id}`,
  });
  await syncStripeCustomer(subscription.customerId);
  await recordAudit({
    organizationId: organization.id,
    actor: { type: 'user', id: params.actorUserId },
    action: 'subscription.promotion_code_applied',
    target: { type: 'subscription', id: subscription.id },
    data: { promotionCode: promotionCode.id, code: promotionCode.code },
  });
}
