// Tax rates: the collection and lookups that the tax-rate routes and billing (subscriptions, invoice items,
// invoices) share. A rate's `percentage` and `inclusive` never change after creation (Stripe refuses both on
// update), so an invoice can look a rate up by id at any time and compute the same tax.
import type Stripe from 'stripe';
import { defineCollection, type Store } from '../core/store.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';

export const taxRatesCollection = defineCollection<Stripe.TaxRate>('tax_rates');

/** The rate, or Stripe's 404 `No such tax rate`. */
export function retrieveTaxRate(store: Store, id: string, param = 'tax_rate'): Stripe.TaxRate {
  const rate = store.get(taxRatesCollection, id);
  if (!rate) throw resourceMissing('tax rate', id, param);
  return rate;
}

/**
 * Rates given by id for a subscription, item, invoice or invoice item: each must exist and be active (Stripe:
 * for an inactive rate on a new object), none twice. `undefined` means "not given"; `null` (the SDK's `''`) clears them.
 */
export function resolveTaxRates(store: Store, ids: string[] | null | undefined, param: string): Stripe.TaxRate[] | null {
  if (ids === undefined || ids === null) return null;
  if (new Set(ids).size !== ids.length) throw invalidRequest('Tax rates must not be repeated.', { param });
  return ids.map((id, i) => {
    const rate = retrieveTaxRate(store, id, `${param}[${i}]`);
    if (!rate.active) throw invalidRequest(`Tax rate ${id} is not active and cannot be applied.`, { param: `${param}[${i}]` });
    return rate;
  });
}
