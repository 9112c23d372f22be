// Tax from tax rates, as Stripe computes it for `tax_rates` / `default_tax_rates` (not Stripe Tax):
// - A line's rates are its own (`tax_rates` of its subscription item or invoice item) or, when it has none, the
//   invoice's `default_tax_rates` (for a subscription's invoice: the subscription's `default_tax_rates`).
// - Tax is computed per line on what the line costs after its discounts (`amount − Σ discount_amounts`).
// - Exclusive rate: tax = taxable × p / 100, added on top of the total.
//   Inclusive rates: the line amount already holds them; its net is amount / (1 + Σ inclusive p / 100), rounded,
//   and the inclusive tax is the rest (amount − net), so net and tax always add up to the amount. Exclusive rates
//   on a line that also has inclusive ones apply to that net.
// - Every tax amount is rounded on its own to the currency's minor unit (amounts are already integers in it: yen
//   for JPY, cents for USD), halves away from zero — Stripe's default per-line rounding.
import type Stripe from 'stripe';
import { roundMinor } from './currency.js';

/** What computing a rate's tax needs (a rate's percentage and inclusive flag never change). */
export interface TaxRateTerms {
  id: string;
  percentage: number;
  inclusive: boolean;
}

export type TaxRateLookup = (id: string) => TaxRateTerms;

/** The rate ids a line's `taxes` were built for, in order. */
export function lineTaxRateIds(line: Pick<Stripe.InvoiceLineItem, 'taxes'>): string[] {
  return (line.taxes ?? []).flatMap((t) => (t.tax_rate_details ? [t.tax_rate_details.tax_rate] : []));
}

/** A line's tax entries for `rateIds` before amounts are known (recomputeInvoice fills them in). */
export function pendingTaxes(rateIds: string[]): Stripe.InvoiceLineItem.Tax[] {
  return rateIds.map((id) => ({
    amount: 0,
    tax_behavior: 'exclusive',
    tax_rate_details: { tax_rate: id },
    taxability_reason: 'not_available',
    taxable_amount: 0,
    type: 'tax_rate_details',
  }));
}

/** The ids of rates given as objects (subscription and item `tax_rates`, invoice `default_tax_rates`). */
export function rateIdsOf(rates: Array<Stripe.TaxRate | string> | null | undefined): string[] {
  return (rates ?? []).map((r) => (typeof r === 'string' ? r : r.id));
}

/**
 * Tax entries of one line whose amount after discounts is `taxable`, under `rates` (in the order given). The
 * inclusive taxes together are exactly `taxable − net` (so net + tax = the amount the customer pays); with
 * several inclusive rates that is shared by percentage, the rounding remainder going to the last.
 */
export function computeLineTaxes(taxable: number, rates: TaxRateTerms[]): Stripe.InvoiceLineItem.Tax[] {
  const inclusive = rates.filter((r) => r.inclusive);
  const inclusivePct = inclusive.reduce((a, r) => a + r.percentage, 0);
  const net = inclusivePct > 0 ? roundMinor(taxable / (1 + inclusivePct / 100)) : taxable;
  let inclusiveLeft = taxable - net;
  let inclusiveSeen = 0;
  return rates.map((r) => {
    let amount: number;
    if (!r.inclusive) amount = roundMinor((net * r.percentage) / 100);
    else if (++inclusiveSeen === inclusive.length) amount = inclusiveLeft;
    else {
      amount = roundMinor(((taxable - net) * r.percentage) / inclusivePct);
      inclusiveLeft -= amount;
    }
    return {
      amount,
      tax_behavior: r.inclusive ? 'inclusive' : 'exclusive',
      tax_rate_details: { tax_rate: r.id },
      taxability_reason: 'not_available',
      taxable_amount: net,
      type: 'tax_rate_details',
    };
  });
}

/** The inclusive tax held in `amount` (before discounts): what `subtotal_excluding_tax` leaves out. */
export function inclusiveTaxIn(amount: number, rates: TaxRateTerms[]): number {
  return computeLineTaxes(amount, rates)
    .filter((t) => t.tax_behavior === 'inclusive')
    .reduce((a, t) => a + t.amount, 0);
}

/** Invoice `total_taxes`: the lines' taxes summed per rate (first appearance order). */
export function sumTaxesByRate(lines: Array<Pick<Stripe.InvoiceLineItem, 'taxes'>>): Stripe.Invoice.TotalTax[] {
  const byRate = new Map<string, Stripe.Invoice.TotalTax>();
  for (const line of lines) {
    for (const t of line.taxes ?? []) {
      const id = t.tax_rate_details?.tax_rate;
      if (!id) continue;
      const seen = byRate.get(id);
      byRate.set(
        id,
        seen
          ? { ...seen, amount: seen.amount + t.amount, taxable_amount: (seen.taxable_amount ?? 0) + (t.taxable_amount ?? 0) }
          : { amount: t.amount, tax_behavior: t.tax_behavior, tax_rate_details: { tax_rate: id }, taxability_reason: t.taxability_reason, taxable_amount: t.taxable_amount, type: 'tax_rate_details' },
      );
    }
  }
  return [...byRate.values()];
}
