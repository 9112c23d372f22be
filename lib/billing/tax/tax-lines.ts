// Consumption tax as the portal shows it: one line per rate ("消費税 10%", inclusive or added). Pure, shared by
// checkout (estimated from the catalogue before anything exists in Stripe), the plan-change preview and the
// mirrored invoices (both from Stripe's own `total_taxes`).
import type Stripe from 'stripe';
import type { MirroredTaxLine } from '@/db/schema';
import type { TaxRateSpec } from '@/lib/demo/catalog';

/**
 * One rate's tax: `rateId` null for an estimate made before the subscription exists; `amount` in the currency's
 * minor unit; `taxableAmount` what it was computed on, excluding the tax. The mirror stores the same shape.
 */
export type TaxLine = MirroredTaxLine;

/** Stripe's rounding: to the nearest minor unit (yen, cent), halves away from zero. */
function roundMinor(value: number): number {
  const nudged = Math.round(value * 1e9) / 1e9;
  return Math.sign(nudged) * Math.round(Math.abs(nudged));
}

/**
 * The tax on `amount` (minor units, after discounts) at one catalogue rate, computed as Stripe computes tax rates
 * on one line: exclusive `amount × p / 100`; inclusive: net = amount / (1 + p / 100), tax = amount − net.
 */
export function estimateTax(amount: number, rate: Pick<TaxRateSpec, 'percentage' | 'behavior' | 'displayName'>): TaxLine {
  const inclusive = rate.behavior === 'inclusive';
  const net = inclusive ? roundMinor(amount / (1 + rate.percentage / 100)) : amount;
  const tax = inclusive ? amount - net : roundMinor((amount * rate.percentage) / 100);
  return { rateId: null, displayName: rate.displayName, percentage: rate.percentage, inclusive, amount: tax, taxableAmount: net };
}

/** What the customer pays for `amount` with `tax`: inclusive tax is already inside, exclusive is added. */
export function totalWithTax(amount: number, taxes: TaxLine[]): number {
  return amount + taxes.filter((t) => !t.inclusive).reduce((a, t) => a + t.amount, 0);
}

/**
 * An invoice's (or preview's) tax per rate from `total_taxes`. The rate's name and percentage come from the
 * invoice's `default_tax_rates` or `knownRates` (rates charged per line, as a subscription from a quote has them:
 * Stripe names those by id only); a rate found in neither keeps its id as the name, so an amount is never hidden.
 */
export function taxLinesOf(
  invoice: Pick<Stripe.Invoice, 'total_taxes' | 'default_tax_rates'>,
  knownRates: Stripe.TaxRate[] = [],
): TaxLine[] {
  const rates = new Map([...knownRates, ...(invoice.default_tax_rates ?? [])].map((r) => [r.id, r]));
  return (invoice.total_taxes ?? []).map((t) => {
    const id = t.tax_rate_details?.tax_rate ?? null;
    const rate = id ? rates.get(id) : undefined;
    return {
      rateId: id,
      displayName: rate?.display_name ?? id ?? 'Tax',
      percentage: rate?.percentage ?? 0,
      inclusive: t.tax_behavior === 'inclusive',
      amount: t.amount,
      taxableAmount: t.taxable_amount ?? 0,
    };
  });
}
