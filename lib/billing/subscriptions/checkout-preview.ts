// What the first invoice of a checkout will be with the promotion codes the customer has added, before anything
// is created: each code checked as at subscribe (start-subscription.ts, planCheckout), then Stripe's own preview
// of that first invoice (`invoices.createPreview` with the subscription's items, tax rates, trial and the codes).
//
// The amount shown equals what Stripe charges because nothing differs between the two: the same planCheckout
// gives both the same price, quantity, currency, tax rates, trial and codes, and Stripe computes both invoices
// (discounts in order, tax on what is left). Subscribe still computes everything again on the server; the preview
// only tells the customer in advance, and a code refused here is refused there with the same sentence.
import 'server-only';
import type Stripe from 'stripe';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/security/rate-limit';
import { previewSubscriptionStart } from '@/lib/stripe/preview-subscription-start';
import { taxLinesOf, type TaxLine } from '@/lib/billing/tax/tax-lines';
import { discountTermsOf, type DiscountTerms } from './discount-terms';
import { planCheckout, type StartSubscriptionInput } from './start-subscription';

export type CheckoutPreviewDiscount = DiscountTerms & {
  /** The promotion code as Stripe spells it. */
  code: string;
  /** What it takes off the first invoice, in the currency's minor unit (0 when that invoice is of nothing). */
  amount: number;
};

export type CheckoutPreview = {
  currency: string;
  /** The codes accepted, as Stripe spells them, in the order they apply. */
  codes: string[];
  /** The first invoice before discounts and added tax. */
  subtotal: number;
  discounts: CheckoutPreviewDiscount[];
  taxes: TaxLine[];
  total: number;
  /** Charged when the customer presses the button (the total less any credit balance). */
  amountDue: number;
};

// Each preview asks Stripe three or four times and tells whether a code exists: one organization gets a
// customer's worth of tries (adding and removing codes), not a way to guess codes.
const previewLimiter = createRateLimiter({ limit: 30, windowMs: 5 * 60_000 });

const discountIdOf = (ref: string | Stripe.Discount | Stripe.DeletedDiscount | null | undefined): string | null =>
  typeof ref === 'string' ? ref : (ref?.id ?? null);

/** What each of the invoice's discounts took off, by its position in `discounts` (the order the codes were given). */
function discountAmounts(invoice: Stripe.Invoice, count: number): number[] {
  const byId = new Map<string, number>();
  for (const entry of invoice.total_discount_amounts ?? []) {
    const id = discountIdOf(entry.discount);
    if (id) byId.set(id, (byId.get(id) ?? 0) + entry.amount);
  }
  return Array.from({ length: count }, (_, i) => {
    const id = discountIdOf(invoice.discounts?.[i]);
    return id ? (byId.get(id) ?? 0) : (invoice.total_discount_amounts?.[i]?.amount ?? 0);
  });
}

export async function previewCheckout(input: Omit<StartSubscriptionInput, 'attempt'> & { now?: Date }): Promise<CheckoutPreview> {
  const decision = previewLimiter.take(input.organization.id);
  if (!decision.allowed) {
    throw new AppError('rate_limited', `checkout previews of ${input.organization.id}: retry in ${decision.retryAfterSeconds}s`);
  }
  const plan = await planCheckout(input);
  const invoice = await previewSubscriptionStart({
    customerId: plan.customerId,
    priceId: plan.price.id,
    quantity: plan.quantity,
    currency: plan.currency,
    trialPeriodDays: plan.trialPeriodDays,
    promotionCodeIds: plan.promotionCodes.map((p) => p.promotionCode.id),
    taxRateIds: plan.taxRateIds,
    now: input.now ?? new Date(),
  });
  const amounts = discountAmounts(invoice, plan.promotionCodes.length);
  return {
    currency: plan.currency,
    codes: plan.promotionCodes.map((p) => p.promotionCode.code),
    subtotal: invoice.subtotal,
    discounts: plan.promotionCodes.map(({ promotionCode, coupon }, i) => ({
      ...discountTermsOf(coupon, plan.currency, promotionCode.code),
      code: promotionCode.code,
      amount: amounts[i] ?? 0,
    })),
    taxes: taxLinesOf(invoice),
    total: invoice.total,
    amountDue: invoice.amount_due,
  };
}
