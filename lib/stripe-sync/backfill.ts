// Backfill: the whole mirror re-read from Stripe — the catalogue, every customer Stripe lists, and every customer
// the mirror holds that Stripe no longer lists (so deletions are flagged). Idempotent; safe at any time, also
// while webhooks are being processed (each customer is synced under its lock).
import { listMirroredCustomerIds } from '@/db/queries/mirror';
import { listAll, stripeOf, type SyncOptions } from './context';
import { syncStripeCatalog } from './catalog';
import { syncStripeCustomer } from './customer';

export type BackfillResult = {
  products: number;
  prices: number;
  customers: number;
  deletedCustomers: number;
  subscriptions: number;
  invoices: number;
  paymentMethods: number;
};

export async function backfillStripeMirror(
  options: SyncOptions & { onCustomer?: (customerId: string, index: number, total: number) => void } = {},
): Promise<BackfillResult> {
  const stripe = stripeOf(options);
  const catalog = await syncStripeCatalog(undefined, { stripe });
  const listed = (await listAll(stripe.customers.list({ limit: 100 }))).map((c) => c.id);
  const mirrored = await listMirroredCustomerIds();
  const customerIds = [...new Set([...listed, ...mirrored])];

  const result: BackfillResult = { ...catalog, customers: 0, deletedCustomers: 0, subscriptions: 0, invoices: 0, paymentMethods: 0 };
  for (const [index, customerId] of customerIds.entries()) {
    options.onCustomer?.(customerId, index, customerIds.length);
    const synced = await syncStripeCustomer(customerId, undefined, { stripe });
    if (synced.deleted) {
      result.deletedCustomers += 1;
      continue;
    }
    result.customers += 1;
    result.subscriptions += synced.subscriptions;
    result.invoices += synced.invoices;
    result.paymentMethods += synced.paymentMethods;
  }
  return result;
}
