// Parsed request inputs for subscription and invoice operations (the resource modules parse form params into
// these; the preview endpoint reuses them so a preview and the real change share one code path).

export interface DiscountParam {
  coupon?: string;
  promotion_code?: string;
  discount?: string;
}

export interface ItemParam {
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: boolean;
  metadata?: Record<string, string> | null;
  /** Tax rate ids; null (the SDK's '') clears the item's own rates. */
  tax_rates?: string[] | null;
}

export interface AddInvoiceItemParam {
  price?: string;
  quantity?: number;
  price_data?: { currency: string; product: string; unit_amount: number };
  /** The invoice item's own tax rates (ids); null or absent: the subscription's default_tax_rates apply. */
  tax_rates?: string[] | null;
}

export type PaymentBehavior = 'allow_incomplete' | 'default_incomplete' | 'error_if_incomplete' | 'pending_if_incomplete';
export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none';

export interface CreateSubscriptionInput {
  customer: string;
  items: ItemParam[];
  currency?: string;
  payment_behavior?: PaymentBehavior;
  collection_method?: 'charge_automatically' | 'send_invoice';
  days_until_due?: number;
  default_payment_method?: string;
  description?: string;
  metadata?: Record<string, string> | null;
  trial_period_days?: number;
  trial_end?: number | 'now';
  trial_from_plan?: boolean;
  trial_settings?: { end_behavior: { missing_payment_method: 'cancel' | 'create_invoice' | 'pause' } };
  discounts?: DiscountParam[];
  cancel_at_period_end?: boolean;
  cancel_at?: number;
  billing_cycle_anchor?: number;
  proration_behavior?: ProrationBehavior;
  add_invoice_items?: AddInvoiceItemParam[];
  off_session?: boolean;
  payment_settings?: { save_default_payment_method?: 'on_subscription' | 'off' };
  default_tax_rates?: string[] | null;
}

export interface UpdateSubscriptionInput {
  items?: ItemParam[];
  proration_behavior?: ProrationBehavior;
  proration_date?: number;
  payment_behavior?: PaymentBehavior;
  cancel_at_period_end?: boolean;
  cancel_at?: number | null;
  cancellation_details?: { comment?: string | null; feedback?: string | null };
  collection_method?: 'charge_automatically' | 'send_invoice';
  days_until_due?: number;
  default_payment_method?: string | null;
  description?: string | null;
  metadata?: Record<string, string> | null;
  discounts?: DiscountParam[] | null;
  trial_end?: number | 'now';
  billing_cycle_anchor?: 'now' | 'unchanged';
  add_invoice_items?: AddInvoiceItemParam[];
  off_session?: boolean;
  payment_settings?: { save_default_payment_method?: 'on_subscription' | 'off' };
  default_tax_rates?: string[] | null;
}
