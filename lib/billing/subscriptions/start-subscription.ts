// Starts a paid subscription for an organization: checks the price, quantity and promotion codes against the
// mirror, creates the subscription `default_incomplete` and hands back only what the browser needs to confirm
// the first payment (or, with a trial, the SetupIntent). The free tier stays until finishSubscription sees the
// new plan paid, so a customer who abandons checkout keeps a plan.
//
// Idempotent per attempt: the key is derived from the organization, the purchase and an attempt token the
// server issued with the checkout page, so a double click (or a retried request) returns the same subscription.
import 'server-only';
import type Stripe from 'stripe';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { hasPaidInvoice, listLiveSubscriptions } from '@/db/queries/subscriptions';
import { MAX_PROMOTION_CODES } from '@/lib/billing/plans/limits';
import { quantityFor, resolvePurchasablePrice } from '@/lib/billing/plans/purchasable-price';
import { createIncompleteSubscription } from '@/lib/stripe/create-incomplete-subscription';
import { findPromotionCode } from '@/lib/stripe/find-promotion-code';
import { taxRateIdsFor } from '@/lib/billing/tax/catalog-tax-rates';
import { billingInputError } from './billing-input-error';
import { promotionCodeProblem } from './promotion-code-problem';

export type StartSubscriptionInput = {
  organization: Pick<OrganizationForMember, 'id' | 'currency' | 'stripeCustomerId'>;
  priceId: string;
  quantity: number;
  promotionCodes: string[];
  attempt: string;
};

export type StartSubscriptionResult = {
  subscriptionId: string;
  /** `payment`: confirm the first invoice's PaymentIntent; `setup`: a trial's SetupIntent; `none`: nothing to pay. */
  intent: { kind: 'payment' | 'setup'; clientSecret: string } | { kind: 'none' };
};

/** Statuses of a subscription that is the organization's plan (checkouts in progress are not). */
const payingStatuses = new Set(['active', 'trialing', 'past_due', 'unpaid', 'paused']);

export async function resolvePromotionCodes(
  codes: string[],
  purchase: { organizationId: string; customerId: string; productId: string; currency: string; amount: number },
): Promise<Stripe.PromotionCode[]> {
  const normalized = codes.map((c) => c.trim()).filter((c) => c.length > 0);
  if (normalized.length > MAX_PROMOTION_CODES) throw billingInputError('promotion_code_not_combinable', `${normalized.length} codes`);
  if (normalized.length === 0) return [];
  const hasPaidBefore = await hasPaidInvoice({ organizationId: purchase.organizationId });
  const found: Stripe.PromotionCode[] = [];
  const coupons = new Set<string>();
  for (const code of normalized) {
    const result = await findPromotionCode(code);
    if (!result) throw billingInputError('promotion_code_unknown', `no active promotion code ${code}`, code);
    const problem = promotionCodeProblem(result, { ...purchase, hasPaidBefore, now: new Date() });
    if (problem) throw billingInputError(problem, `promotion code ${code}: ${problem}`, code);
    if (coupons.has(result.coupon.id)) throw billingInputError('promotion_code_duplicate', `coupon ${result.coupon.id} twice`, code);
    coupons.add(result.coupon.id);
    found.push(result.promotionCode);
  }
  return found;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

export async function startSubscription(input: StartSubscriptionInput): Promise<StartSubscriptionResult> {
  const { organization } = input;
  if (!organization.stripeCustomerId || !organization.currency) {
    throw billingInputError('setup_incomplete', `organization ${organization.id} has no Stripe customer or currency yet`);
  }
  const currency = organization.currency;
  const price = await resolvePurchasablePrice({ priceId: input.priceId, currency });
  const quantity = quantityFor(price, input.quantity);

  const live = await listLiveSubscriptions({ organizationId: organization.id });
  const paidPlan = live.find((s) => payingStatuses.has(s.status) && s.metadata.seikyu_intent !== 'free_tier');
  if (paidPlan) throw billingInputError('already_subscribed', `organization ${organization.id} already has ${paidPlan.id}`);

  const amount = (price.unitAmount ?? 0) * (quantity ?? 1);
  const promotionCodes = await resolvePromotionCodes(input.promotionCodes, {
    organizationId: organization.id,
    customerId: organization.stripeCustomerId,
    productId: price.productId,
    currency,
    amount,
  });
  const promotionCodeIds = promotionCodes.map((p) => p.id);

  const taxRateIds = await taxRateIdsFor({ lookupKey: price.lookupKey, currency });
  const subscription = await createIncompleteSubscription({
    customerId: organization.stripeCustomerId,
    organizationId: organization.id,
    priceId: price.id,
    quantity,
    currency,
    trialPeriodDays: price.trialPeriodDays,
    promotionCodeIds,
    taxRateIds,
    idempotencyKey: [
      `org:${organization.id}:subscribe:${price.id}`,
      `q${quantity ?? 'metered'}`,
      promotionCodeIds.length > 0 ? promotionCodeIds.join('+') : 'nocode',
      input.attempt,
    ].join(':'),
  });

  const setupIntent = subscription.pending_setup_intent;
  if (setupIntent && typeof setupIntent !== 'string' && setupIntent.client_secret && setupIntent.status !== 'succeeded') {
    return { subscriptionId: subscription.id, intent: { kind: 'setup', clientSecret: setupIntent.client_secret } };
  }
  const invoice = subscription.latest_invoice;
  const secret = invoice && typeof invoice !== 'string' ? invoice.confirmation_secret?.client_secret : null;
  if (secret && subscription.status === 'incomplete') {
    return { subscriptionId: subscription.id, intent: { kind: 'payment', clientSecret: secret } };
  }
  if (subscription.status === 'incomplete') {
    throw new Error(`subscription ${subscription.id} is incomplete without a confirmation secret (invoice ${idOf(invoice)})`);
  }
  return { subscriptionId: subscription.id, intent: { kind: 'none' } };
}
