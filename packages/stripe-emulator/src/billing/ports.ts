// What the billing engine needs from the rest of the emulator, in one place. `engine.ts` builds this from the
// core modules; tests of the engine's pure parts never need it.
import type Stripe from 'stripe';
import type { Store } from '../core/store.js';
import type { Clock } from '../core/clock.js';
import type { Scheduler } from '../core/scheduler.js';
import type { EventBus } from '../core/events.js';
import type { CouponTerms } from './discounts.js';

export interface ChargeRequest {
  customer: string;
  amount: number;
  currency: string;
  /** The payment method to charge now, or null to leave the intent waiting for the customer. */
  paymentMethod: string | null;
  description: string;
  metadata: Record<string, string>;
  /** Confirm immediately (automatic collection) rather than leave it for the browser. */
  confirm: boolean;
  offSession: boolean;
  /** Save the payment method as the customer's for future off-session charges. */
  setupFutureUsage: 'off_session' | null;
}

export interface PaymentsPort {
  /** Creates a PaymentIntent (and confirms it when asked); never throws for a declined card. */
  createPaymentIntent(request: ChargeRequest): Stripe.PaymentIntent;
  /** Confirms an existing intent with a payment method (off-session retries, `invoices.pay`). */
  confirmPaymentIntent(id: string, paymentMethod: string, offSession: boolean): Stripe.PaymentIntent;
  retrievePaymentIntent(id: string): Stripe.PaymentIntent | undefined;
  cancelPaymentIntent(id: string): void;
  /** A SetupIntent for collecting a card for later off-session use (a subscription's pending_setup_intent). */
  createSetupIntent(customer: string, metadata: Record<string, string>): Stripe.SetupIntent;
  /** The payment method object, or undefined when it does not exist. */
  retrievePaymentMethod(id: string): Stripe.PaymentMethod | undefined;
}

export interface CatalogPort {
  price(id: string, param: string): Stripe.Price;
  /** A price's unit amount in `currency` (its own or a currency_options entry); null when it has none. */
  unitAmount(priceId: string, currency: string): { amount: number | null; decimal: string | null; tiered: boolean } | null;
  product(id: string): Stripe.Product | undefined;
  coupon(id: string, param: string): Stripe.Coupon;
  /** What a coupon takes off (amounts per currency, product restrictions); null when the coupon is gone. */
  couponTerms(id: string): CouponTerms | null;
  /** The promotion code, after checking it can be redeemed by this customer for this amount (Stripe's errors). */
  promotionCode(id: string, param: string, use: { customer: string; currency: string; amount: number; at: number }): Stripe.PromotionCode;
  /** A tax rate (404 when unknown). */
  taxRate(id: string, param: string): Stripe.TaxRate;
  /** Rates given by id for a new subscription, item, invoice or invoice item (must exist and be active); null for none given. */
  taxRates(ids: string[] | null | undefined, param: string): Stripe.TaxRate[] | null;
  /** Records that a coupon / promotion code was redeemed (times_redeemed). */
  redeem(couponId: string, promotionCodeId: string | null): void;
}

export interface CustomersPort {
  customer(id: string, param: string): Stripe.Customer;
  /** Replaces fields on the customer (currency, balance) and emits customer.updated when something changed. */
  updateCustomer(id: string, patch: Partial<Pick<Stripe.Customer, 'currency' | 'balance'>>): Stripe.Customer;
  customersOfTestClock(clockId: string): Stripe.Customer[];
  deleteCustomer(id: string): void;
}

export interface BillingPorts {
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  payments: PaymentsPort;
  catalog: CatalogPort;
  customers: CustomersPort;
  /** The emulator's own base URL (for hosted_invoice_url and invoice_pdf). */
  baseUrl(): string;
}
