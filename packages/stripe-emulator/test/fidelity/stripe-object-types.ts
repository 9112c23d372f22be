// The Stripe objects the emulator returns, keyed by their `object` value (`#deleted` for deletion stubs).
// Input to generate-schemas.ts: JSON Schema is generated from these SDK types, so the schema is the
// stripe@23.1.0 contract (API version 2026-10-28.endive), not our reading of it.
import type { Customer, DeletedCustomer } from '../../../../node_modules/stripe/esm/resources/Customers.js';
import type { PaymentMethod } from '../../../../node_modules/stripe/esm/resources/PaymentMethods.js';
import type { SetupIntent } from '../../../../node_modules/stripe/esm/resources/SetupIntents.js';
import type { SetupAttempt } from '../../../../node_modules/stripe/esm/resources/SetupAttempts.js';
import type { PaymentIntent } from '../../../../node_modules/stripe/esm/resources/PaymentIntents.js';
import type { Charge } from '../../../../node_modules/stripe/esm/resources/Charges.js';
import type { Refund } from '../../../../node_modules/stripe/esm/resources/Refunds.js';
import type { Product, DeletedProduct } from '../../../../node_modules/stripe/esm/resources/Products.js';
import type { Price } from '../../../../node_modules/stripe/esm/resources/Prices.js';
import type { Plan, DeletedPlan } from '../../../../node_modules/stripe/esm/resources/Plans.js';
import type { Coupon, DeletedCoupon } from '../../../../node_modules/stripe/esm/resources/Coupons.js';
import type { PromotionCode } from '../../../../node_modules/stripe/esm/resources/PromotionCodes.js';
import type { Discount, DeletedDiscount } from '../../../../node_modules/stripe/esm/resources/Discounts.js';
import type { Subscription } from '../../../../node_modules/stripe/esm/resources/Subscriptions.js';
import type { SubscriptionItem, DeletedSubscriptionItem } from '../../../../node_modules/stripe/esm/resources/SubscriptionItems.js';
import type { SubscriptionSchedule } from '../../../../node_modules/stripe/esm/resources/SubscriptionSchedules.js';
import type { Invoice, DeletedInvoice } from '../../../../node_modules/stripe/esm/resources/Invoices.js';
import type { InvoiceItem, DeletedInvoiceItem } from '../../../../node_modules/stripe/esm/resources/InvoiceItems.js';
import type { InvoiceLineItem } from '../../../../node_modules/stripe/esm/resources/InvoiceLineItems.js';
import type { InvoicePayment } from '../../../../node_modules/stripe/esm/resources/InvoicePayments.js';
import type { CreditNote } from '../../../../node_modules/stripe/esm/resources/CreditNotes.js';
import type { CreditNoteLineItem } from '../../../../node_modules/stripe/esm/resources/CreditNoteLineItems.js';
import type { Quote } from '../../../../node_modules/stripe/esm/resources/Quotes.js';
import type { LineItem } from '../../../../node_modules/stripe/esm/resources/LineItems.js';
import type { PaymentRecord } from '../../../../node_modules/stripe/esm/resources/PaymentRecords.js';
import type { BalanceTransaction } from '../../../../node_modules/stripe/esm/resources/BalanceTransactions.js';
import type { CustomerBalanceTransaction } from '../../../../node_modules/stripe/esm/resources/CustomerBalanceTransactions.js';
import type { Mandate } from '../../../../node_modules/stripe/esm/resources/Mandates.js';
import type { TaxId, DeletedTaxId } from '../../../../node_modules/stripe/esm/resources/TaxIds.js';
import type { TaxRate } from '../../../../node_modules/stripe/esm/resources/TaxRates.js';
import type { File } from '../../../../node_modules/stripe/esm/resources/Files.js';
import type { EventBase } from '../../../../node_modules/stripe/esm/resources/Events.js';
import type { WebhookEndpoint, DeletedWebhookEndpoint } from '../../../../node_modules/stripe/esm/resources/WebhookEndpoints.js';
import type { Meter } from '../../../../node_modules/stripe/esm/resources/Billing/Meters.js';
import type { MeterEvent } from '../../../../node_modules/stripe/esm/resources/Billing/MeterEvents.js';
import type { MeterEventSummary } from '../../../../node_modules/stripe/esm/resources/Billing/MeterEventSummaries.js';
import type { Account, DeletedAccount } from '../../../../node_modules/stripe/esm/resources/Accounts.js';
import type { AccountLink } from '../../../../node_modules/stripe/esm/resources/AccountLinks.js';
import type { Transfer } from '../../../../node_modules/stripe/esm/resources/Transfers.js';
import type { TransferReversal } from '../../../../node_modules/stripe/esm/resources/TransferReversals.js';
import type { Balance } from '../../../../node_modules/stripe/esm/resources/Balance.js';
import type { MeterEventAdjustment } from '../../../../node_modules/stripe/esm/resources/Billing/MeterEventAdjustments.js';
import type { Account as V2Account } from '../../../../node_modules/stripe/esm/resources/V2/Core/Accounts.js';
import type { AccountLink as V2AccountLink } from '../../../../node_modules/stripe/esm/resources/V2/Core/AccountLinks.js';
import type { EventBase as V2EventBase, V2 as V2EventTypes } from '../../../../node_modules/stripe/esm/resources/V2/Core/Events.js';
import type { EventDestination as V2EventDestination } from '../../../../node_modules/stripe/esm/resources/V2/Core/EventDestinations.js';
import type { MeterEventSession as V2MeterEventSession } from '../../../../node_modules/stripe/esm/resources/V2/Billing/MeterEventSession.js';
import type { MeterEvent as V2MeterEvent } from '../../../../node_modules/stripe/esm/resources/V2/Billing/MeterEvents.js';
import type { MeterEventAdjustment as V2MeterEventAdjustment } from '../../../../node_modules/stripe/esm/resources/V2/Billing/MeterEventAdjustments.js';
import type { TestClock, DeletedTestClock } from '../../../../node_modules/stripe/esm/resources/TestHelpers/TestClocks.js';

/** Stripe's error body (`{ error: … }`), as documented at https://docs.stripe.com/api/errors. */
export interface StripeErrorBody {
  error: {
    type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | 'rate_limit_error' | 'authentication_error' | 'permission_error';
    code?: string;
    decline_code?: string;
    message?: string;
    param?: string;
    doc_url?: string;
    request_log_url?: string;
    charge?: string;
    advice_code?: string;
    network_decline_code?: string;
    payment_intent?: PaymentIntent;
    setup_intent?: SetupIntent;
    payment_method?: PaymentMethod;
    payment_method_type?: string;
    source?: unknown;
  };
}

/** A list envelope; items are validated one by one against their own object's schema. */
export interface StripeListEnvelope {
  object: 'list';
  data: unknown[];
  has_more: boolean;
  url: string;
}

export interface StripeSearchEnvelope {
  object: 'search_result';
  data: unknown[];
  has_more: boolean;
  next_page: string | null;
  url: string;
  total_count?: number;
}

/** A v2 list page (no `object` field): items are validated one by one. */
export interface StripeV2ListEnvelope {
  data: unknown[];
  next_page_url: string | null;
  previous_page_url: string | null;
}

/** Stripe's v2 error body, as the SDK reads it (`generateV2Error`: `type` picks the error class). */
export interface StripeV2ErrorBody {
  error: {
    type: string;
    code: string;
    message: string;
  };
}

/**
 * A v2 event (`GET /v2/core/events`) and its thin notification: the SDK's `EventBase` plus what the SDK types per
 * event (`related_object` on every `v2.core.account*` event, a type-specific `data` in the fetched event only).
 */
export interface StripeV2Event extends V2EventBase {
  related_object?: V2EventTypes.Core.Events.RelatedObject;
  data?: Record<string, unknown>;
}

/** The v2 meter event stream answers an empty object on success (the SDK resolves `void`). */
export type StripeV2Empty = Record<string, never>;

export interface StripeObjects {
  customer: Customer;
  'customer#deleted': DeletedCustomer;
  payment_method: PaymentMethod;
  setup_intent: SetupIntent;
  setup_attempt: SetupAttempt;
  payment_intent: PaymentIntent;
  charge: Charge;
  refund: Refund;
  product: Product;
  'product#deleted': DeletedProduct;
  price: Price;
  plan: Plan;
  'plan#deleted': DeletedPlan;
  coupon: Coupon;
  'coupon#deleted': DeletedCoupon;
  promotion_code: PromotionCode;
  discount: Discount;
  'discount#deleted': DeletedDiscount;
  subscription: Subscription;
  subscription_item: SubscriptionItem;
  'subscription_item#deleted': DeletedSubscriptionItem;
  subscription_schedule: SubscriptionSchedule;
  invoice: Invoice;
  'invoice#deleted': DeletedInvoice;
  invoiceitem: InvoiceItem;
  'invoiceitem#deleted': DeletedInvoiceItem;
  line_item: InvoiceLineItem;
  invoice_payment: InvoicePayment;
  credit_note: CreditNote;
  credit_note_line_item: CreditNoteLineItem;
  quote: Quote;
  /** A quote's (or Checkout's) line item. */
  item: LineItem;
  payment_record: PaymentRecord;
  balance_transaction: BalanceTransaction;
  customer_balance_transaction: CustomerBalanceTransaction;
  mandate: Mandate;
  tax_id: TaxId;
  'tax_id#deleted': DeletedTaxId;
  tax_rate: TaxRate;
  file: File;
  event: EventBase;
  webhook_endpoint: WebhookEndpoint;
  'webhook_endpoint#deleted': DeletedWebhookEndpoint;
  'billing.meter': Meter;
  'billing.meter_event': MeterEvent;
  'billing.meter_event_summary': MeterEventSummary;
  'test_helpers.test_clock': TestClock;
  'test_helpers.test_clock#deleted': DeletedTestClock;
  account: Account;
  'account#deleted': DeletedAccount;
  account_link: AccountLink;
  transfer: Transfer;
  transfer_reversal: TransferReversal;
  balance: Balance;
  'billing.meter_event_adjustment': MeterEventAdjustment;
  'v2.core.account': V2Account;
  'v2.core.account_link': V2AccountLink;
  'v2.core.event': StripeV2Event;
  'v2.core.event_destination': V2EventDestination;
  'v2.billing.meter_event_session': V2MeterEventSession;
  'v2.billing.meter_event': V2MeterEvent;
  'v2.billing.meter_event_adjustment': V2MeterEventAdjustment;
  'v2#list': StripeV2ListEnvelope;
  'v2#error': StripeV2ErrorBody;
  'v2#empty': StripeV2Empty;
  list: StripeListEnvelope;
  search_result: StripeSearchEnvelope;
  error: StripeErrorBody;
}
