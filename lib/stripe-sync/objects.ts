// Convergent syncs of single objects, used by the webhook handlers: each re-reads the object from Stripe under
// its customer's lock (the same lock `syncStripeCustomer` takes) and upserts it, or removes it when Stripe no
// longer has it. Idempotent; the event that triggered the sync is only a hint.
import type Stripe from 'stripe';
import { type Tx } from '@/db';
import {
  deleteStripeInvoice,
  deleteStripePaymentMethod,
  deleteStripeSubscription,
  findMirroredCustomerId,
  findMirroredObjectSyncedAfter,
  replaceStripeInvoicePayments,
  resolveOrganizationForCustomer,
  upsertStripeInvoice,
  upsertStripePaymentMethod,
  upsertStripeCustomer,
  upsertStripeSubscription,
} from '@/db/queries/mirror';
import { customerLockKey, retrieveOrNull, stripeOf, withSyncLock, type SyncOptions } from './context';
import { mapInvoicePayment } from './map-adjustments';
import { mapInvoice } from './map-invoice';
import { mapPaymentMethod } from './map-payment-method';
import { mapCustomer } from './map-customer';
import { idOf, organizationIdFromMetadata } from './map-shared';
import { mapSubscription } from './map-subscription';
import {
  invoiceExpand,
  readDiscountCoupons,
  readInvoiceLines,
  readInvoicePayments,
  readLineTaxRates,
  readSubscriptionItems,
  subscriptionExpand,
  withoutPayments,
} from './read';

export type ObjectSyncOptions = SyncOptions & {
  /** The owning customer when the caller knows it (an event payload): saves a read to find the lock. */
  customerId?: string | null;
  /**
   * Skip the read when the mirror's row was read from Stripe after this moment (when the triggering event was
   * recorded): that read already saw the change the event announces. A burst of events about one object
   * (an invoice is created, finalized, paid…) then costs one read instead of one each.
   */
  unlessSyncedAfter?: Date;
};

export type ObjectSyncResult = {
  id: string;
  customerId: string | null;
  organizationId: string | null;
  /** `fresh`: nothing read, the row was already newer than `unlessSyncedAfter`. */
  outcome: 'upserted' | 'removed' | 'fresh';
};

/**
 * The result for an object the mirror already holds as read after `options.unlessSyncedAfter`, or null. Asked
 * before the lock (no transaction when it is fresh) and again once the lock is held: another sync of the same
 * object may have held it meanwhile, and its read is as recent as ours would be.
 */
async function alreadyFresh(kind: 'subscription' | 'invoice' | 'payment_method', id: string, tx: Tx | undefined, options?: ObjectSyncOptions): Promise<ObjectSyncResult | null> {
  if (!options?.unlessSyncedAfter) return null;
  const row = await findMirroredObjectSyncedAfter({ kind, id, after: options.unlessSyncedAfter }, tx);
  return row ? { id, customerId: row.customerId, organizationId: row.organizationId, outcome: 'fresh' } : null;
}

/**
 * The customer whose lock guards this object: the caller's hint, else what the mirror recorded, else a first
 * read from Stripe (the owner of a subscription or invoice never changes, so reading it before the lock is safe).
 */
async function lockOwner(
  kind: 'subscription' | 'invoice' | 'payment_method',
  id: string,
  hint: string | null | undefined,
  tx: Tx | undefined,
  discover: () => Promise<string | null>,
): Promise<string | null> {
  if (hint) return hint;
  const mirrored = await findMirroredCustomerId({ kind, id }, tx);
  if (mirrored) return mirrored;
  return discover();
}

/**
 * The organization owning `customerId`, for a single-object sync. Usually known locally (linked organization or
 * mirrored customer); otherwise the customer is read now (we hold its lock) and mirrored, so an invoice event
 * processed before its customer's events still lands under the right organization.
 */
async function organizationFor(stripe: Stripe, customerId: string, tx: Tx): Promise<string | null> {
  const known = await resolveOrganizationForCustomer({ customerId }, tx);
  if (known) return known;
  const customer = await retrieveOrNull(() => stripe.customers.retrieve(customerId));
  if (!customer || customer.deleted) return null;
  const organizationId = await resolveOrganizationForCustomer(
    { customerId, metadataOrganizationId: organizationIdFromMetadata(customer.metadata) },
    tx,
  );
  await upsertStripeCustomer(mapCustomer(customer, organizationId), tx);
  return organizationId;
}

/**
 * What every single-object sync shares: nothing is read when the mirror's row is already fresh; otherwise the
 * owner's lock is taken, freshness asked again under it, and the object read once and applied (`apply` upserts or
 * removes it).
 */
async function syncUnderOwnerLock<T extends { customer?: string | { id?: string } | null }>(
  kind: 'subscription' | 'invoice' | 'payment_method',
  id: string,
  tx: Tx | undefined,
  options: ObjectSyncOptions | undefined,
  retrieve: () => Promise<T | null>,
  apply: (object: T | null, owner: string | null, t: Tx) => Promise<ObjectSyncResult>,
): Promise<ObjectSyncResult> {
  const fresh = await alreadyFresh(kind, id, tx, options);
  if (fresh) return fresh;
  const owner = await lockOwner(kind, id, options?.customerId, tx, async () => idOf((await retrieve())?.customer));
  return withSyncLock(customerLockKey(owner ?? id), tx, async (t) => (await alreadyFresh(kind, id, t, options)) ?? apply(await retrieve(), owner, t));
}

export async function syncStripeSubscription(subscriptionId: string, tx?: Tx, options?: ObjectSyncOptions): Promise<ObjectSyncResult> {
  const stripe = stripeOf(options);
  const retrieve = () => retrieveOrNull(() => stripe.subscriptions.retrieve(subscriptionId, { expand: subscriptionExpand() }));
  return syncUnderOwnerLock('subscription', subscriptionId, tx, options, retrieve, async (subscription, owner, t) => {
    if (!subscription) {
      await deleteStripeSubscription({ id: subscriptionId }, t);
      return { id: subscriptionId, customerId: owner, organizationId: null, outcome: 'removed' };
    }
    const customerId = idOf(subscription.customer);
    const organizationId = customerId ? await organizationFor(stripe, customerId, t) : null;
    const [complete, items] = await Promise.all([readDiscountCoupons(stripe, subscription), readSubscriptionItems(stripe, subscription)]);
    await upsertStripeSubscription(mapSubscription(complete, organizationId, items), t);
    return { id: subscriptionId, customerId, organizationId, outcome: 'upserted' };
  });
}

export async function syncStripeInvoice(invoiceId: string, tx?: Tx, options?: ObjectSyncOptions): Promise<ObjectSyncResult> {
  const stripe = stripeOf(options);
  const retrieve = () => retrieveOrNull(() => stripe.invoices.retrieve(invoiceId, { expand: invoiceExpand() }));
  return syncUnderOwnerLock('invoice', invoiceId, tx, options, retrieve, async (read, owner, t) => {
    if (!read || !read.status) {
      await deleteStripeInvoice({ id: invoiceId }, t);
      return { id: invoiceId, customerId: owner, organizationId: null, outcome: 'removed' };
    }
    const invoice = withoutPayments(read);
    const customerId = idOf(invoice.customer);
    const organizationId = customerId ? await organizationFor(stripe, customerId, t) : null;
    // An invoice from a quote charges its rates per line: they are read too, or the mirror would state 0 %.
    // Its payments too: a card payment is mirrored when the invoice is paid, not at the customer's next full sync.
    const [lines, taxRates, payments] = await Promise.all([readInvoiceLines(stripe, invoice), readLineTaxRates(stripe, [invoice]), readInvoicePayments(stripe, [read])]);
    await upsertStripeInvoice(mapInvoice(invoice, organizationId, lines, taxRates), t);
    if (customerId) {
      await replaceStripeInvoicePayments(
        { invoiceId, payments: payments.map(({ payment, record }) => mapInvoicePayment(payment, record, customerId, organizationId)) },
        t,
      );
    }
    return { id: invoiceId, customerId, organizationId, outcome: 'upserted' };
  });
}

/**
 * A payment method can move from one customer to none (detached), so the lock is taken on the customer the
 * mirror knew (or the hint); a payment method with no customer leaves the mirror.
 */
export async function syncStripePaymentMethod(paymentMethodId: string, tx?: Tx, options?: ObjectSyncOptions): Promise<ObjectSyncResult> {
  const stripe = stripeOf(options);
  const retrieve = () => retrieveOrNull(() => stripe.paymentMethods.retrieve(paymentMethodId));
  return syncUnderOwnerLock('payment_method', paymentMethodId, tx, options, retrieve, async (paymentMethod, _owner, t) => {
    const customerId = idOf(paymentMethod?.customer);
    if (!paymentMethod || !customerId) {
      await deleteStripePaymentMethod({ id: paymentMethodId }, t);
      return { id: paymentMethodId, customerId: null, organizationId: null, outcome: 'removed' };
    }
    const organizationId = await organizationFor(stripe, customerId, t);
    await upsertStripePaymentMethod(mapPaymentMethod(paymentMethod, organizationId), t);
    return { id: paymentMethodId, customerId, organizationId, outcome: 'upserted' };
  });
}
