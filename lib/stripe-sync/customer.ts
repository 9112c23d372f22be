// Convergent sync of one Stripe customer and everything the mirror keeps for it. Idempotent; safe to re-run
// at any time and in any order with the webhook-driven syncs: it re-reads Stripe under the customer's lock.
import type Stripe from 'stripe';
import { type Tx } from '@/db';
import {
  findMirroredCustomerSyncedAfter,
  markStripeCustomerDeleted,
  pruneStripeCustomerObjects,
  resolveOrganizationForCustomer,
  replaceStripeInvoiceAdjustments,
  upsertStripeCustomer,
  upsertStripeInvoice,
  upsertStripePaymentMethod,
  upsertStripeSubscription,
} from '@/db/queries/mirror';
import { customerLockKey, retrieveOrNull, stripeOf, withSyncLock, type SyncOptions } from './context';
import { mapCreditNote, mapInvoicePayment } from './map-adjustments';
import { mapCustomer } from './map-customer';
import { mapInvoice } from './map-invoice';
import { mapPaymentMethod } from './map-payment-method';
import { organizationIdFromMetadata } from './map-shared';
import { mapSubscription } from './map-subscription';
import { readCustomerState } from './read';

export type CustomerSyncResult = {
  customerId: string;
  organizationId: string | null;
  /** The customer no longer exists in Stripe (deleted): flagged in the mirror, nothing else read. */
  deleted: boolean;
  subscriptions: number;
  invoices: number;
  paymentMethods: number;
};

/**
 * Makes the mirror equal Stripe for this customer: the customer row, all its subscriptions (canceled included)
 * with items, all its invoices with lines and payments, its credit notes, its payment methods; rows Stripe no longer lists are removed.
 */
export async function syncStripeCustomer(customerId: string, tx?: Tx, options?: SyncOptions): Promise<CustomerSyncResult> {
  const stripe = stripeOf(options);
  return withSyncLock(customerLockKey(customerId), tx, (t) => syncLockedCustomer(stripe, customerId, t));
}

/** The full sync's work, for a caller that holds the customer's lock in `t`. */
async function syncLockedCustomer(stripe: Stripe, customerId: string, t: Tx): Promise<CustomerSyncResult> {
  const customer = await retrieveOrNull(() => stripe.customers.retrieve(customerId));
  if (!customer || customer.deleted) {
    await markStripeCustomerDeleted({ id: customerId }, t);
    return { customerId, organizationId: null, deleted: true, subscriptions: 0, invoices: 0, paymentMethods: 0 };
  }
  const state = await readCustomerState(stripe, customerId);
  const organizationId = await resolveOrganizationForCustomer(
    { customerId, metadataOrganizationId: organizationIdFromMetadata(customer.metadata) },
    t,
  );

  await upsertStripeCustomer(mapCustomer(customer, organizationId), t);
  for (const { subscription, items } of state.subscriptions) {
    await upsertStripeSubscription(mapSubscription(subscription, organizationId, items), t);
  }
  const invoices = state.invoices.filter(({ invoice }) => invoice.status !== null);
  for (const { invoice, lines } of invoices) {
    await upsertStripeInvoice(mapInvoice(invoice, organizationId, lines, state.lineTaxRates), t);
  }
  for (const paymentMethod of state.paymentMethods) {
    await upsertStripePaymentMethod(mapPaymentMethod(paymentMethod, organizationId), t);
  }
  await replaceStripeInvoiceAdjustments(
    {
      customerId,
      payments: state.invoicePayments.map(({ payment, record }) => mapInvoicePayment(payment, record, customerId, organizationId)),
      creditNotes: state.creditNotes.map((note) => mapCreditNote(note, organizationId)),
    },
    t,
  );
  await pruneStripeCustomerObjects(
    {
      customerId,
      subscriptionIds: state.subscriptions.map((s) => s.subscription.id),
      invoiceIds: invoices.map((i) => i.invoice.id),
      paymentMethodIds: state.paymentMethods.map((p) => p.id),
    },
    t,
  );
  return {
    customerId,
    organizationId,
    deleted: false,
    subscriptions: state.subscriptions.length,
    invoices: invoices.length,
    paymentMethods: state.paymentMethods.length,
  };
}

/**
 * For an event about the customer object itself: the full sync above, unless the customer row was read from
 * Stripe after `unlessSyncedAfter` (when the event was recorded), which already shows what the event announces
 * (asked before the lock and again once it is held). The objects the customer owns have events of their own.
 */
export async function syncStripeCustomerUnlessFresh(
  customerId: string,
  options: SyncOptions & { unlessSyncedAfter?: Date },
): Promise<{ customerId: string; organizationId: string | null; fresh: boolean }> {
  const freshRow = async (tx?: Tx) =>
    options.unlessSyncedAfter ? findMirroredCustomerSyncedAfter({ id: customerId, after: options.unlessSyncedAfter }, tx) : null;
  const before = await freshRow();
  if (before) return { customerId, organizationId: before.organizationId, fresh: true };
  return withSyncLock(customerLockKey(customerId), undefined, async (t) => {
    const now = await freshRow(t);
    if (now) return { customerId, organizationId: now.organizationId, fresh: true };
    const result = await syncLockedCustomer(stripeOf(options), customerId, t);
    return { customerId, organizationId: result.organizationId, fresh: false };
  });
}

/**
 * Mirrors the customer row alone after a change to the customer object only, re-read from Stripe under
 * the customer's lock so a concurrent full sync cannot interleave. For changes that touch only the customer
 * object; everything else the customer owns is left to the full sync above.
 */
export async function syncStripeCustomerRecord(customerId: string, tx?: Tx, options?: SyncOptions): Promise<void> {
  const stripe = stripeOf(options);
  await withSyncLock(customerLockKey(customerId), tx, async (t) => {
    const customer = await retrieveOrNull(() => stripe.customers.retrieve(customerId));
    if (!customer || customer.deleted) {
      await markStripeCustomerDeleted({ id: customerId }, t);
      return;
    }
    const organizationId = await resolveOrganizationForCustomer({ customerId, metadataOrganizationId: organizationIdFromMetadata(customer.metadata) }, t);
    await upsertStripeCustomer(mapCustomer(customer, organizationId), t);
  });
}
