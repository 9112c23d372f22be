// The plans the create and update planners produce before anything is written.
import type Stripe from 'stripe';
import type { Period, Recurrence } from '../periods.js';
import type { PaymentBehavior } from '../inputs.js';

/** One item of a subscription as it will be after a change (existing or new). */
export interface PlannedItem {
  id: string;
  existing: Stripe.SubscriptionItem | null;
  price: Stripe.Price;
  quantity: number;
  metadata: Stripe.Metadata;
  /** The item's own tax rates (null: the subscription's default_tax_rates apply). */
  tax_rates: Stripe.TaxRate[] | null;
}

export interface PlannedChange {
  items: PlannedItem[];
  removed: Stripe.SubscriptionItem[];
  prorationDate: number;
  period: Period;
  /** Proration invoice items to create (not yet stored). */
  prorations: Stripe.InvoiceItem[];
  /** The billing cycle restarts now (interval change or billing_cycle_anchor=now): bill the new period now. */
  resetAnchor: boolean;
  recurrence: Recurrence;
}

export interface CreatePlan {
  customer: Stripe.Customer;
  at: number;
  sub: Stripe.Subscription;
  items: Stripe.SubscriptionItem[];
  invoice: Stripe.Invoice;
  addInvoiceItems: Stripe.InvoiceItem[];
  pendingExisting: Stripe.InvoiceItem[];
  resolvedDiscounts: { coupon: Stripe.Coupon; promotionCode: string | null; existing: string | null }[];
  discountIds: string[];
  behavior: PaymentBehavior;
  collection: 'charge_automatically' | 'send_invoice';
  trialEnd: number | null;
  pmForCharge: string | null;
}
