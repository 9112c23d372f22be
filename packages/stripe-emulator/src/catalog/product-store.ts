// The product object itself: its collection and `createProduct`, which both the products routes and the prices
// routes (`product_data`) use. Kept apart from the routes so products.ts → prices.ts has no way back.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';

export const productsCollection = defineCollection<Stripe.Product>('products');


export interface ProductInput {
  name: string;
  id?: string;
  active?: boolean;
  description?: string;
  images?: string[];
  marketing_features?: Array<{ name: string }>;
  metadata?: Record<string, string> | null;
  shippable?: boolean;
  statement_descriptor?: string;
  tax_code?: string;
  unit_label?: string;
  url?: string;
}

/** Validates and creates a product. Emits product.created. */
export function createProduct(emu: Emulator, input: ProductInput): Stripe.Product {
  if (!input.name) throw invalidRequest('Missing required param: name.', { code: 'parameter_missing', param: 'name' });
  if (input.id !== undefined) {
    if (!/^[A-Za-z0-9_-]+$/.test(input.id)) throw invalidRequest('Invalid id: only letters, digits, - and _ are allowed.', { param: 'id' });
    if (emu.store.has(productsCollection, input.id)) {
      throw invalidRequest(`Product already exists.`, { code: 'resource_already_exists', param: 'id' });
    }
  }
  const now = emu.clock.wallNow();
  const product = {
    id: input.id ?? newId('prod'),
    object: 'product',
    active: input.active ?? true,
    created: now,
    default_price: null,
    description: input.description ?? null,
    images: input.images ?? [],
    livemode: false,
    marketing_features: input.marketing_features ?? [],
    metadata: applyMetadata({}, input.metadata),
    name: input.name,
    package_dimensions: null,
    shippable: input.shippable ?? null,
    statement_descriptor: input.statement_descriptor ?? null,
    tax_code: input.tax_code ?? null,
    tax_details: null,
    type: 'service',
    unit_label: input.unit_label ?? null,
    updated: now,
    url: input.url ?? null,
  } satisfies Full<Stripe.Product, 'deleted'>;
  emu.store.insert(productsCollection, product);
  emu.events.emit('product.created', product);
  return product;
}
