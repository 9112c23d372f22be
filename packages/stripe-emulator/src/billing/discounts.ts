import { roundMinor } from './currency.js';
import { addIntervals } from './periods.js';

/** The parts of a Stripe coupon that decide how much it takes off. */
export interface CouponTerms {
  id: string;
  percent_off: number | null;
  amount_off: number | null;
  currency: string | null;
  currency_options?: Record<string, { amount_off: number }> | null;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months: number | null;
  applies_to?: { products: string[] } | null;
}

/** One discount in the order it applies (a subscription's or invoice's `discounts[]`). */
export interface DiscountInput {
  /** The Discount object id (`di_…`). */
  id: string;
  coupon: CouponTerms;
}

/** A line as the discount calculator sees it. */
export interface DiscountableLine {
  amount: number;
  discountable: boolean;
  /** Product id of the line's price, for coupons restricted with `applies_to.products`. */
  product: string | null;
}

export interface DiscountAmount {
  discount: string;
  amount: number;
}

export interface DiscountResult {
  /** Per line (same order as the input), the amount each discount took off that line. */
  lines: DiscountAmount[][];
  /** Per discount (same order as the input), the total taken off the invoice. */
  totals: DiscountAmount[];
}

/**
 * The amount off a coupon gives in `currency`, or null when it is a percent coupon. An amount coupon in another
 * currency without a matching `currency_options` entry cannot apply (Stripe rejects it when attached).
 */
export function couponAmountOff(coupon: CouponTerms, currency: string): number | null {
  if (coupon.amount_off == null) return null;
  const c = currency.toLowerCase();
  if (coupon.currency?.toLowerCase() === c) return coupon.amount_off;
  const option = coupon.currency_options?.[c];
  if (option) return option.amount_off;
  throw new RangeError(`coupon ${coupon.id} has no amount for currency ${c}`);
}

export function couponAppliesToCurrency(coupon: CouponTerms, currency: string): boolean {
  if (coupon.amount_off == null) return true;
  const c = currency.toLowerCase();
  return coupon.currency?.toLowerCase() === c || Boolean(coupon.currency_options?.[c]);
}

/**
 * When a discount that started at `start` stops applying: `once` after the first invoice (the caller ends it),
 * `repeating` after duration_in_months whole months, `forever` never (null).
 */
export function discountEnd(coupon: CouponTerms, start: number): number | null {
  if (coupon.duration === 'repeating') {
    return addIntervals(start, { interval: 'month', interval_count: 1 }, coupon.duration_in_months ?? 1);
  }
  return null;
}

/** Splits `total` across `weights` in proportion, largest remainder first, so the parts sum exactly to `total`. */
export function allocateProportionally(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/**
 * Applies discounts in order, each to what the earlier ones left (two 10 % coupons take 19 %, not 20 %).
 * - percent_off: on every eligible line, rounded per line; on a credit line it shrinks the credit (the discount
 *   amount is negative there), so a discounted plan change credits what was really paid.
 * - amount_off: at most the eligible positive remainder, spread over the positive eligible lines in proportion.
 * Eligible: `discountable` and, when the coupon has `applies_to.products`, a line of one of those products.
 */
export function applyDiscounts(
  lines: DiscountableLine[],
  discounts: DiscountInput[],
  currency: string,
): DiscountResult {
  const remaining = lines.map((l) => l.amount);
  const perLine: DiscountAmount[][] = lines.map(() => []);
  const totals: DiscountAmount[] = [];
  for (const d of discounts) {
    const eligible = lines.map(
      (l) =>
        l.discountable &&
        (!d.coupon.applies_to?.products?.length || (l.product != null && d.coupon.applies_to.products.includes(l.product))),
    );
    const taken = lines.map(() => 0);
    if (d.coupon.percent_off != null) {
      const pct = d.coupon.percent_off;
      lines.forEach((_, i) => {
        if (eligible[i]) taken[i] = roundMinor((remaining[i] * pct) / 100);
      });
    } else {
      const amountOff = couponAmountOff(d.coupon, currency) ?? 0;
      const weights = remaining.map((r, i) => (eligible[i] && r > 0 ? r : 0));
      const cap = Math.min(amountOff, weights.reduce((a, b) => a + b, 0));
      allocateProportionally(cap, weights).forEach((part, i) => {
        taken[i] = part;
      });
    }
    let total = 0;
    taken.forEach((t, i) => {
      if (!eligible[i]) return;
      remaining[i] -= t;
      total += t;
      perLine[i].push({ discount: d.id, amount: t });
    });
    totals.push({ discount: d.id, amount: total });
  }
  return { lines: perLine, totals };
}
