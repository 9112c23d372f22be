// Collections owned by the billing engine. Stripe objects are stored in their API shape (as the core does), plus a
// few internal records for state Stripe does not expose (which PaymentIntent pays an invoice, dunning progress).
import type Stripe from 'stripe';
import { defineCollection } from '../core/store.js';

/** Stored with `items.data` empty: items live in their own collection and are joined when serialised. */
export const subscriptionsCollection = defineCollection<Stripe.Subscription>('subscriptions');
export const subscriptionItemsCollection = defineCollection<Stripe.SubscriptionItem>('subscription_items');
/** Stored complete (lines, payments, confirmation_secret); includable fields are stripped when serialised. */
export const invoicesCollection = defineCollection<Stripe.Invoice>('invoices');
export const invoiceItemsCollection = defineCollection<Stripe.InvoiceItem>('invoiceitems');
export const discountsCollection = defineCollection<Stripe.Discount>('discounts');
export const metersCollection = defineCollection<Stripe.Billing.Meter>('billing_meters');

/** A meter event as stored: the API object plus what aggregation needs, keyed by `identifier`. */
export interface StoredMeterEvent {
  id: string;
  event_name: string;
  identifier: string;
  customer: string;
  value: number;
  timestamp: number;
  created: number;
  payload: Record<string, string>;
  /** Set when a `cancel` meter event adjustment cancelled it: it then counts nowhere (absent in older state files). */
  canceled_at?: number | null;
}
export const meterEventsCollection = defineCollection<StoredMeterEvent>('billing_meter_events');

export interface SubscriptionState {
  /** The subscription id. */
  id: string;
  item_order: string[];
  payment_behavior: 'allow_incomplete' | 'default_incomplete' | 'error_if_incomplete' | 'pending_if_incomplete';
  /** Which invoice period `invoice.upcoming` was last sent for (its period end), to send it once. */
  upcoming_sent_for: number | null;
  trial_will_end_sent_for: number | null;
}
export const subscriptionStateCollection = defineCollection<SubscriptionState>('_subscription_state');

export interface InvoiceState {
  /** The invoice id. */
  id: string;
  payment_intent: string | null;
  /** For send_invoice: the due date is finalization + this many days unless due_date was given. */
  days_until_due: number | null;
  overdue_sent: boolean;
  /** Automatic attempts so far under the dunning policy. */
  auto_attempts: number;
}
export const invoiceStateCollection = defineCollection<InvoiceState>('_invoice_state');

/** Per-customer invoice numbering: `ABCD1234-0001`, `ABCD1234-0002`, ... */
export interface InvoiceNumbering {
  /** The customer id. */
  id: string;
  prefix: string;
  next: number;
}
export const invoiceNumberingCollection = defineCollection<InvoiceNumbering>('_invoice_numbering');
