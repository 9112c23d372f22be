// Starts a paid subscription for an organization: checks the price, quantity and promotion codes against the
// mirror, creates the subscription `default_incomplete` and hands back only what the browser needs to confirm
// the first payment (or, with a trial, the SetupIntent). The free tier stays until finishSubscription sees the
// new plan paid, so a customer who abandons checkout keeps a plan.
//
// What the checkout page previews (checkout-preview.ts) and what is created here are one computation: both start
// from planCheckout (the same price, quantity, currency, tax rates, trial and promotion codes, each checked the
// same way) and both let Stripe compute the first invoice from those inputs (`invoices.createPreview` there,
// `subscriptions.create` here). Nothing the browser sends is an amount.
//
// Idempotent per attempt: the key is derived from the organization, the purchase and an attempt token the
// server issued with the checkout page, so a double click (or a retried request) returns the same subscription.
import 'server-only';
import type { CatalogPrice } from '@/db/queries/catalog';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { hasPaidInvoice, listLiveSubscriptions } from '@/db/queries/subscriptions';
import { firstInvoiceAmount } from '@/lib/billing/plans/group-catalog';
import { MAX_PROMOTION_CODES } from '@/lib/billing/plans/limits';
import { quantityFor, resolvePurchasablePrice } from '@/lib/billing/plans/purchasable-price';
import { createIncompleteSubscription } from '@/lib/stripe/create-incomplete-subscription';
import { findPromotionCode, type FoundPromotionCode } from '@/lib/stripe/find-promotion-code';
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

/**
 * The promotion codes as found in Stripe with their coupons, in the order given, each checked against the
 * purchase (promotion-code-problem.ts); the first refused code throws with its reason and the code.
 */
export async function resolvePromotionCodes(
  codes: string[],
  purchase: { organizationId: string; customerId: string; productId: string; currency: string; amount: number },
): Promise<FoundPromotionCode[]> {
  const normalized = codes.map((c) => c.trim()).filter((c) => c.length > 0);
  if (normalized.length > MAX_PROMOTION_CODES) throw billingInputError('promotion_code_not_combinable', `${normalized.length} codes`);
  if (normalized.length === 0) return [];
  const hasPaidBefore = await hasPaidInvoice({ organizationId: purchase.organizationId });
  const found: FoundPromotionCode[] = [];
  const coupons = new Set<string>();
  for (const code of normalized) {
    const result = await findPromotionCode(code);
    if (!result) throw billingInputError('promotion_code_unknown', `no active promotion code ${code}`, code);
    const problem = promotionCodeProblem(result, { ...purchase, hasPaidBefore, now: new Date() });
    if (problem) throw billingInputError(problem, `promotion code ${code}: ${problem}`, code);
    if (coupons.has(result.coupon.id)) throw billingInputError('promotion_code_duplicate', `coupon ${result.coupon.id} twice`, code);
    coupons.add(result.coupon.id);
    found.push(result);
  }
  return found;
}

/** Everything a checkout sends to Stripe, checked; shared by the preview and the subscription it previews. */
export type CheckoutPlan = {
  customerId: string;
  organizationId: string;
  price: CatalogPrice;
  /** Null for a metered price. */
  quantity: number | null;
  currency: string;
  trialPeriodDays: number | null;
  promotionCodes: FoundPromotionCode[];
  taxRateIds: string[];
};

/**
 * Checks a checkout and gathers what Stripe is sent: the price must be purchasable in the organization's currency,
 * the organization must have no paid plan, and every promotion code must apply to this purchase. The amount the
 * codes are checked against is the first invoice before discounts: 0 for usage billed in arrears and during a trial.
 */
export async function planCheckout(input: Omit<StartSubscriptionInput, 'attempt'>): Promise<CheckoutPlan> {
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

  const promotionCodes = await resolvePromotionCodes(input.promotionCodes, {
    organizationId: organization.id,
    customerId: organization.stripeCustomerId,
    productId: price.productId,
    currency,
    amount: price.trialPeriodDays ? 0 : firstInvoiceAmount(price, quantity ?? 1),
  });
  const taxRateIds = await taxRateIdsFor({ lookupKey: price.lookupKey, currency });
  return {
    customerId: organization.stripeCustomerId,
    organizationId: organization.id,
    price,
    quantity,
    currency,
    trialPeriodDays: price.trialPeriodDays,
    promotionCodes,
    taxRateIds,
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

export async function startSubscription(input: StartSubscriptionInput): Promise<StartSubscriptionResult> {
  const plan = await planCheckout(input);
  const promotionCodeIds = plan.promotionCodes.map((p) => p.promotionCode.id);
  const subscription = await createIncompleteSubscription({
    customerId: plan.customerId,
    organizationId: plan.organizationId,
    priceId: plan.price.id,
    quantity: plan.quantity,
    currency: plan.currency,
    trialPeriodDays: plan.trialPeriodDays,
    promotionCodeIds,
    taxRateIds: plan.taxRateIds,
    idempotencyKey: [
      `org:${plan.organizationId}:subscribe:${plan.price.id}`,
      `q${plan.quantity ?? 'metered'}`,
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
