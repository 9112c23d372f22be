// What a checkout commits the customer to, as Stripe Checkout spells it out: what is charged today, then how
// much, how often, from when, and how the price holds the tax (a yen price includes it, a dollar price has it
// added). Computed on the server from the mirrored price and the catalogue's tax rate; the browser only shows it.
// Pure.
import type { CatalogPrice } from '@/db/queries/catalog';
import type { TaxRateSpec } from '@/lib/demo/catalog';
import { estimateTax, totalWithTax, type TaxLine } from '@/lib/billing/tax/tax-lines';
import { firstInvoiceAmount } from './group-catalog';

export type CheckoutTerms = {
  /** Charged when the customer presses the button, before discounts, tax included (0 during a trial and for usage billed in arrears). */
  dueToday: number;
  /** The tax inside (or added to) `dueToday`, estimated as Stripe computes the rate; empty when nothing is due. */
  dueTodayTaxes: TaxLine[];
  /** Each renewal before discounts, what the card is charged (tax included); null for usage-based prices (the amount follows the usage). */
  recurringAmount: number | null;
  /** Each renewal before discounts and before an added tax: the price as listed (equal to `recurringAmount` when the price includes the tax). */
  recurringNet: number | null;
  /** `inclusive`: the price holds the tax (税込); `exclusive`: the tax is added to it. */
  taxBehavior: TaxRateSpec['behavior'];
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

/** `amount` with `rate`'s tax: what the card is charged, and the tax line (none on nothing). */
function taxed(amount: number, rate: TaxRate): { total: number; taxes: TaxLine[] } {
  if (amount <= 0) return { total: amount, taxes: [] };
  const taxes = [estimateTax(amount, rate)];
  return { total: totalWithTax(amount, taxes), taxes };
}

type TaxRate = Pick<TaxRateSpec, 'percentage' | 'behavior' | 'displayName'>;

/**
 * The terms of subscribing to `price` × `quantity` now, with the catalogue's tax `rate` for the price (the rate
 * the subscription is created with); null for a price that does not recur.
 */
export function checkoutTerms(
  price: Pick<CatalogPrice, 'unitAmount' | 'metered' | 'interval' | 'intervalCount' | 'trialPeriodDays' | 'currency'>,
  quantity: number,
  now: Date,
  rate: TaxRate,
): CheckoutTerms | null {
  if (!price.interval) return null;
  const intervalCount = price.intervalCount ?? 1;
  const trialDays = price.trialPeriodDays ?? 0;
  const recurringNet = price.metered || price.unitAmount === null ? null : price.unitAmount * quantity;
  const today = taxed(trialDays > 0 ? 0 : firstInvoiceAmount(price, quantity), rate);
  return {
    dueToday: today.total,
    dueTodayTaxes: today.taxes,
    recurringAmount: recurringNet === null ? null : taxed(recurringNet, rate).total,
    recurringNet,
    taxBehavior: rate.behavior,
    interval: price.interval,
    intervalCount,
    recurringFrom: trialDays > 0 ? addInterval(now, 'day', trialDays) : addInterval(now, price.interval, intervalCount),
    currency: price.currency,
  };
}
