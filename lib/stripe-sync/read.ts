// Complete reads from Stripe: an object together with the pages its embedded lists did not include.
import type Stripe from 'stripe';
import { listAll } from './context';

/** A subscription's full item list (Stripe embeds the first page only). */
export async function readSubscriptionItems(stripe: Stripe, subscription: Stripe.Subscription): Promise<Stripe.SubscriptionItem[]> {
  if (!subscription.items.has_more) return subscription.items.data;
  return listAll(stripe.subscriptionItems.list({ subscription: subscription.id, limit: 100 }));
}

/**
 * What every read of a subscription expands, in the single read and the customer's list alike so both write the
 * same row: its discounts with their coupons and promotion codes (the subscription page names each discount still
 * running, what it takes off and until when, from the mirror).
 */
const SUBSCRIPTION_EXPAND = ['discounts', 'discounts.source.coupon', 'discounts.promotion_code'] as const;
export const subscriptionExpand = (): string[] => [...SUBSCRIPTION_EXPAND];
export const subscriptionListExpand = (): string[] => SUBSCRIPTION_EXPAND.map((path) => `data.${path}`);

/**
 * The subscription with what its amount coupons take off in its currency: an amount coupon in another currency
 * (¥500, or $4 in dollars) says so only in `currency_options`, which Stripe returns only when expanded and which
 * a subscription read cannot expand (five levels in a list). Such a coupon is read again; most need nothing.
 */
export async function readDiscountCoupons(stripe: Stripe, subscription: Stripe.Subscription): Promise<Stripe.Subscription> {
  const currency = subscription.currency.toLowerCase();
  const needsOptions = (coupon: Stripe.Coupon) =>
    coupon.amount_off !== null && coupon.currency?.toLowerCase() !== currency && !coupon.currency_options?.[currency];
  if (!subscription.discounts.some((d) => typeof d !== 'string' && typeof d.source.coupon === 'object' && d.source.coupon && needsOptions(d.source.coupon))) {
    return subscription;
  }
  const discounts = await Promise.all(
    subscription.discounts.map(async (d) => {
      const coupon = typeof d === 'string' ? null : d.source.coupon;
      if (typeof d === 'string' || !coupon || typeof coupon === 'string' || !needsOptions(coupon)) return d;
      const full = await stripe.coupons.retrieve(coupon.id, { expand: ['currency_options'] });
      return { ...d, source: { ...d.source, coupon: full } };
    }),
  );
  return { ...subscription, discounts };
}

/**
 * What every read of an invoice expands, in the single read and the customer's list alike so both write the same
 * row: its discounts with their coupons (pages name each coupon: its name and what it takes off, as applied) and
 * its payments (mirrored apart, in `stripe_invoice_payments`, then dropped from the row).
 */
const INVOICE_EXPAND = ['payments', 'discounts', 'discounts.source.coupon'] as const;
export const invoiceExpand = (): string[] => [...INVOICE_EXPAND];
export const invoiceListExpand = (): string[] => INVOICE_EXPAND.map((path) => `data.${path}`);

/** The invoice as the row keeps it: its payments were expanded only to be mirrored apart. */
export function withoutPayments(invoice: Stripe.Invoice): Stripe.Invoice {
  const { payments: _payments, ...rest } = invoice;
  return rest as Stripe.Invoice;
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
  /** Each invoice's payments, with the payment record behind those recorded outside Stripe. */
  invoicePayments: { payment: Stripe.InvoicePayment; record: Stripe.PaymentRecord | null }[];
  creditNotes: Stripe.CreditNote[];
  /**
   * The tax rates the invoices charged on their lines rather than as `default_tax_rates` (a subscription from a
   * quote carries its rates per item): Stripe names them by id only, and the mirror states each rate's percentage.
   */
  lineTaxRates: Stripe.TaxRate[];
};

/** The rates in the invoices' tax totals that their `default_tax_rates` do not describe, each read once. */
export async function readLineTaxRates(stripe: Stripe, invoices: Stripe.Invoice[]): Promise<Stripe.TaxRate[]> {
  const described = new Set(invoices.flatMap((invoice) => (invoice.default_tax_rates ?? []).map((rate) => rate.id)));
  const named = invoices.flatMap((invoice) => (invoice.total_taxes ?? []).map((tax) => tax.tax_rate_details?.tax_rate));
  const missing = [...new Set(named.filter((id): id is string => typeof id === 'string' && !described.has(id)))];
  return Promise.all(missing.map((id) => stripe.taxRates.retrieve(id)));
}

/** Payments of the invoices (read with `payments` expanded); records are read only for off-Stripe payments. */
export async function readInvoicePayments(stripe: Stripe, invoices: Stripe.Invoice[]): Promise<CustomerState['invoicePayments']> {
  const payments = invoices.flatMap((invoice) => invoice.payments?.data ?? []);
  return Promise.all(
    payments.map(async (payment) => {
      const ref = payment.payment.payment_record;
      const record = ref ? (typeof ref === 'string' ? await stripe.paymentRecords.retrieve(ref) : ref) : null;
      return { payment, record };
    }),
  );
}

/** Everything the mirror keeps for one customer: subscriptions (canceled too), invoices with lines, cards. */
export async function readCustomerState(stripe: Stripe, customerId: string): Promise<CustomerState> {
  const [subscriptions, invoices, paymentMethods, creditNotes] = await Promise.all([
    listAll(stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100, expand: subscriptionListExpand() })),
    listAll(stripe.invoices.list({ customer: customerId, limit: 100, expand: invoiceListExpand() })),
    listAll(stripe.paymentMethods.list({ customer: customerId, limit: 100 })),
    listAll(stripe.creditNotes.list({ customer: customerId, limit: 100 })),
  ]);
  const plainInvoices = invoices.map(withoutPayments);
  // What each list still needs (items, lines, payment records, tax rates) is read at once, not one after another.
  const [subscriptionsWithItems, invoicesWithLines, invoicePayments, lineTaxRates] = await Promise.all([
    Promise.all(
      subscriptions.map(async (read) => {
        const [subscription, items] = await Promise.all([readDiscountCoupons(stripe, read), readSubscriptionItems(stripe, read)]);
        return { subscription, items };
      }),
    ),
    Promise.all(plainInvoices.map(async (invoice) => ({ invoice, lines: await readInvoiceLines(stripe, invoice) }))),
    readInvoicePayments(stripe, invoices),
    readLineTaxRates(stripe, plainInvoices),
  ]);
  return { subscriptions: subscriptionsWithItems, invoices: invoicesWithLines, paymentMethods, invoicePayments, creditNotes, lineTaxRates };
}
