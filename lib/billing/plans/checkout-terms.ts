// What a checkout commits the customer to, as Stripe Checkout spells it out: what is charged today, then how
// much, how often, from when. Computed on the server from the mirrored price; the browser only shows it. Pure.
import type { CatalogPrice } from '@/db/queries/catalog';
import { firstInvoiceAmount } from './group-catalog';

export type CheckoutTerms = {
  /** Charged when the customer presses the button (0 during a trial, and for usage billed in arrears). */
  dueToday: number;
  /** Each renewal before discounts and tax; null for usage-based prices (the amount follows the usage). */
  recurringAmount: number | null;
  interval: 'day' | 'week' | 'month' | 'year';
  intervalCount: number;
  /** The first renewal: the trial's end, else one interval after today (Stripe's billing anchor is today). */
  recurringFrom: Date;
  currency: string;
};

/** `date` plus `count` intervals in UTC, clamped to the month's last day as Stripe's billing anchor is (Jan 31 → Feb 28). */
export function addInterval(date: Date, interval: CheckoutTerms['interval'], count: number): Date {
  const result = new Date(date.getTime());
  if (interval === 'day' || interval === 'week') {
    result.setUTCDate(result.getUTCDate() + count * (interval === 'week' ? 7 : 1));
    return result;
  }
  const months = interval === 'year' ? 12 * count : count;
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The terms of subscribing to `price` × `quantity` now; null for a price that does not recur. */
export function checkoutTerms(
  price: Pick<CatalogPrice, 'unitAmount' | 'metered' | 'interval' | 'intervalCount' | 'trialPeriodDays' | 'currency'>,
  quantity: number,
  now: Date,
): CheckoutTerms | null {
  if (!price.interval) return null;
  const intervalCount = price.intervalCount ?? 1;
  const trialDays = price.trialPeriodDays ?? 0;
  const recurringAmount = price.metered || price.unitAmount === null ? null : price.unitAmount * quantity;
  return {
    dueToday: trialDays > 0 ? 0 : firstInvoiceAmount(price, quantity),
    recurringAmount,
    interval: price.interval,
    intervalCount,
    recurringFrom: trialDays > 0 ? addInterval(now, 'day', trialDays) : addInterval(now, price.interval, intervalCount),
    currency: price.currency,
  };
}
