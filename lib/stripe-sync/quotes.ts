// Convergent sync of one Stripe quote: re-read under its customer's lock (the lock every sync of that customer
// takes) with its line items, then upsert. Idempotent; the event that triggered it is only a hint. A quote
// Stripe no longer has is left as last mirrored (quotes are never deleted in Stripe).
import type Stripe from 'stripe';
import { type Tx } from '@/db';
import { resolveOrganizationForCustomer, upsertStripeQuote } from '@/db/queries/mirror';
import { customerLockKey, listAll, retrieveOrNull, stripeOf, withSyncLock } from './context';
import { organizationIdFromMetadata, idOf } from './map-shared';
import { mapQuote } from './map-quote';
import type { ObjectSyncOptions } from './objects';

export type QuoteSyncResult = { id: string; customerId: string | null; organizationId: string | null; outcome: 'upserted' | 'missing' };

async function readQuoteLines(stripe: Stripe, quoteId: string): Promise<Stripe.LineItem[]> {
  return listAll(stripe.quotes.listLineItems(quoteId, { limit: 100, expand: ['data.taxes'] }));
}

export async function syncStripeQuote(quoteId: string, tx?: Tx, options?: ObjectSyncOptions): Promise<QuoteSyncResult> {
  const stripe = stripeOf(options);
  const retrieve = () => retrieveOrNull(() => stripe.quotes.retrieve(quoteId));
  const owner = options?.customerId ?? idOf((await retrieve())?.customer);
  return withSyncLock(customerLockKey(owner ?? quoteId), tx, async (t) => {
    const quote = await retrieve();
    if (!quote) return { id: quoteId, customerId: owner, organizationId: null, outcome: 'missing' };
    const customerId = idOf(quote.customer);
    const organizationId = customerId
      ? await resolveOrganizationForCustomer({ customerId, metadataOrganizationId: organizationIdFromMetadata(quote.metadata) }, t)
      : null;
    const lines = await readQuoteLines(stripe, quote.id);
    await upsertStripeQuote(mapQuote(quote, organizationId, lines), t);
    return { id: quoteId, customerId, organizationId, outcome: 'upserted' };
  });
}
