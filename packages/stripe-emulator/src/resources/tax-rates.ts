// Tax rates: /v1/tax_rates create, retrieve, update, list. Percentage rates only (Stripe's `flat_amount` rates
// come from Stripe Tax, not this API). `percentage` and `inclusive` are fixed at creation, as in Stripe; an
// archived rate (`active: false`) stays on what already uses it but cannot be applied anew.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { retrieveTaxRate, taxRatesCollection } from '../catalog/tax-rate-store.js';

const TAX_TYPES = [
  'amusement_tax', 'communications_tax', 'gst', 'hst', 'igst', 'jct', 'lease_tax', 'pst', 'qst', 'retail_delivery_fee',
  'rst', 'sales_tax', 'service_tax', 'vat',
] as const;

const editable = {
  active: p.boolean(),
  country: p.string({ maxLength: 2 }),
  description: p.string({ maxLength: 500 }),
  display_name: p.string({ maxLength: 50 }),
  jurisdiction: p.string({ maxLength: 50 }),
  metadata: p.metadata(),
  state: p.string(),
  tax_type: p.enumOf(TAX_TYPES),
} as const;

function checkCountry(country: string | undefined): string | null {
  if (country === undefined) return null;
  if (!/^[A-Za-z]{2}$/.test(country)) throw invalidRequest('Country must be a two-letter ISO 3166-1 code.', { param: 'country' });
  return country.toUpperCase();
}

export function registerTaxRates(emu: Emulator): void {
  const { router, store } = emu;
  emu.objects.register({ object: 'tax_rate', prefix: 'txr', collection: taxRatesCollection });

  router.api(
    'POST',
    '/v1/tax_rates',
    { ...editable, display_name: p.required(p.string({ maxLength: 50 })), inclusive: p.required(p.boolean()), percentage: p.required(p.number({ min: 0, max: 100 })) },
    ({ params }) => {
      const rate = {
        id: newId('txr'),
        object: 'tax_rate',
        active: params.active ?? true,
        country: checkCountry(params.country),
        created: emu.clock.wallNow(),
        description: params.description ?? null,
        display_name: params.display_name,
        effective_percentage: params.percentage,
        flat_amount: null,
        inclusive: params.inclusive,
        jurisdiction: params.jurisdiction ?? null,
        jurisdiction_level: null,
        livemode: false,
        metadata: applyMetadata({}, params.metadata),
        percentage: params.percentage,
        rate_type: 'percentage',
        state: params.state ?? null,
        tax_type: params.tax_type ?? null,
      } satisfies Full<Stripe.TaxRate>;
      store.insert(taxRatesCollection, rate);
      emu.events.emit('tax_rate.created', rate);
      return rate;
    },
  );

  router.api('GET', '/v1/tax_rates/:id', {}, ({ path }) => retrieveTaxRate(store, path.id, 'id'));

  router.api('POST', '/v1/tax_rates/:id', editable, ({ params, path }) => {
    const before = retrieveTaxRate(store, path.id, 'id');
    const after = store.update(taxRatesCollection, before.id, (r) => ({
      ...r,
      active: params.active ?? r.active,
      country: params.country === undefined ? r.country : checkCountry(params.country),
      description: params.description ?? r.description,
      display_name: params.display_name ?? r.display_name,
      jurisdiction: params.jurisdiction ?? r.jurisdiction,
      metadata: applyMetadata(r.metadata ?? {}, params.metadata),
      state: params.state ?? r.state,
      tax_type: params.tax_type ?? r.tax_type,
    }));
    const previous = diffAttributes(before, after);
    if (Object.keys(previous).length > 0) emu.events.emit('tax_rate.updated', after, { previousAttributes: previous });
    return after;
  });

  router.api(
    'GET',
    '/v1/tax_rates',
    { ...listParams, active: p.boolean(), inclusive: p.boolean(), created: p.range() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          taxRatesCollection,
          (r) =>
            (params.active === undefined || r.active === params.active) &&
            (params.inclusive === undefined || r.inclusive === params.inclusive) &&
            matchesRange(r.created, params.created),
        ),
        params,
        urlPath,
      ),
  );
}
