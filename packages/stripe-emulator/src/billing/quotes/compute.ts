// A quote's amounts, with the invoice arithmetic billing uses (discounts.ts, tax.ts), so that what a quote shows
// is what the invoice it turns into charges:
// - `line_items` / the top-level totals: every line at its full price, every quote discount;
// - `computed.upfront`: the first invoice (a trial makes the recurring lines 0, as the trial invoice does);
// - `computed.recurring`: each later period: the recurring lines and only the `forever` discounts (Stripe:
//   "takes into account the line items with recurring prices and discounts with duration=forever coupons only").
// Each line: amount = unit amount × quantity; the discounts take off in order; tax per rate on what is left
// (exclusive added, inclusive inside); amount_total = subtotal − discount + exclusive tax.
import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import type { Full } from '../../core/types.js';
import { applyDiscounts, type CouponTerms } from '../discounts.js';
import { computeLineTaxes } from '../tax.js';
import type { QuoteLineDetails, StoredLineItem } from './quote-store.js';

export interface PricedLine {
  /** The LineItem id to use (stable for `line_items`, fresh for upfront lines). */
  id: string;
  price: Stripe.Price;
  quantity: number;
  /** Unit amount × billed quantity in the quote's currency (0 for a recurring line during a trial). */
  amount: number;
  description: string;
  product: string;
  /** The rates that apply to the line (its own, else the quote's defaults). */
  rates: Stripe.TaxRate[];
}

export interface QuoteDiscount {
  discount: Stripe.Discount;
  terms: CouponTerms;
}

export interface ComputedLine {
  item: StoredLineItem;
  details: QuoteLineDetails;
}

export interface ComputedSet {
  lines: ComputedLine[];
  amount_subtotal: number;
  amount_total: number;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
}

/** Amounts of `lines` under `discounts` (in order) in `currency`. */
export function computeSet(lines: PricedLine[], discounts: QuoteDiscount[], currency: string): ComputedSet {
  const applied = applyDiscounts(
    lines.map((l) => ({ amount: l.amount, discountable: true, product: l.product })),
    discounts.map((d) => ({ id: d.discount.id, coupon: d.terms })),
    currency,
  );
  const byId = new Map(discounts.map((d) => [d.discount.id, d.discount]));
  let subtotal = 0;
  let discountTotal = 0;
  let taxTotal = 0;
  let total = 0;
  const computed = lines.map((line, i) => {
    const lineDiscounts = applied.lines[i].filter((d) => d.amount !== 0);
    const discount = lineDiscounts.reduce((a, d) => a + d.amount, 0);
    const taxes = computeLineTaxes(line.amount - discount, line.rates);
    const tax = taxes.reduce((a, t) => a + t.amount, 0);
    const exclusive = taxes.filter((t) => t.tax_behavior === 'exclusive').reduce((a, t) => a + t.amount, 0);
    const lineTotal = line.amount - discount + exclusive;
    subtotal += line.amount;
    discountTotal += discount;
    taxTotal += tax;
    total += lineTotal;
    const item = {
      id: line.id,
      object: 'item',
      adjustable_quantity: null,
      amount_discount: discount,
      amount_subtotal: line.amount,
      amount_tax: tax,
      amount_total: lineTotal,
      currency,
      description: line.description,
      metadata: {},
      price: line.price,
      quantity: line.quantity,
    } satisfies Full<Stripe.LineItem, 'discounts' | 'taxes'>;
    const details: QuoteLineDetails = {
      id: line.id,
      discounts: lineDiscounts.flatMap((d) => {
        const found = byId.get(d.discount);
        return found ? [{ amount: d.amount, discount: found }] : [];
      }),
      taxes: taxes.map((t, k) => ({
        amount: t.amount,
        rate: line.rates[k],
        taxability_reason: null,
        taxable_amount: t.taxable_amount,
      })),
    };
    return { item, details };
  });
  return {
    lines: computed,
    amount_subtotal: subtotal,
    amount_total: total,
    total_details: { amount_discount: discountTotal, amount_shipping: 0, amount_tax: taxTotal },
  };
}

/** Fresh ids for the lines of a computed set that is stored separately (upfront line items). */
export function withFreshIds(lines: PricedLine[]): PricedLine[] {
  return lines.map((l) => ({ ...l, id: newId('li') }));
}
