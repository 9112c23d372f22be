// Which Stripe tax rates a catalogue price is charged, decided on the server from the catalogue (lib/demo/catalog.ts:
// the product's tax category and the currency's inclusive/exclusive rule), never from the browser. The rates are
// found by their `seikyu_catalog_key` metadata, as the seed created them.
import 'server-only';
import { CATALOG_KEY_METADATA, taxCategoryOf, taxRateFor, type TaxRateSpec } from '@/lib/demo/catalog';
import { AppError } from '@/lib/errors';
import { listActiveTaxRates } from '@/lib/stripe/list-active-tax-rates';

/** The catalogue rate for a price (by lookup key) in a currency. Pure: what checkout shows before Stripe is asked. */
export function catalogTaxRate(price: { lookupKey: string | null; currency: string }): TaxRateSpec {
  return taxRateFor(taxCategoryOf(price.lookupKey), price.currency);
}

/** The Stripe tax rate ids to put in `default_tax_rates` for a price in a currency. */
export async function taxRateIdsFor(price: { lookupKey: string | null; currency: string }): Promise<string[]> {
  const spec = catalogTaxRate(price);
  const found = (await listActiveTaxRates()).find((r) => r.metadata?.[CATALOG_KEY_METADATA] === spec.key);
  // Charging without the tax would under-bill: refuse, and say what to run.
  if (!found) throw new AppError('internal', `tax rate ${spec.key} is missing from the Stripe account: run the catalogue seed`);
  return [found.id];
}
