// What the overview says about the next invoice, from the mirror only: its date and amount. Pure.
//
// The amount is the renewal of the licensed items as the mirror holds them (each item's price in the
// subscription's currency × its quantity). It is computed on the page rather than stored at sync time because
// every input is already mirrored and kept current by the same sync (items, quantities, prices); a stored
// preview would need a Stripe call per sync and goes stale whenever a price or quantity row changes without it.
// Usage (metered items) is not known before the period closes, so the overview says "plus usage"; discounts and
// tax are applied by Stripe when the invoice is made, and the overview says so.
import { nextInvoiceDateOf } from '@/db/queries/billing';
import type { SubscriptionView } from '@/db/queries/subscriptions';

export type NextInvoice = {
  date: Date;
  /** In the subscription's currency and minor unit. */
  amount: number;
  currency: string;
  /** Metered items add their usage on top of `amount`. */
  plusUsage: boolean;
};

export function nextInvoiceOf(subscription: SubscriptionView | null): NextInvoice | null {
  const date = nextInvoiceDateOf(subscription);
  if (!subscription || !date) return null;
  let amount = 0;
  let plusUsage = false;
  for (const item of subscription.items) {
    if (item.usageType === 'metered' || item.unitAmount === null) {
      plusUsage = true;
      continue;
    }
    amount += item.unitAmount * (item.quantity ?? 1);
  }
  return { date, amount, currency: subscription.currency, plusUsage };
}
