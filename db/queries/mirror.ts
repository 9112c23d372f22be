// The Stripe mirror: upserts by Stripe id, written only by lib/stripe-sync. Every function takes `(params, tx = db)`.
// Writers hold the per-customer (or catalogue) advisory lock from `lockStripeSync` for the length of their
// transaction, so two syncs of the same customer never interleave their reads and writes.
import { and, desc, eq, getTableColumns, gt, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { db, type Tx } from '@/db';
import {
  organizations,
  stripeCreditNotes,
  stripeCustomers,
  stripeInvoiceLines,
  stripeInvoicePayments,
  stripeInvoices,
  stripePaymentMethods,
  stripePrices,
  stripeProducts,
  stripeQuotes,
  stripeSubscriptionItems,
  stripeSubscriptions,
} from '@/db/schema';

type Insert<T extends PgTable> = T['$inferInsert'];

/** `SET col = excluded.col` for every column but the key: the incoming row replaces the stored one. */
function replaceAll(table: PgTable, keep: string[] = ['id']): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (keep.includes(key)) continue;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  if ('syncedAt' in set) set.syncedAt = sql`now()`;
  return set;
}

/**
 * Serializes every sync touching `key` ('customer:cus_…' or 'catalog') until the transaction ends.
 * Reads from Stripe happen after this lock is held, so the last writer has also read last.
 */
export async function lockStripeSync(params: { key: string }, tx: Tx = db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`stripe-sync:${params.key}`}, 0))`);
}

/**
 * The organization a Stripe customer belongs to: the one whose `stripe_customer_id` is this customer, else the
 * one named by the customer's `metadata.organization_id` if it exists here, else the one already recorded on
 * the mirrored customer. Null when none exists (a customer created outside the portal).
 */
export async function resolveOrganizationForCustomer(
  params: { customerId: string; metadataOrganizationId?: string | null },
  tx: Tx = db,
): Promise<string | null> {
  const conditions = [eq(organizations.stripeCustomerId, params.customerId)];
  if (params.metadataOrganizationId) conditions.push(eq(organizations.id, params.metadataOrganizationId));
  const [owner] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(or(...conditions))
    .orderBy(desc(sql`${organizations.stripeCustomerId} = ${params.customerId}`))
    .limit(1);
  if (owner) return owner.id;
  if (params.metadataOrganizationId !== undefined) return null;
  const [mirrored] = await tx
    .select({ organizationId: stripeCustomers.organizationId })
    .from(stripeCustomers)
    .where(eq(stripeCustomers.id, params.customerId));
  return mirrored?.organizationId ?? null;
}

export async function upsertStripeCustomer(row: Insert<typeof stripeCustomers>, tx: Tx = db): Promise<void> {
  await tx.insert(stripeCustomers).values(row).onConflictDoUpdate({ target: stripeCustomers.id, set: replaceAll(stripeCustomers) });
}

/** A customer deleted in Stripe stays in the mirror, flagged, so its invoices keep their owner. */
export async function markStripeCustomerDeleted(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx
    .update(stripeCustomers)
    .set({ deleted: true, syncedAt: sql`now()` })
    .where(eq(stripeCustomers.id, params.id));
}

export async function upsertStripeSubscription(
  params: { subscription: Insert<typeof stripeSubscriptions>; items: Insert<typeof stripeSubscriptionItems>[] },
  tx: Tx = db,
): Promise<void> {
  const { subscription, items } = params;
  await tx
    .insert(stripeSubscriptions)
    .values(subscription)
    .onConflictDoUpdate({ target: stripeSubscriptions.id, set: replaceAll(stripeSubscriptions) });
  const keep = items.map((i) => i.id);
  await tx
    .delete(stripeSubscriptionItems)
    .where(
      and(
        eq(stripeSubscriptionItems.subscriptionId, subscription.id),
        keep.length ? notInArray(stripeSubscriptionItems.id, keep) : undefined,
      ),
    );
  if (items.length) {
    await tx
      .insert(stripeSubscriptionItems)
      .values(items)
      .onConflictDoUpdate({ target: stripeSubscriptionItems.id, set: replaceAll(stripeSubscriptionItems) });
  }
}

export async function upsertStripeInvoice(
  params: { invoice: Insert<typeof stripeInvoices>; lines: Insert<typeof stripeInvoiceLines>[] },
  tx: Tx = db,
): Promise<void> {
  const { invoice, lines } = params;
  await tx.insert(stripeInvoices).values(invoice).onConflictDoUpdate({ target: stripeInvoices.id, set: replaceAll(stripeInvoices) });
  const keep = lines.map((l) => l.id);
  await tx
    .delete(stripeInvoiceLines)
    .where(and(eq(stripeInvoiceLines.invoiceId, invoice.id), keep.length ? notInArray(stripeInvoiceLines.id, keep) : undefined));
  if (lines.length) {
    await tx
      .insert(stripeInvoiceLines)
      .values(lines)
      .onConflictDoUpdate({ target: stripeInvoiceLines.id, set: replaceAll(stripeInvoiceLines) });
  }
}

/**
 * Replaces a customer's invoice payments and credit notes with what Stripe lists now (upsert, then prune the
 * rest), so a voided note or a canceled payment never lingers.
 */
export async function replaceStripeInvoiceAdjustments(
  params: { customerId: string; payments: Insert<typeof stripeInvoicePayments>[]; creditNotes: Insert<typeof stripeCreditNotes>[] },
  tx: Tx = db,
): Promise<void> {
  const { customerId, payments, creditNotes } = params;
  if (payments.length) {
    await tx.insert(stripeInvoicePayments).values(payments).onConflictDoUpdate({ target: stripeInvoicePayments.id, set: replaceAll(stripeInvoicePayments) });
  }
  if (creditNotes.length) {
    await tx.insert(stripeCreditNotes).values(creditNotes).onConflictDoUpdate({ target: stripeCreditNotes.id, set: replaceAll(stripeCreditNotes) });
  }
  const paymentIds = payments.map((p) => p.id);
  const noteIds = creditNotes.map((n) => n.id);
  await tx
    .delete(stripeInvoicePayments)
    .where(and(eq(stripeInvoicePayments.customerId, customerId), paymentIds.length ? notInArray(stripeInvoicePayments.id, paymentIds) : undefined));
  await tx
    .delete(stripeCreditNotes)
    .where(and(eq(stripeCreditNotes.customerId, customerId), noteIds.length ? notInArray(stripeCreditNotes.id, noteIds) : undefined));
}

/** Replaces one invoice's payments with what Stripe lists on it now (upsert, then prune the rest of that invoice's). */
export async function replaceStripeInvoicePayments(
  params: { invoiceId: string; payments: Insert<typeof stripeInvoicePayments>[] },
  tx: Tx = db,
): Promise<void> {
  const { invoiceId, payments } = params;
  if (payments.length) {
    await tx.insert(stripeInvoicePayments).values(payments).onConflictDoUpdate({ target: stripeInvoicePayments.id, set: replaceAll(stripeInvoicePayments) });
  }
  const keep = payments.map((p) => p.id);
  await tx
    .delete(stripeInvoicePayments)
    .where(and(eq(stripeInvoicePayments.invoiceId, invoiceId), keep.length ? notInArray(stripeInvoicePayments.id, keep) : undefined));
}

/** A deleted draft invoice disappears from Stripe; its lines go with it (cascade). */
export async function upsertStripeQuote(row: Insert<typeof stripeQuotes>, tx: Tx = db): Promise<void> {
  await tx.insert(stripeQuotes).values(row).onConflictDoUpdate({ target: stripeQuotes.id, set: replaceAll(stripeQuotes) });
}

export async function deleteStripeInvoice(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx.delete(stripeInvoices).where(eq(stripeInvoices.id, params.id));
}

export async function upsertStripePaymentMethod(row: Insert<typeof stripePaymentMethods>, tx: Tx = db): Promise<void> {
  await tx
    .insert(stripePaymentMethods)
    .values(row)
    .onConflictDoUpdate({ target: stripePaymentMethods.id, set: replaceAll(stripePaymentMethods) });
}

/** A detached payment method no longer belongs to anyone we bill: it leaves the mirror. */
export async function deleteStripePaymentMethod(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx.delete(stripePaymentMethods).where(eq(stripePaymentMethods.id, params.id));
}

/** The mirror's table for each kind of object a webhook re-reads on its own. */
const MIRRORED_OBJECT_TABLES = { subscription: stripeSubscriptions, invoice: stripeInvoices, payment_method: stripePaymentMethods };

/** The customer the mirror recorded for an object, to take that customer's lock before re-reading it. */
export async function findMirroredCustomerId(
  params: { kind: keyof typeof MIRRORED_OBJECT_TABLES; id: string },
  tx: Tx = db,
): Promise<string | null> {
  const table = MIRRORED_OBJECT_TABLES[params.kind];
  const [row] = await tx.select({ customerId: table.customerId }).from(table).where(eq(table.id, params.id));
  return row?.customerId ?? null;
}

/**
 * The mirrored object's owner when its row was last read from Stripe after `after` (its `synced_at`, the start of
 * the transaction that read it, so every read of that sync began later); null when it was not, or is not mirrored.
 */
export async function findMirroredObjectSyncedAfter(
  params: { kind: keyof typeof MIRRORED_OBJECT_TABLES; id: string; after: Date },
  tx: Tx = db,
): Promise<{ customerId: string | null; organizationId: string | null } | null> {
  const table = MIRRORED_OBJECT_TABLES[params.kind];
  const [row] = await tx
    .select({ customerId: table.customerId, organizationId: table.organizationId })
    .from(table)
    .where(and(eq(table.id, params.id), gt(table.syncedAt, params.after)));
  return row ?? null;
}

/** The customer row, when it was last read from Stripe after `after` (as above); null when not, or not mirrored. */
export async function findMirroredCustomerSyncedAfter(params: { id: string; after: Date }, tx: Tx = db): Promise<{ organizationId: string | null } | null> {
  const [row] = await tx
    .select({ organizationId: stripeCustomers.organizationId })
    .from(stripeCustomers)
    .where(and(eq(stripeCustomers.id, params.id), gt(stripeCustomers.syncedAt, params.after)));
  return row ?? null;
}

export async function deleteStripeSubscription(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx.delete(stripeSubscriptions).where(eq(stripeSubscriptions.id, params.id));
}

/**
 * After a full read of one customer: drop the subscriptions, invoices and payment methods the mirror still
 * holds for it that Stripe no longer lists (deleted drafts, detached cards).
 */
export async function pruneStripeCustomerObjects(
  params: { customerId: string; subscriptionIds: string[]; invoiceIds: string[]; paymentMethodIds: string[] },
  tx: Tx = db,
): Promise<void> {
  const { customerId } = params;
  await tx
    .delete(stripeSubscriptions)
    .where(
      and(
        eq(stripeSubscriptions.customerId, customerId),
        params.subscriptionIds.length ? notInArray(stripeSubscriptions.id, params.subscriptionIds) : undefined,
      ),
    );
  await tx
    .delete(stripeInvoices)
    .where(and(eq(stripeInvoices.customerId, customerId), params.invoiceIds.length ? notInArray(stripeInvoices.id, params.invoiceIds) : undefined));
  await tx
    .delete(stripePaymentMethods)
    .where(
      and(
        eq(stripePaymentMethods.customerId, customerId),
        params.paymentMethodIds.length ? notInArray(stripePaymentMethods.id, params.paymentMethodIds) : undefined,
      ),
    );
}

export async function upsertStripeProduct(row: Insert<typeof stripeProducts>, tx: Tx = db): Promise<void> {
  await tx.insert(stripeProducts).values(row).onConflictDoUpdate({ target: stripeProducts.id, set: replaceAll(stripeProducts) });
}

export async function deleteStripeProduct(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx.delete(stripePrices).where(eq(stripePrices.productId, params.id));
  await tx.delete(stripeProducts).where(eq(stripeProducts.id, params.id));
}

export async function upsertStripePrice(row: Insert<typeof stripePrices>, tx: Tx = db): Promise<void> {
  await tx.insert(stripePrices).values(row).onConflictDoUpdate({ target: stripePrices.id, set: replaceAll(stripePrices) });
}

export async function deleteStripePrice(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx.delete(stripePrices).where(eq(stripePrices.id, params.id));
}

/** After a full catalogue read: drop products and prices Stripe no longer has. */
export async function pruneStripeCatalog(params: { productIds: string[]; priceIds: string[] }, tx: Tx = db): Promise<void> {
  await tx.delete(stripePrices).where(params.priceIds.length ? notInArray(stripePrices.id, params.priceIds) : undefined);
  await tx.delete(stripeProducts).where(params.productIds.length ? notInArray(stripeProducts.id, params.productIds) : undefined);
}

/** Every mirrored customer id, for the backfill to revisit customers Stripe no longer lists (deleted ones). */
export async function listMirroredCustomerIds(tx: Tx = db): Promise<string[]> {
  const rows = await tx.select({ id: stripeCustomers.id }).from(stripeCustomers).where(eq(stripeCustomers.deleted, false));
  return rows.map((r) => r.id);
}

export type CustomerMirror = {
  customer: typeof stripeCustomers.$inferSelect | null;
  subscriptions: (typeof stripeSubscriptions.$inferSelect)[];
  subscriptionItems: (typeof stripeSubscriptionItems.$inferSelect)[];
  invoices: (typeof stripeInvoices.$inferSelect)[];
  invoiceLines: (typeof stripeInvoiceLines.$inferSelect)[];
  paymentMethods: (typeof stripePaymentMethods.$inferSelect)[];
};

/** Everything the mirror holds for one Stripe customer (for drift checks and the admin resync view). */
export async function readCustomerMirror(params: { customerId: string }, tx: Tx = db): Promise<CustomerMirror> {
  const { customerId } = params;
  const [customer] = await tx.select().from(stripeCustomers).where(eq(stripeCustomers.id, customerId));
  const subscriptions = await tx.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.customerId, customerId));
  const subscriptionItems = subscriptions.length
    ? await tx.select().from(stripeSubscriptionItems).where(inArray(stripeSubscriptionItems.subscriptionId, subscriptions.map((s) => s.id)))
    : [];
  const invoices = await tx.select().from(stripeInvoices).where(eq(stripeInvoices.customerId, customerId));
  const invoiceLines = invoices.length
    ? await tx.select().from(stripeInvoiceLines).where(inArray(stripeInvoiceLines.invoiceId, invoices.map((i) => i.id)))
    : [];
  const paymentMethods = await tx.select().from(stripePaymentMethods).where(eq(stripePaymentMethods.customerId, customerId));
  return { customer: customer ?? null, subscriptions, subscriptionItems, invoices, invoiceLines, paymentMethods };
}

export async function readCatalogMirror(tx: Tx = db): Promise<{
  products: (typeof stripeProducts.$inferSelect)[];
  prices: (typeof stripePrices.$inferSelect)[];
}> {
  return { products: await tx.select().from(stripeProducts), prices: await tx.select().from(stripePrices) };
}
