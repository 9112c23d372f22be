// Drift check: compares what the mirror holds with what a fresh read from Stripe says it should hold. Empty
// means the mirror equals Stripe. Used by the integration tests and available to operators ("is this customer
// in sync?") without changing anything.
import { isDeepStrictEqual } from 'node:util';
import type Stripe from 'stripe';
import { db, type Tx } from '@/db';
import { readCatalogMirror, readCustomerMirror, resolveOrganizationForCustomer } from '@/db/queries/mirror';
import { listAll, retrieveOrNull, stripeOf, type SyncOptions } from './context';
import { mapPrice, mapProduct } from './map-catalog';
import { mapCustomer } from './map-customer';
import { mapInvoice } from './map-invoice';
import { mapPaymentMethod } from './map-payment-method';
import { organizationIdFromMetadata } from './map-shared';
import { mapSubscription } from './map-subscription';
import { readCustomerState } from './read';

export type MirrorDrift = { table: string; id: string; problem: 'missing' | 'unexpected' | 'different'; columns?: string[] };

/** Columns that describe our bookkeeping, not Stripe's state. */
const IGNORED_COLUMNS = new Set(['syncedAt']);

function compareRows<T extends { id: string }>(table: string, expected: T[], actual: Record<string, unknown>[]): MirrorDrift[] {
  const drift: MirrorDrift[] = [];
  const actualById = new Map(actual.map((row) => [row.id as string, row]));
  for (const want of expected) {
    const have = actualById.get(want.id);
    actualById.delete(want.id);
    if (!have) {
      drift.push({ table, id: want.id, problem: 'missing' });
      continue;
    }
    const columns = Object.keys(want).filter(
      (key) => !IGNORED_COLUMNS.has(key) && !isDeepStrictEqual(normalize((want as Record<string, unknown>)[key]), normalize(have[key])),
    );
    if (columns.length) drift.push({ table, id: want.id, problem: 'different', columns });
  }
  for (const id of actualById.keys()) drift.push({ table, id, problem: 'unexpected' });
  return drift;
}

/** Undefined and null are the same absence; jsonb key order does not matter (deep equality ignores it). */
function normalize(value: unknown): unknown {
  return value === undefined ? null : value;
}

export async function findCustomerMirrorDrift(customerId: string, options: SyncOptions & { tx?: Tx } = {}): Promise<MirrorDrift[]> {
  const stripe: Stripe = stripeOf(options);
  const tx = options.tx ?? db;
  const mirror = await readCustomerMirror({ customerId }, tx);
  const customer = await retrieveOrNull(() => stripe.customers.retrieve(customerId));
  if (!customer || customer.deleted) {
    return mirror.customer && !mirror.customer.deleted ? [{ table: 'stripe_customers', id: customerId, problem: 'different', columns: ['deleted'] }] : [];
  }
  const state = await readCustomerState(stripe, customerId);
  const organizationId = await resolveOrganizationForCustomer({ customerId, metadataOrganizationId: organizationIdFromMetadata(customer.metadata) }, tx);
  const subscriptions = state.subscriptions.map((s) => mapSubscription(s.subscription, organizationId, s.items));
  const invoices = state.invoices.filter((i) => i.invoice.status !== null).map((i) => mapInvoice(i.invoice, organizationId, i.lines, state.lineTaxRates));
  return [
    ...compareRows('stripe_customers', [mapCustomer(customer, organizationId)], mirror.customer ? [mirror.customer] : []),
    ...compareRows('stripe_subscriptions', subscriptions.map((s) => s.subscription), mirror.subscriptions),
    ...compareRows('stripe_subscription_items', subscriptions.flatMap((s) => s.items), mirror.subscriptionItems),
    ...compareRows('stripe_invoices', invoices.map((i) => i.invoice), mirror.invoices),
    ...compareRows('stripe_invoice_lines', invoices.flatMap((i) => i.lines), mirror.invoiceLines),
    ...compareRows('stripe_payment_methods', state.paymentMethods.map((p) => mapPaymentMethod(p, organizationId)), mirror.paymentMethods),
  ];
}

export async function findCatalogMirrorDrift(options: SyncOptions & { tx?: Tx } = {}): Promise<MirrorDrift[]> {
  const stripe = stripeOf(options);
  const mirror = await readCatalogMirror(options.tx ?? db);
  const [products, prices] = await Promise.all([
    listAll(stripe.products.list({ limit: 100 })),
    listAll(stripe.prices.list({ limit: 100, expand: ['data.currency_options'] })),
  ]);
  return [
    ...compareRows('stripe_products', products.map(mapProduct), mirror.products),
    ...compareRows('stripe_prices', prices.map(mapPrice), mirror.prices),
  ];
}
