// Complete reads from Stripe: an object together with the pages its embedded lists did not include.
import type Stripe from 'stripe';
import { listAll } from './context';

/** A subscription's full item list (Stripe embeds the first page only). */
export async function readSubscriptionItems(stripe: Stripe, subscription: Stripe.Subscription): Promise<Stripe.SubscriptionItem[]> {
  if (!subscription.items.has_more) return subscription.items.data;
  return listAll(stripe.subscriptionItems.list({ subscription: subscription.id, limit: 100 }));
}

/** An invoice's full line list (Stripe embeds the first page only). */
export async function readInvoiceLines(stripe: Stripe, invoice: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
  if (!invoice.lines.has_more) return invoice.lines.data;
  return listAll(stripe.invoices.listLineItems(invoice.id, { limit: 100 }));
}

export type CustomerState = {
  subscriptions: { subscription: Stripe.Subscription; items: Stripe.SubscriptionItem[] }[];
  invoices: { invoice: Stripe.Invoice; lines: Stripe.InvoiceLineItem[] }[];
  paymentMethods: Stripe.PaymentMethod[];
};

/** Everything the mirror keeps for one customer: subscriptions (canceled too), invoices with lines, cards. */
export async function readCustomerState(stripe: Stripe, customerId: string): Promise<CustomerState> {
  const [subscriptions, invoices, paymentMethods] = await Promise.all([
    listAll(stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 })),
    listAll(stripe.invoices.list({ customer: customerId, limit: 100 })),
    listAll(stripe.paymentMethods.list({ customer: customerId, limit: 100 })),
  ]);
  return {
    subscriptions: await Promise.all(
      subscriptions.map(async (subscription) => ({ subscription, items: await readSubscriptionItems(stripe, subscription) })),
    ),
    invoices: await Promise.all(invoices.map(async (invoice) => ({ invoice, lines: await readInvoiceLines(stripe, invoice) }))),
    paymentMethods,
  };
}
