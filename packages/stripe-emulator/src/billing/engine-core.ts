// The billing core: shared state access and helpers used by the subscription, invoice, meter and test-clock
// operations. It imports none of them (they import it): `engine.ts` puts the core and the operations together.
// One instance per emulator; every operation is synchronous against the in-memory store so a request either
// completes or (on a thrown StripeError before any write) changes nothing.
import type Stripe from 'stripe';
import { newId, randomToken } from '../core/ids.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import type { BillingPorts } from './ports.js';
import {
  discountsCollection,
  invoiceItemsCollection,
  invoiceNumberingCollection,
  invoiceStateCollection,
  invoicesCollection,
  subscriptionItemsCollection,
  subscriptionStateCollection,
  subscriptionsCollection,
  type InvoiceState,
  type SubscriptionState,
} from './collections.js';
import { couponAppliesToCurrency, type CouponTerms, type DiscountInput } from './discounts.js';
import { DEFAULT_DUNNING_POLICY, type DunningPolicy } from './dunning.js';
import { recomputeInvoice } from './invoice-builder.js';
import type { TaxRateTerms } from './tax.js';
import type { Recurrence } from './periods.js';

export interface BillingOptions {
  dunning: DunningPolicy;
  /** Seconds after creation at which a subscription's draft invoice finalizes (Stripe: about one hour). */
  finalizeDelaySeconds: number;
  /** `invoice.upcoming` this many days before a renewal (Stripe's default setting is 7). */
  upcomingDays: number;
  /** `customer.subscription.trial_will_end` this many days before a trial ends (Stripe: 3). */
  trialWillEndDays: number;
  /** An `incomplete` subscription whose first invoice is unpaid expires after this many seconds (Stripe: 23 h). */
  incompleteExpirySeconds: number;
  accountName: string;
}

export const DEFAULT_BILLING_OPTIONS: BillingOptions = {
  dunning: DEFAULT_DUNNING_POLICY,
  finalizeDelaySeconds: 3600,
  upcomingDays: 7,
  trialWillEndDays: 3,
  incompleteExpirySeconds: 23 * 3600,
  accountName: 'Seikyu Emulator Account',
};

/**
 * Whether a stored discount may be reused (`discounts[][discount]`) on an object: Stripe takes "an existing discount
 * on the object or one of its ancestors", so for an invoice its own, its subscription's, or its customer's own
 * (one applied to the customer, not to another invoice or subscription).
 */
function discountBelongsTo(
  discount: Stripe.Discount,
  customerId: string,
  owner: { invoice: string | null; subscription: string | null },
): boolean {
  const customer = typeof discount.customer === 'string' ? discount.customer : (discount.customer?.id ?? null);
  if (customer !== customerId) return false;
  if (discount.invoice) return discount.invoice === owner.invoice;
  if (discount.subscription) return discount.subscription === owner.subscription;
  return true;
}

/**
 * What invoicing tells the subscription side (implemented by SubscriptionOps, wired by `engine.ts`), so that
 * invoice-ops never imports subscription-ops: subscriptions depend on invoicing, not the other way round.
 */
export interface SubscriptionCallbacks {
  setStatus(id: string, status: Stripe.Subscription.Status, at: number): void;
  cancelNow(id: string, opts: { reason: 'cancellation_requested' | 'payment_failed'; invoiceNow: boolean; prorate: boolean; at?: number }): unknown;
  afterInvoicePaid(id: string, inv: Stripe.Invoice, pi: Stripe.PaymentIntent | null, at: number): void;
}

export class BillingCore {
  /** Replaceable at run time through `POST /_emulator/billing/settings` (not persisted). */
  options: BillingOptions;
  /** Set by `BillingEngine` once the subscription operations exist. */
  subscriptionCallbacks: SubscriptionCallbacks | null = null;

  constructor(
    readonly ports: BillingPorts,
    options: Partial<BillingOptions> = {},
  ) {
    this.options = { ...DEFAULT_BILLING_OPTIONS, ...options };
  }

  get store() {
    return this.ports.store;
  }

  // ---- time ------------------------------------------------------------------------------------

  now(customerId: string | null): number {
    return this.ports.clock.now(customerId);
  }

  testClockOf(customerId: string | null): string | null {
    return this.ports.clock.testClockOf(customerId);
  }

  // ---- catalogue -------------------------------------------------------------------------------

  productId(price: Stripe.Price): string {
    return typeof price.product === 'string' ? price.product : price.product.id;
  }

  productName(price: Stripe.Price): string {
    const product = this.ports.catalog.product(this.productId(price));
    return product?.name ?? price.nickname ?? price.id;
  }

  /** The unit amount of `price` in `currency` (its own currency or a `currency_options` entry). */
  unitAmount(price: Stripe.Price, currency: string, param: string): { amount: number; decimal: string | null } {
    const c = currency.toLowerCase();
    const found = this.ports.catalog.unitAmount(price.id, c);
    if (!found) {
      throw invalidRequest(
        `The price specified (${price.id}) does not support currency ${c}. Add it to the price's currency_options or use a price in ${c}.`,
        { param },
      );
    }
    if (found.tiered || price.billing_scheme === 'tiered') {
      throw invalidRequest(`The emulator does not bill tiered prices (${price.id}).`, { param });
    }
    const amount = found.amount ?? Math.round(Number(found.decimal ?? 0));
    return { amount, decimal: found.decimal };
  }

  recurrenceOf(price: Stripe.Price): Recurrence {
    if (!price.recurring) throw new Error(`price ${price.id} is not recurring`);
    const known = { day: 'day', week: 'week', month: 'month', year: 'year' } as const;
    const interval = Object.values(known).find((i) => i === price.recurring?.interval);
    if (!interval) throw new Error(`unknown interval ${price.recurring.interval}`);
    return { interval, interval_count: price.recurring.interval_count };
  }

  /** Applies `transform_quantity` (divide and round) as Stripe does for per-unit prices. */
  billedQuantity(price: Stripe.Price, quantity: number): number {
    const t = price.transform_quantity;
    if (!t) return quantity;
    const q = quantity / t.divide_by;
    return t.round === 'up' ? Math.ceil(q) : Math.floor(q);
  }

  // ---- discounts -------------------------------------------------------------------------------

  /** The coupon's terms from the catalogue, or from the copy kept on the discount if it was deleted since. */
  couponTerms(coupon: Stripe.Coupon): CouponTerms {
    const live = this.ports.catalog.couponTerms(coupon.id);
    if (live) return live;
    return {
      id: coupon.id,
      percent_off: coupon.percent_off,
      amount_off: coupon.amount_off,
      currency: coupon.currency,
      currency_options: null,
      duration: coupon.duration === 'once' ? 'once' : coupon.duration === 'repeating' ? 'repeating' : 'forever',
      duration_in_months: coupon.duration_in_months,
      applies_to: coupon.applies_to ?? null,
    };
  }

  /**
   * Resolves `discounts[]` params (coupon or promotion_code, or an existing discount id) into validated coupons
   * without writing anything. Throws Stripe's errors for unknown, invalid or wrong-currency coupons.
   */
  resolveDiscountParams(
    params: { coupon?: string; promotion_code?: string; discount?: string }[],
    currency: string,
    customerId: string,
    paramName: string,
    amountHint = Number.MAX_SAFE_INTEGER,
    /** Where an existing discount may come from (an invoice reuses its own, its subscription's or its customer's). */
    owner?: { invoice: string | null; subscription: string | null },
  ): { coupon: Stripe.Coupon; promotionCode: string | null; existing: string | null }[] {
    const out: { coupon: Stripe.Coupon; promotionCode: string | null; existing: string | null }[] = [];
    params.forEach((d, i) => {
      const param = `${paramName}[${i}]`;
      const given = [d.coupon, d.promotion_code, d.discount].filter((x) => x !== undefined).length;
      if (given !== 1) {
        throw invalidRequest('Each discount must have exactly one of coupon, promotion_code or discount.', { param });
      }
      if (d.discount) {
        const existing = this.store.require(discountsCollection, d.discount, 'discount', `${param}[discount]`);
        if (owner && !discountBelongsTo(existing, customerId, owner)) {
          throw invalidRequest(`The discount ${existing.id} is not on this object or one of its ancestors, so it cannot be reused here.`, {
            param: `${param}[discount]`,
          });
        }
        const couponId = typeof existing.source.coupon === 'string' ? existing.source.coupon : existing.source.coupon?.id;
        if (!couponId) throw invalidRequest(`Discount ${d.discount} has no coupon.`, { param });
        out.push({ coupon: this.ports.catalog.coupon(couponId, `${param}[discount]`), promotionCode: null, existing: existing.id });
        return;
      }
      let coupon: Stripe.Coupon;
      let promotionCode: string | null = null;
      if (d.promotion_code) {
        const promo = this.ports.catalog.promotionCode(d.promotion_code, `${param}[promotion_code]`, {
          customer: customerId,
          currency,
          amount: amountHint,
          at: this.now(customerId),
        });
        const couponRef = promo.promotion.coupon;
        const couponId = typeof couponRef === 'string' ? couponRef : couponRef?.id;
        if (!couponId) throw invalidRequest(`Promotion code ${promo.id} has no coupon.`, { param });
        coupon = this.ports.catalog.coupon(couponId, `${param}[promotion_code]`);
        promotionCode = promo.id;
      } else {
        coupon = this.ports.catalog.coupon(d.coupon ?? '', `${param}[coupon]`);
      }
      if (!coupon.valid) {
        throw invalidRequest(`Coupon ${coupon.id} is no longer valid.`, { code: 'coupon_expired', param });
      }
      if (!couponAppliesToCurrency(this.couponTerms(coupon), currency)) {
        throw invalidRequest(
          `The coupon ${coupon.id} has no amount_off for currency ${currency}. Add it to the coupon's currency_options.`,
          { param },
        );
      }
      out.push({ coupon, promotionCode, existing: null });
    });
    const seen = new Set<string>();
    for (const d of out) {
      if (seen.has(d.coupon.id)) {
        throw invalidRequest(`The coupon ${d.coupon.id} is applied more than once.`, { param: paramName });
      }
      seen.add(d.coupon.id);
    }
    return out;
  }

  /** Writes Discount objects for resolved params (reusing existing ones) and returns their ids in order. */
  createDiscounts(
    resolved: { coupon: Stripe.Coupon; promotionCode: string | null; existing: string | null }[],
    owner: { customer: string; subscription: string | null; invoice: string | null; start: number },
    ids?: string[],
  ): string[] {
    return resolved.map((r, i) => {
      if (r.existing) return r.existing;
      const terms = this.couponTerms(r.coupon);
      const end =
        terms.duration === 'repeating' && terms.duration_in_months
          ? new Date(owner.start * 1000).setUTCMonth(new Date(owner.start * 1000).getUTCMonth() + terms.duration_in_months) / 1000
          : null;
      const discount = {
        id: ids?.[i] ?? newId('di'),
        object: 'discount',
        checkout_session: null,
        customer: owner.customer,
        customer_account: null,
        end,
        invoice: owner.invoice,
        invoice_item: null,
        promotion_code: r.promotionCode,
        source: { coupon: r.coupon, type: 'coupon' },
        start: owner.start,
        subscription: owner.subscription,
        subscription_item: null,
      } satisfies Full<Stripe.Discount, 'deleted'>;
      this.store.insert(discountsCollection, discount);
      this.ports.catalog.redeem(r.coupon.id, r.promotionCode);
      return discount.id;
    });
  }

  /** Calculator input for resolved (not yet stored) discounts, with the ids they will be stored under. */
  discountInputsFor(resolved: { coupon: Stripe.Coupon; existing: string | null }[], ids: string[]): DiscountInput[] {
    return resolved.map((r, i) => ({ id: r.existing ?? ids[i], coupon: this.couponTerms(r.coupon) }));
  }

  /** The discounts among `ids` that are in force at `at`, as calculator input. */
  activeDiscounts(ids: string[], at: number): DiscountInput[] {
    const out: DiscountInput[] = [];
    for (const id of ids) {
      const d = this.store.get(discountsCollection, id);
      if (!d) continue;
      if (d.start > at || (d.end !== null && d.end <= at)) continue;
      const coupon = d.source.coupon;
      if (!coupon || typeof coupon === 'string') continue;
      out.push({ id: d.id, coupon: this.couponTerms(coupon) });
    }
    return out;
  }

  // ---- invoices --------------------------------------------------------------------------------

  invoice(id: string, param = 'invoice'): Stripe.Invoice {
    return this.store.require(invoicesCollection, id, 'invoice', param);
  }

  invoiceState(id: string): InvoiceState {
    return (
      this.store.get(invoiceStateCollection, id) ?? { id, payment_intent: null, days_until_due: null, overdue_sent: false, auto_attempts: 0 }
    );
  }

  setInvoiceState(state: InvoiceState): void {
    this.store.insert(invoiceStateCollection, state);
  }

  subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
    const s = invoice.parent?.subscription_details?.subscription;
    if (!s) return null;
    return typeof s === 'string' ? s : s.id;
  }

  /** Recomputes a draft's totals from its lines and discounts (balance not applied before finalization). */
  recompute(invoice: Stripe.Invoice, at: number): Stripe.Invoice {
    const ids = invoice.discounts.map((d) => (typeof d === 'string' ? d : d.id));
    return recomputeInvoice(invoice, this.activeDiscounts(ids, at), invoice.status === 'draft' ? 0 : invoice.starting_balance, this.taxRateOf);
  }

  /** The rate a line's `taxes` names (for recomputeInvoice); rates are never deleted, so this does not miss. */
  readonly taxRateOf = (id: string): TaxRateTerms => this.ports.catalog.taxRate(id, 'tax_rate');

  saveInvoice(invoice: Stripe.Invoice): Stripe.Invoice {
    return this.store.insert(invoicesCollection, invoice);
  }

  /** `ABCD1234-0001`: a random per-customer prefix and a running number, as Stripe's default numbering. */
  nextInvoiceNumber(customerId: string): string {
    const current = this.invoiceNumbering(customerId);
    this.store.insert(invoiceNumberingCollection, { ...current, next: current.next + 1 });
    return `${current.prefix}-${String(current.next).padStart(4, '0')}`;
  }

  /** The customer's invoice prefix (created on first use), which quote numbers share (`QT-<prefix>-0001-1`). */
  invoicePrefix(customerId: string): string {
    const current = this.invoiceNumbering(customerId);
    if (!this.store.has(invoiceNumberingCollection, customerId)) this.store.insert(invoiceNumberingCollection, current);
    return current.prefix;
  }

  private invoiceNumbering(customerId: string): { id: string; prefix: string; next: number } {
    return (
      this.store.get(invoiceNumberingCollection, customerId) ??
      { id: customerId, prefix: randomToken(8).toUpperCase().replace(/[^A-Z0-9]/g, 'X'), next: 1 }
    );
  }

  /**
   * A customer's pending invoice items: those of no subscription plus those of `subscriptionId`, or, with
   * `'any'` (a one-off invoice created with `pending_invoice_items_behavior=include` and no subscription, as
   * Stripe does), every pending item, subscription prorations included.
   */
  pendingInvoiceItems(customerId: string, subscriptionId: string | null | 'any'): Stripe.InvoiceItem[] {
    return this.store.all(invoiceItemsCollection).filter((ii) => {
      if (ii.invoice !== null) return false;
      const c = typeof ii.customer === 'string' ? ii.customer : ii.customer.id;
      if (c !== customerId) return false;
      const s = ii.parent?.subscription_details?.subscription ?? null;
      return subscriptionId === 'any' || s === null || s === subscriptionId;
    });
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  subscription(id: string, param = 'subscription'): Stripe.Subscription {
    return this.store.require(subscriptionsCollection, id, 'subscription', param);
  }

  subscriptionState(id: string): SubscriptionState {
    return (
      this.store.get(subscriptionStateCollection, id) ?? {
        id,
        item_order: [],
        payment_behavior: 'allow_incomplete',
        upcoming_sent_for: null,
        trial_will_end_sent_for: null,
      }
    );
  }

  setSubscriptionState(state: SubscriptionState): void {
    this.store.insert(subscriptionStateCollection, state);
  }

  subscriptionItems(subscriptionId: string): Stripe.SubscriptionItem[] {
    const state = this.subscriptionState(subscriptionId);
    return state.item_order
      .map((id) => this.store.get(subscriptionItemsCollection, id))
      .filter((i): i is Stripe.SubscriptionItem => i !== undefined);
  }

  /** The subscription with its items joined, as the API returns it. */
  hydrateSubscription(sub: Stripe.Subscription): Stripe.Subscription {
    const items = this.subscriptionItems(sub.id);
    return {
      ...sub,
      items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${sub.id}` },
    };
  }

  customerIdOf(obj: { customer: string | Stripe.Customer | Stripe.DeletedCustomer | null }): string {
    const c = obj.customer;
    if (!c) throw new Error('object has no customer');
    return typeof c === 'string' ? c : c.id;
  }
}
