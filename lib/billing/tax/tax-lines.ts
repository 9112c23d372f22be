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

/** Japan's consumption-tax rates: a derived rate this close to one of them is that rate. */
const KNOWN_RATES = [10, 8];

/**
 * The percentage of one Stripe line tax. Stripe gives the tax rate's id (`tax_rate_details.tax_rate`); an expanded
 * tax rate or `taxRates` (id → percentage, when the caller knows them) gives the exact rate. Otherwise it is derived
 * from the tax and taxable amounts and snapped to the nearest Japanese rate when within half a point.
 */
export function taxRatePercentOf(tax: Partial<Stripe.InvoiceLineItem.Tax>, taxRates: ReadonlyMap<string, number> = new Map()): number | null {
  const ref = tax.tax_rate_details?.tax_rate as string | { id: string; percentage: number } | undefined;
  if (ref && typeof ref === 'object' && typeof ref.percentage === 'number') return ref.percentage;
  if (typeof ref === 'string' && taxRates.has(ref)) return taxRates.get(ref)!;
  if (typeof tax.amount !== 'number' || !tax.taxable_amount) return null;
  const derived = (tax.amount / tax.taxable_amount) * 100;
  const known = KNOWN_RATES.find((rate) => Math.abs(rate - derived) < 0.5);
  return known ?? Math.round(derived * 100) / 100;
}

/**
 * An invoice's (or preview's) tax per rate from `total_taxes`. The rate's name and percentage come from the
 * invoice's `default_tax_rates` or `knownRates` (rates charged per line, as a subscription from a quote has them:
 * Stripe names those by id only); a rate found in neither keeps its id as the name, so an amount is never hidden,
 * and its percentage derived from the amounts (taxRatePercentOf).
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
      // A rate named by id only and not read: derived from its amounts as the documents do, else not stated.
      percentage: rate?.percentage ?? taxRatePercentOf(t),
      inclusive: t.tax_behavior === 'inclusive',
      amount: t.amount,
      taxableAmount: t.taxable_amount ?? 0,
    };
  });
}
