// What Stripe would put on the first invoice of a subscription that does not exist yet: the same customer,
// items, currency, tax rates, trial and promotion codes that createIncompleteSubscription sends, given to
// `invoices.createPreview` (nothing is created, no code is redeemed). Stripe computes both invoices the same way,
// so the preview's amount due is what the subscription's first invoice asks for.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';
import type { CreateIncompleteSubscriptionParams } from './create-incomplete-subscription';

/** What the subscription would be created with (nothing is created: no key, no organization to tag), and now. */
export type PreviewSubscriptionStartParams = Omit<CreateIncompleteSubscriptionParams, 'organizationId' | 'idempotencyKey'> & { now: Date };

export async function previewSubscriptionStart(params: PreviewSubscriptionStartParams, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  // createPreview takes the trial's end, not its length: the same days from now.
  const trialEnd = params.trialPeriodDays ? Math.floor(params.now.getTime() / 1000) + params.trialPeriodDays * 86_400 : null;
  return stripe.invoices.createPreview({
    customer: params.customerId,
    currency: params.currency,
    subscription_details: {
      items: [params.quantity === null ? { price: params.priceId } : { price: params.priceId, quantity: params.quantity }],
      ...(params.taxRateIds.length > 0 ? { default_tax_rates: params.taxRateIds } : {}),
      ...(trialEnd !== null ? { trial_end: trialEnd } : {}),
    },
    ...(params.promotionCodeIds.length > 0 ? { discounts: params.promotionCodeIds.map((id) => ({ promotion_code: id })) } : {}),
  });
}
