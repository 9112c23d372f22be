// Subscription lifecycle: create (payment behaviours, trials, anchors, discounts), update with Stripe's
// time-based prorations, cancel / cancel at period end, renewals, trial ends and incomplete expiry.
import Stripe from 'stripe';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import type { Full } from '../core/types.js';
import { StripeError, invalidRequest, parameterMissing } from '../http/errors.js';
import type { BillingCore } from './engine-core.js';
import type { InvoiceOps } from './invoice-ops.js';
import {
  invoiceItemsCollection,
  invoiceStateCollection,
  invoicesCollection,
  subscriptionItemsCollection,
  subscriptionsCollection,
} from './collections.js';
import { buildLine, newDraftInvoice, recomputeInvoice, type LineInput } from './invoice-builder.js';
import type { DiscountInput } from './discounts.js';
import { addIntervals, nextBoundaryAfter, type Period, type Recurrence } from './periods.js';
import { proratedAmount, prorationLines } from './proration.js';
import { formatMoney } from './currency.js';
import { usageForPeriod } from './meter-usage.js';
import type {
  AddInvoiceItemParam,
  CreateSubscriptionInput,
  ItemParam,
  PaymentBehavior,
  ProrationBehavior,
  UpdateSubscriptionInput,
} from './inputs.js';

export const JOB_CYCLE = 'billing.subscription.cycle';
export const JOB_UPCOMING = 'billing.subscription.upcoming';
export const JOB_TRIAL_WILL_END = 'billing.subscription.trial_will_end';
export const JOB_CANCEL_AT = 'billing.subscription.cancel_at';
export const JOB_EXPIRE_INCOMPLETE = 'billing.subscription.expire_incomplete';

const DAY = 86_400;

/** One item of a subscription as it will be after a change (existing or new). */
interface PlannedItem {
  id: string;
  existing: Stripe.SubscriptionItem | null;
  price: Stripe.Price;
  quantity: number;
  metadata: Stripe.Metadata;
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

export class SubscriptionOps {
  /** Subscriptions being created in this request: status changes are folded into the `created` event. */
  private readonly creating = new Set<string>();

  constructor(
    private readonly engine: BillingCore,
    private readonly invoices: InvoiceOps,
  ) {}

  private get store() {
    return this.engine.store;
  }

  private emit(
    type: 'customer.subscription.created' | 'customer.subscription.deleted' | 'customer.subscription.trial_will_end' | 'customer.subscription.paused' | 'customer.subscription.resumed',
    sub: Stripe.Subscription,
  ): void {
    this.engine.ports.events.emit(type, this.engine.hydrateSubscription(sub));
  }

  private emitUpdated(before: Stripe.Subscription, after: Stripe.Subscription): void {
    if (this.creating.has(after.id)) return;
    const b = this.engine.hydrateSubscription(before);
    const a = this.engine.hydrateSubscription(after);
    // diffAttributes compares JSON forms and events.emit snapshots the event, so no copies are needed here.
    const previous = diffAttributes(b, a);
    if (Object.keys(previous).length === 0) return;
    this.engine.ports.events.emit('customer.subscription.updated', a, { previousAttributes: previous });
  }

  private clockOf(sub: Stripe.Subscription): string | null {
    return sub.test_clock === null ? null : typeof sub.test_clock === 'string' ? sub.test_clock : sub.test_clock.id;
  }

  private save(sub: Stripe.Subscription): Stripe.Subscription {
    return this.store.insert(subscriptionsCollection, { ...sub, items: { ...sub.items, data: [] } });
  }

  // ---- lines -----------------------------------------------------------------------------------

  private intervalLabel(r: Recurrence): string {
    return r.interval_count === 1 ? r.interval : `${r.interval_count} ${r.interval}s`;
  }

  /** "1 × Team (at $30.00 / month)", as Stripe describes a subscription line. */
  describeItem(price: Stripe.Price, quantity: number, currency: string): string {
    const unit = this.engine.unitAmount(price, currency, 'price');
    const r = this.engine.recurrenceOf(price);
    return `${quantity} × ${this.engine.productName(price)} (at ${formatMoney(unit.amount, currency)} / ${this.intervalLabel(r)})`;
  }

  private itemLine(
    sub: Stripe.Subscription,
    itemId: string,
    price: Stripe.Price,
    quantity: number,
    period: Period,
    overrides: Partial<Pick<LineInput, 'amount' | 'description' | 'proration'>> = {},
  ): LineInput {
    const unit = this.engine.unitAmount(price, sub.currency, 'price');
    const billed = this.engine.billedQuantity(price, quantity);
    return {
      amount: overrides.amount ?? unit.amount * billed,
      currency: sub.currency,
      description: overrides.description ?? this.describeItem(price, billed, sub.currency),
      discountable: true,
      period,
      price: { id: price.id, product: this.engine.productId(price) },
      unitAmountDecimal: unit.decimal ?? String(unit.amount),
      quantity: billed,
      proration: overrides.proration ?? false,
      parent: { type: 'subscription_item_details', subscription: sub.id, subscriptionItem: itemId, invoiceItem: null },
      metadata: {},
    };
  }

  /** Metered usage of an item over a period, billed in arrears. */
  private usageLine(sub: Stripe.Subscription, item: Stripe.SubscriptionItem, period: Period): LineInput {
    const price = item.price;
    const meterId = price.recurring?.meter;
    const customerId = this.engine.customerIdOf(sub);
    const usage = meterId ? usageForPeriod(this.engine, meterId, customerId, period) : 0;
    const quantity = this.engine.billedQuantity(price, usage);
    const unit = this.engine.unitAmount(price, sub.currency, 'price');
    const amount = unit.decimal !== null ? Math.round(Number(unit.decimal) * quantity) : unit.amount * quantity;
    return {
      ...this.itemLine(sub, item.id, price, 1, period),
      amount,
      quantity,
      description: this.describeItem(price, quantity, sub.currency),
    };
  }

  private invoiceItemLine(ii: Stripe.InvoiceItem): LineInput {
    const subItem = ii.parent?.subscription_details?.subscription_item;
    const subId = ii.parent?.subscription_details?.subscription ?? null;
    const price = ii.pricing?.price_details;
    return {
      amount: ii.amount,
      currency: ii.currency,
      description: ii.description ?? '',
      discountable: ii.discountable,
      period: ii.period,
      price: price ? { id: typeof price.price === 'string' ? price.price : price.price.id, product: price.product } : null,
      unitAmountDecimal: ii.pricing?.unit_amount_decimal === null || ii.pricing === null ? null : String(ii.pricing.unit_amount_decimal),
      quantity: ii.quantity,
      proration: ii.proration,
      parent:
        subItem && subId
          ? { type: 'subscription_item_details', subscription: subId, subscriptionItem: subItem, invoiceItem: ii.id }
          : { type: 'invoice_item_details', invoiceItem: ii.id, subscription: subId },
      metadata: ii.metadata ?? {},
    };
  }

  /** The invoice line an invoice item becomes on `invoiceId`. */
  lineForInvoiceItem(invoiceId: string, ii: Stripe.InvoiceItem): Stripe.InvoiceLineItem {
    return buildLine(invoiceId, this.invoiceItemLine(ii));
  }

  /** Creates an invoice item (pending, or on `invoice`) and emits invoiceitem.created. */
  createInvoiceItem(ii: Stripe.InvoiceItem): Stripe.InvoiceItem {
    this.store.insert(invoiceItemsCollection, ii);
    this.engine.ports.events.emit('invoiceitem.created', ii);
    return ii;
  }

  newInvoiceItem(args: {
    customer: string;
    currency: string;
    amount: number;
    description: string;
    period: Period;
    price: Stripe.Price | null;
    quantity: number;
    proration: boolean;
    subscription: string | null;
    subscriptionItem: string | null;
    date: number;
    testClock: string | null;
    invoice?: string | null;
    discountable?: boolean;
    metadata?: Stripe.Metadata;
    unitAmountDecimal?: string | null;
  }): Stripe.InvoiceItem {
    const item = {
      id: newId('ii'),
      object: 'invoiceitem',
      amount: args.amount,
      currency: args.currency,
      customer: args.customer,
      customer_account: null,
      date: args.date,
      description: args.description,
      discountable: args.discountable ?? true,
      discounts: [],
      invoice: args.invoice ?? null,
      livemode: false,
      metadata: args.metadata ?? {},
      net_amount: args.amount,
      parent: args.subscription
        ? {
            type: 'subscription_details',
            subscription_details: {
              subscription: args.subscription,
              ...(args.subscriptionItem ? { subscription_item: args.subscriptionItem } : {}),
            },
          }
        : null,
      period: { start: args.period.start, end: args.period.end },
      pricing: args.price
        ? {
            type: 'price_details',
            price_details: { price: args.price.id, product: this.engine.productId(args.price) },
            unit_amount_decimal: Stripe.Decimal.from(args.unitAmountDecimal ?? String(Math.round(args.amount / Math.max(args.quantity, 1)))),
          }
        : {
            type: 'price_details',
            unit_amount_decimal: Stripe.Decimal.from(args.unitAmountDecimal ?? String(Math.round(args.amount / Math.max(args.quantity, 1)))),
          },
      proration: args.proration,
      proration_details: { credited_items: null, discount_amounts: [] },
      quantity: args.quantity,
      quantity_decimal: Stripe.Decimal.from(args.quantity),
      tax_rates: [],
      test_clock: args.testClock,
    } satisfies Full<Stripe.InvoiceItem, 'deleted' | 'frozen_fields' | 'invoicing_rules'>;
    return item;
  }

  /**
   * Builds (and optionally stores) a subscription invoice from line inputs plus the customer's pending invoice
   * items. With `store: false` nothing is written: that is the preview path.
   */
  buildInvoice(
    sub: Stripe.Subscription,
    args: {
      lines: LineInput[];
      pendingItems: Stripe.InvoiceItem[];
      billingReason: Stripe.Invoice.BillingReason;
      created: number;
      period: Period;
      autoAdvance: boolean;
      id?: string;
      prorationDate?: number;
      /** Discounts not stored yet (subscription create and previews); default: the subscription's. */
      discounts?: DiscountInput[];
    },
  ): Stripe.Invoice {
    const customer = this.engine.ports.customers.customer(this.engine.customerIdOf(sub), 'customer');
    const discountIds = args.discounts ? args.discounts.map((d) => d.id) : sub.discounts.map((d) => (typeof d === 'string' ? d : d.id));
    const draft = newDraftInvoice({
      id: args.id,
      created: args.created,
      customer,
      currency: sub.currency,
      collectionMethod: sub.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically',
      billingReason: args.billingReason,
      subscription: { id: sub.id, metadata: sub.metadata, prorationDate: args.prorationDate },
      autoAdvance: args.autoAdvance,
      daysUntilDue: sub.days_until_due,
      dueDate: null,
      description: sub.description,
      // Stripe fills these from the subscription's invoice_settings, else the customer's.
      footer: sub.invoice_settings.footer ?? customer.invoice_settings?.footer ?? null,
      customFields: sub.invoice_settings.custom_fields ?? customer.invoice_settings?.custom_fields ?? null,
      metadata: {},
      periodStart: args.period.start,
      periodEnd: args.period.end,
      defaultPaymentMethod: null,
      testClock: this.clockOf(sub),
      discounts: discountIds,
      accountName: this.engine.options.accountName,
    });
    const lines = [...args.lines, ...args.pendingItems.map((ii) => this.invoiceItemLine(ii))].map((l) => buildLine(draft.id, l));
    const withLines = { ...draft, lines: { ...draft.lines, data: lines } };
    return args.discounts ? recomputeInvoice(withLines, args.discounts, 0) : this.engine.recompute(withLines, args.created);
  }

  /** Stores a built invoice, attaches its pending invoice items, emits invoice.created. */
  private storeInvoice(sub: Stripe.Subscription, inv: Stripe.Invoice, pendingItems: Stripe.InvoiceItem[]): Stripe.Invoice {
    for (const ii of pendingItems) this.store.insert(invoiceItemsCollection, { ...ii, invoice: inv.id });
    this.store.insert(invoiceStateCollection, {
      ...this.engine.invoiceState(inv.id),
      days_until_due: sub.days_until_due,
    });
    return this.invoices.created(inv);
  }

  // ---- create ----------------------------------------------------------------------------------

  private resolvePrice(id: string, param: string): Stripe.Price {
    const price = this.engine.ports.catalog.price(id, param);
    if (!price.active) throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, { param });
    if (price.type !== 'recurring' || !price.recurring) {
      throw invalidRequest(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        { param },
      );
    }
    return price;
  }

  private isMetered(price: Stripe.Price): boolean {
    return price.recurring?.usage_type === 'metered';
  }

  private checkSameRecurrence(prices: Stripe.Price[], param: string): Recurrence {
    const first = this.engine.recurrenceOf(prices[0]);
    for (const p of prices) {
      const r = this.engine.recurrenceOf(p);
      if (r.interval !== first.interval || r.interval_count !== first.interval_count) {
        throw invalidRequest(
          'Currency and interval fields must match across all prices on a subscription. Found mismatched interval fields.',
          { param },
        );
      }
    }
    return first;
  }

  private paymentMethodOrThrow(id: string, param: string): string {
    if (!this.engine.ports.payments.retrievePaymentMethod(id)) {
      throw new StripeError(404, 'invalid_request_error', `No such PaymentMethod: '${id}'`, { code: 'resource_missing', param });
    }
    return id;
  }

  create(input: CreateSubscriptionInput): Stripe.Subscription {
    return this.commitCreate(this.planCreate(input), input);
  }

  /** Everything a new subscription would be, validated, without writing (also the create_preview path). */
  planCreate(input: CreateSubscriptionInput): CreatePlan {
    const customer = this.engine.ports.customers.customer(input.customer, 'customer');
    if (input.items.length === 0) throw parameterMissing('items');
    const at = this.engine.now(customer.id);
    const prices = input.items.map((item, i) => {
      if (!item.price) throw parameterMissing(`items[${i}][price]`);
      return this.resolvePrice(item.price, `items[${i}][price]`);
    });
    input.items.forEach((item, i) => {
      if (this.isMetered(prices[i]) && item.quantity !== undefined) {
        throw invalidRequest('Quantity should not be specified where usage_type is `metered`. Remove quantity from `items`.', {
          param: `items[${i}][quantity]`,
        });
      }
    });
    const currency = (input.currency ?? customer.currency ?? prices[0].currency).toLowerCase();
    if (customer.currency && customer.currency !== currency) {
      throw invalidRequest(
        `You cannot combine currencies on a single customer. This customer has an active subscription, subscription schedule, discount, quote, or invoice item with currency ${customer.currency}.`,
        { param: 'currency' },
      );
    }
    prices.forEach((p, i) => this.engine.unitAmount(p, currency, `items[${i}][price]`));
    const recurrence = this.checkSameRecurrence(prices, 'items');
    const collection = input.collection_method ?? 'charge_automatically';
    if (collection === 'send_invoice' && input.days_until_due === undefined) throw parameterMissing('days_until_due');
    if (collection === 'charge_automatically' && input.days_until_due !== undefined) {
      throw invalidRequest('Invalid days_until_due: can only be set when collection_method=send_invoice.', { param: 'days_until_due' });
    }
    const behavior: PaymentBehavior = input.payment_behavior ?? 'allow_incomplete';
    if (behavior === 'pending_if_incomplete') {
      throw invalidRequest('payment_behavior=pending_if_incomplete is only supported when updating a subscription.', {
        param: 'payment_behavior',
      });
    }
    if (input.default_payment_method) this.paymentMethodOrThrow(input.default_payment_method, 'default_payment_method');

    // Trial.
    let trialEnd: number | null = null;
    if (input.trial_end !== undefined && input.trial_end !== 'now') trialEnd = input.trial_end;
    else if (input.trial_period_days !== undefined && input.trial_period_days > 0) trialEnd = at + input.trial_period_days * DAY;
    else if (input.trial_from_plan) {
      const days = Math.max(0, ...prices.map((p) => p.recurring?.trial_period_days ?? 0));
      if (days > 0) trialEnd = at + days * DAY;
    }
    if (trialEnd !== null && trialEnd <= at) {
      throw invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', { param: 'trial_end' });
    }
    // Billing cycle anchor.
    const anchor = input.billing_cycle_anchor ?? trialEnd ?? at;
    if (anchor < at) throw invalidRequest('billing_cycle_anchor cannot be in the past.', { param: 'billing_cycle_anchor' });
    if (trialEnd !== null && input.billing_cycle_anchor !== undefined && input.billing_cycle_anchor < trialEnd) {
      throw invalidRequest('billing_cycle_anchor cannot be before the end of the trial.', { param: 'billing_cycle_anchor' });
    }
    if (input.billing_cycle_anchor !== undefined && input.billing_cycle_anchor > addIntervals(at, recurrence, 1)) {
      throw invalidRequest('billing_cycle_anchor cannot be later than the next natural billing date for the subscription.', {
        param: 'billing_cycle_anchor',
      });
    }
    if (input.cancel_at !== undefined && input.cancel_at <= at) {
      throw invalidRequest('cancel_at must be in the future.', { param: 'cancel_at' });
    }
    const amountHint = input.items.reduce(
      (sum, item, i) => sum + (this.isMetered(prices[i]) ? 0 : this.engine.unitAmount(prices[i], currency, 'price').amount * (item.quantity ?? 1)),
      0,
    );
    const resolvedDiscounts = this.engine.resolveDiscountParams(input.discounts ?? [], currency, customer.id, 'discounts', amountHint);
    const addItems = (input.add_invoice_items ?? []).map((a, i) => this.resolveAddInvoiceItem(a, currency, `add_invoice_items[${i}]`));

    const pmForCharge =
      input.default_payment_method ??
      (typeof customer.invoice_settings?.default_payment_method === 'string'
        ? customer.invoice_settings.default_payment_method
        : (customer.invoice_settings?.default_payment_method?.id ?? null));

    // Periods: trial → [now, trial_end]; future anchor → stub [now, anchor]; else one interval.
    const period: Period =
      trialEnd !== null ? { start: at, end: trialEnd } : anchor > at ? { start: at, end: anchor } : { start: at, end: addIntervals(at, recurrence, 1) };

    const subId = newId('sub');
    const testClock = this.engine.testClockOf(customer.id);
    const items: Stripe.SubscriptionItem[] = input.items.map((item, i) =>
      this.newItem(subId, prices[i], this.isMetered(prices[i]) ? undefined : (item.quantity ?? 1), item.metadata ?? {}, period, at),
    );
    const discountIds = resolvedDiscounts.map((r) => r.existing ?? newId('di'));
    const discountInputs = this.engine.discountInputsFor(resolvedDiscounts, discountIds);
    const sub: Stripe.Subscription = {
      id: subId,
      object: 'subscription',
      application: null,
      application_fee_percent: null,
      automatic_tax: { disabled_reason: null, enabled: false, liability: null },
      billing_cycle_anchor: trialEnd !== null ? (input.billing_cycle_anchor ?? trialEnd) : anchor > at ? anchor : at,
      billing_cycle_anchor_config: null,
      billing_mode: { flexible: null, type: 'classic' },
      billing_schedules: [],
      billing_thresholds: null,
      cancel_at: input.cancel_at ?? null,
      cancel_at_period_end: input.cancel_at_period_end ?? false,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
      collection_method: collection,
      created: at,
      currency,
      customer: customer.id,
      customer_account: null,
      days_until_due: input.days_until_due ?? null,
      default_payment_method: input.default_payment_method ?? null,
      default_source: null,
      default_tax_rates: null,
      description: input.description ?? null,
      discounts: discountIds,
      ended_at: null,
      invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
      items: { object: 'list', data: [], has_more: false, url: `/v1/subscription_items?subscription=${subId}` },
      latest_invoice: null,
      livemode: false,
      managed_payments: null,
      metadata: applyMetadata({}, input.metadata),
      next_pending_invoice_item_invoice: null,
      on_behalf_of: null,
      pause_collection: null,
      payment_settings: {
        payment_method_options: null,
        payment_method_types: null,
        save_default_payment_method: input.payment_settings?.save_default_payment_method ?? 'off',
      },
      pending_invoice_item_interval: null,
      pending_setup_intent: null,
      pending_update: null,
      presentment_details: undefined,
      schedule: null,
      start_date: at,
      status: 'incomplete',
      status_details: undefined,
      test_clock: testClock,
      transfer_data: null,
      trial_end: trialEnd,
      trial_settings: {
        end_behavior: { billing_cycle_anchor: null, missing_payment_method: input.trial_settings?.end_behavior.missing_payment_method ?? 'create_invoice' },
      },
      trial_start: trialEnd !== null ? at : null,
    } satisfies Full<Stripe.Subscription>;

    // Validate the charge before writing anything when the caller asked for all-or-nothing.
    const lines: LineInput[] = items.map((item, i) => {
      const price = prices[i];
      if (trialEnd !== null) {
        return this.itemLine(sub, item.id, price, item.quantity ?? 0, period, {
          amount: 0,
          description: `Trial period for ${this.engine.productName(price)}`,
        });
      }
      if (this.isMetered(price)) return this.itemLine(sub, item.id, price, 0, period, { amount: 0 });
      const qty = item.quantity ?? 1;
      if (anchor > at) {
        const full = this.engine.unitAmount(price, currency, 'price').amount * this.engine.billedQuantity(price, qty);
        const fullPeriod = { start: addIntervals(anchor, recurrence, -1), end: anchor };
        const amount = input.proration_behavior === 'none' ? 0 : proratedAmount(full, fullPeriod, at);
        return this.itemLine(sub, item.id, price, qty, period, {
          amount,
          proration: true,
          description: `Remaining time on ${qty} × ${this.engine.productName(price)} after ${formatDay(at)}`,
        });
      }
      return this.itemLine(sub, item.id, price, qty, period);
    });
    const pendingExisting = this.engine.pendingInvoiceItems(customer.id, null);
    const invoiceId = newId('in');
    const addInvoiceItems = addItems.map((a) =>
      this.newInvoiceItem({
        customer: customer.id,
        currency,
        amount: a.amount * a.quantity,
        description: a.description,
        period: { start: at, end: at },
        price: a.price,
        quantity: a.quantity,
        proration: false,
        subscription: subId,
        subscriptionItem: null,
        date: at,
        testClock,
        unitAmountDecimal: String(a.amount),
      }),
    );
    const preview = this.buildInvoice(sub, {
      lines,
      pendingItems: [...addInvoiceItems, ...pendingExisting],
      billingReason: 'subscription_create',
      created: at,
      period: { start: at, end: at },
      autoAdvance: true,
      id: invoiceId,
      discounts: discountInputs,
    });
    return {
      customer,
      at,
      sub,
      items,
      invoice: preview,
      addInvoiceItems,
      pendingExisting,
      resolvedDiscounts,
      discountIds,
      behavior,
      collection,
      trialEnd,
      pmForCharge,
    };
  }

  private commitCreate(plan: CreatePlan, input: CreateSubscriptionInput): Stripe.Subscription {
    const { customer, at, sub, items, addInvoiceItems, pendingExisting, behavior, collection, trialEnd, pmForCharge } = plan;
    const preview = plan.invoice;
    const subId = sub.id;
    const invoiceId = preview.id;
    const currency = sub.currency;
    const testClock = sub.test_clock === null ? null : typeof sub.test_clock === 'string' ? sub.test_clock : sub.test_clock.id;
    const toCharge = Math.max(0, preview.total + customer.balance);
    const mustCharge = collection === 'charge_automatically' && toCharge > 0;
    if (mustCharge && behavior !== 'default_incomplete' && !pmForCharge) {
      throw invalidRequest(
        'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.',
        { code: 'resource_missing' },
      );
    }
    let precharged: Stripe.PaymentIntent | null = null;
    if (mustCharge && behavior === 'error_if_incomplete' && pmForCharge) {
      precharged = this.engine.ports.payments.createPaymentIntent({
        customer: customer.id,
        amount: toCharge,
        currency,
        paymentMethod: pmForCharge,
        description: 'Subscription creation',
        metadata: {},
        confirm: true,
        offSession: input.off_session ?? false,
        setupFutureUsage: null,
      });
      if (precharged.status !== 'succeeded') throw cardErrorFrom(precharged);
    }

    // From here on everything is written.
    this.creating.add(subId);
    try {
      this.engine.createDiscounts(plan.resolvedDiscounts, { customer: customer.id, subscription: subId, invoice: null, start: at }, plan.discountIds);
      if (!customer.currency) this.engine.ports.customers.updateCustomer(customer.id, { currency });
      for (const item of items) this.store.insert(subscriptionItemsCollection, item);
      this.engine.setSubscriptionState({
        id: subId,
        item_order: items.map((i) => i.id),
        payment_behavior: behavior,
        upcoming_sent_for: null,
        trial_will_end_sent_for: null,
      });
      this.save({ ...sub, latest_invoice: invoiceId });
      for (const ii of addInvoiceItems) this.createInvoiceItem(ii);
      const stored = this.storeInvoice(this.engine.subscription(subId), { ...preview, auto_advance: true, automatically_finalizes_at: null }, [...addInvoiceItems, ...pendingExisting]);
      const finalized = this.invoices.finalize(stored.id, { precharged, scheduleAttempt: false });
      let status: Stripe.Subscription.Status = 'incomplete';
      if (finalized.status === 'paid') status = trialEnd !== null ? 'trialing' : 'active';
      else if (collection === 'send_invoice') status = trialEnd !== null ? 'trialing' : 'active';
      this.save({ ...this.engine.subscription(subId), status });
      if (status === 'incomplete' && behavior !== 'default_incomplete') {
        const pm = pmForCharge;
        if (pm) this.invoices.chargeNow(finalized.id, pm, input.off_session ?? false);
      }
      // Nothing to pay now (trial, free first period) but the browser is to collect a card: Stripe hands out a
      // SetupIntent as the subscription's pending_setup_intent.
      if (behavior === 'default_incomplete' && collection === 'charge_automatically' && finalized.status === 'paid') {
        const si = this.engine.ports.payments.createSetupIntent(customer.id, {});
        this.save({ ...this.engine.subscription(subId), pending_setup_intent: si.id });
      }
      if (this.engine.subscription(subId).status === 'incomplete') {
        this.engine.ports.scheduler.schedule({
          kind: JOB_EXPIRE_INCOMPLETE,
          at: at + this.engine.options.incompleteExpirySeconds,
          testClock,
          key: `${subId}:expire`,
          payload: { subscription: subId },
        });
      }
    } finally {
      this.creating.delete(subId);
    }
    const created = this.engine.subscription(subId);
    this.emit('customer.subscription.created', created);
    this.scheduleCycleJobs(created);
    return this.engine.hydrateSubscription(created);
  }

  private newItem(
    subId: string,
    price: Stripe.Price,
    quantity: number | undefined,
    metadata: Stripe.Metadata,
    period: Period,
    created: number,
  ): Stripe.SubscriptionItem {
    return {
      id: newId('si'),
      object: 'subscription_item',
      billed_until: undefined,
      billing_thresholds: null,
      created,
      current_period_end: period.end,
      current_period_start: period.start,
      current_trial: null,
      discounts: [],
      metadata,
      plan: planFromPrice(price),
      price,
      ...(quantity === undefined ? {} : { quantity }),
      subscription: subId,
      tax_rates: null,
    } satisfies Omit<Full<Stripe.SubscriptionItem, 'deleted'>, 'quantity'> & { quantity?: number };
  }

  private resolveAddInvoiceItem(
    a: AddInvoiceItemParam,
    currency: string,
    param: string,
  ): { price: Stripe.Price | null; amount: number; quantity: number; description: string } {
    const quantity = a.quantity ?? 1;
    if (a.price) {
      const price = this.engine.ports.catalog.price(a.price, `${param}[price]`);
      if (price.type !== 'one_time') {
        throw invalidRequest('The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.', {
          param: `${param}[price]`,
        });
      }
      const unit = this.engine.unitAmount(price, currency, `${param}[price]`);
      return { price, amount: unit.amount, quantity, description: this.engine.productName(price) };
    }
    if (a.price_data) {
      if (a.price_data.currency.toLowerCase() !== currency) {
        throw invalidRequest(`price_data currency must be ${currency}.`, { param: `${param}[price_data][currency]` });
      }
      const product = this.engine.ports.catalog.product(a.price_data.product);
      return { price: null, amount: a.price_data.unit_amount, quantity, description: product?.name ?? a.price_data.product };
    }
    throw parameterMissing(`${param}[price]`);
  }

  // ---- payment outcomes ------------------------------------------------------------------------

  setStatus(id: string, status: Stripe.Subscription.Status, at: number): void {
    const before = this.engine.subscription(id);
    if (before.status === status) return;
    const after = this.save({
      ...before,
      status,
      ...(status === 'canceled' || status === 'incomplete_expired' ? { ended_at: at } : {}),
    });
    this.emitUpdated(before, after);
  }

  /** The subscription's pending SetupIntent succeeded: its card becomes the default, the intent is cleared. */
  onSetupIntentSucceeded(si: Stripe.SetupIntent): void {
    const sub = this.store.all(subscriptionsCollection).find((s) => s.pending_setup_intent === si.id);
    if (!sub) return;
    const pm = si.payment_method === null ? null : typeof si.payment_method === 'string' ? si.payment_method : si.payment_method.id;
    const after = this.save({
      ...sub,
      pending_setup_intent: null,
      default_payment_method:
        pm && sub.payment_settings?.save_default_payment_method === 'on_subscription' ? pm : sub.default_payment_method,
    });
    this.emitUpdated(sub, after);
  }

  /** After an invoice of the subscription is paid: recover from incomplete / past_due / unpaid. */
  afterInvoicePaid(id: string, inv: Stripe.Invoice, pi: Stripe.PaymentIntent | null, at: number): void {
    const before = this.engine.subscription(id);
    let next: Stripe.Subscription = before;
    if (before.status === 'incomplete' || before.status === 'past_due' || before.status === 'unpaid') {
      const otherOpen = this.store
        .all(invoicesCollection)
        .some((i) => i.id !== inv.id && i.status === 'open' && this.engine.subscriptionOfInvoice(i) === id && i.amount_remaining > 0);
      if (!otherOpen) {
        next = { ...next, status: before.trial_end !== null && before.trial_end > at ? 'trialing' : 'active' };
        this.engine.ports.scheduler.cancel(`${id}:expire`);
      }
    }
    if (pi && before.payment_settings?.save_default_payment_method === 'on_subscription' && pi.payment_method) {
      next = { ...next, default_payment_method: typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method.id };
    }
    if (next !== before) {
      this.save(next);
      this.emitUpdated(before, next);
    }
  }

  expireIncomplete(id: string): void {
    const sub = this.store.get(subscriptionsCollection, id);
    if (!sub || sub.status !== 'incomplete') return;
    const at = this.engine.now(this.engine.customerIdOf(sub));
    const latest = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : (sub.latest_invoice?.id ?? null);
    if (latest) {
      const inv = this.store.get(invoicesCollection, latest);
      if (inv && inv.status === 'open') this.invoices.void(inv.id);
    }
    this.cancelJobs(id);
    this.setStatus(id, 'incomplete_expired', at);
  }

  // ---- update ----------------------------------------------------------------------------------

  /**
   * Works out what an update changes without writing: the items after it, the proration invoice items, and
   * whether the billing cycle restarts. Shared by `update` and `POST /v1/invoices/create_preview`.
   */
  plan(sub: Stripe.Subscription, input: UpdateSubscriptionInput, at: number): PlannedChange {
    const current = this.engine.subscriptionItems(sub.id);
    if (current.length === 0) throw new Error(`subscription ${sub.id} has no items`);
    const period: Period = { start: current[0].current_period_start, end: current[0].current_period_end };
    const prorationDate = input.proration_date ?? at;
    if (input.proration_date !== undefined && (prorationDate < period.start || prorationDate > period.end)) {
      throw invalidRequest('proration_date must be within the current billing period of the subscription.', { param: 'proration_date' });
    }
    const planned = new Map<string, PlannedItem>(
      current.map((i) => [i.id, { id: i.id, existing: i, price: i.price, quantity: i.quantity ?? 0, metadata: i.metadata }]),
    );
    const removed: Stripe.SubscriptionItem[] = [];
    const order = current.map((i) => i.id);
    (input.items ?? []).forEach((param: ItemParam, i) => {
      const path = `items[${i}]`;
      if (param.id) {
        const existing = planned.get(param.id);
        if (!existing || !existing.existing) {
          throw invalidRequest(`No such subscription item: '${param.id}'`, { code: 'resource_missing', param: `${path}[id]` });
        }
        if (param.deleted) {
          planned.delete(param.id);
          removed.push(existing.existing);
          return;
        }
        const price = param.price ? this.resolvePrice(param.price, `${path}[price]`) : existing.price;
        if (param.price) this.engine.unitAmount(price, sub.currency, `${path}[price]`);
        // A new price keeps the item's quantity unless one is given, as Stripe does.
        planned.set(param.id, {
          ...existing,
          price,
          quantity: this.isMetered(price) ? 0 : (param.quantity ?? (this.isMetered(existing.price) ? 1 : existing.quantity)),
          metadata: applyMetadata(existing.metadata, param.metadata),
        });
      } else {
        if (param.deleted) throw invalidRequest('Cannot delete an item without its id.', { param: `${path}[deleted]` });
        if (!param.price) throw parameterMissing(`${path}[price]`);
        const price = this.resolvePrice(param.price, `${path}[price]`);
        this.engine.unitAmount(price, sub.currency, `${path}[price]`);
        if ([...planned.values()].some((p) => p.price.id === price.id)) {
          throw invalidRequest(
            `Cannot add multiple subscription items with the same price: ${price.id}. To change quantity, update the existing item.`,
            { param: `${path}[price]` },
          );
        }
        const id = newId('si');
        planned.set(id, { id, existing: null, price, quantity: this.isMetered(price) ? 0 : (param.quantity ?? 1), metadata: applyMetadata({}, param.metadata) });
        order.push(id);
      }
    });
    const items = order.map((id) => planned.get(id)).filter((p): p is PlannedItem => p !== undefined);
    if (items.length === 0) {
      throw invalidRequest('A subscription must have at least one active item. To end it, cancel the subscription.', { param: 'items' });
    }
    const recurrence = this.checkSameRecurrence(items.map((i) => i.price), 'items');
    const oldRecurrence = this.engine.recurrenceOf(current[0].price);
    const intervalChanged = recurrence.interval !== oldRecurrence.interval || recurrence.interval_count !== oldRecurrence.interval_count;
    const resetAnchor = intervalChanged || input.billing_cycle_anchor === 'now';
    const behavior: ProrationBehavior = input.proration_behavior ?? 'create_prorations';
    const prorations: Stripe.InvoiceItem[] = [];
    const customerId = this.engine.customerIdOf(sub);
    const inTrial = sub.status === 'trialing';
    if (behavior !== 'none' && !inTrial) {
      const label = (p: Stripe.Price) => this.engine.productName(p);
      const snapshotOf = (price: Stripe.Price, quantity: number) => ({
        unitAmount: this.engine.unitAmount(price, sub.currency, 'price').amount,
        quantity: this.engine.billedQuantity(price, quantity),
        label: label(price),
      });
      const pushLines = (itemId: string, before: PlannedItem | null, after: PlannedItem | null) => {
        const b = before && !this.isMetered(before.price) ? snapshotOf(before.price, before.quantity) : null;
        const a = after && !this.isMetered(after.price) && !resetAnchor ? snapshotOf(after.price, after.quantity) : null;
        if (!b && !a) return;
        const lines = prorationLines(b, a, period, prorationDate);
        for (const line of lines) {
          const price = line.kind === 'unused_time' ? before?.price : after?.price;
          if (!price) continue;
          prorations.push(
            this.newInvoiceItem({
              customer: customerId,
              currency: sub.currency,
              amount: line.amount,
              description: line.description,
              period: line.period,
              price,
              quantity: line.quantity,
              proration: true,
              subscription: sub.id,
              subscriptionItem: itemId,
              date: at,
              testClock: this.clockOf(sub),
              unitAmountDecimal: String(line.unitAmount),
            }),
          );
        }
      };
      for (const item of current) {
        const after = planned.get(item.id) ?? null;
        const before: PlannedItem = { id: item.id, existing: item, price: item.price, quantity: item.quantity ?? 0, metadata: item.metadata };
        if (after && after.price.id === item.price.id && after.quantity === before.quantity && !resetAnchor) continue;
        pushLines(item.id, before, after);
      }
      for (const item of items) if (!item.existing) pushLines(item.id, null, item);
    }
    return { items, removed, prorationDate, period, prorations, resetAnchor, recurrence };
  }

  update(id: string, input: UpdateSubscriptionInput): Stripe.Subscription {
    const before = this.engine.subscription(id);
    if (before.status === 'canceled' || before.status === 'incomplete_expired') {
      const other = Object.entries(input).find(([k, v]) => v !== undefined && k !== 'metadata' && k !== 'cancellation_details');
      if (other) {
        throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
          code: 'invalid_canceled_subscription_fields',
          param: other[0],
        });
      }
      const after = this.save({
        ...before,
        metadata: applyMetadata(before.metadata, input.metadata),
        cancellation_details: {
          comment: input.cancellation_details?.comment ?? before.cancellation_details?.comment ?? null,
          feedback: feedbackOf(input.cancellation_details?.feedback) ?? before.cancellation_details?.feedback ?? null,
          feedback_option: before.cancellation_details?.feedback_option ?? null,
          reason: before.cancellation_details?.reason ?? null,
        },
      });
      this.emitUpdated(before, after);
      return this.engine.hydrateSubscription(after);
    }
    const customerId = this.engine.customerIdOf(before);
    const at = this.engine.now(customerId);
    if (input.payment_behavior === 'pending_if_incomplete') {
      throw invalidRequest('The emulator does not implement payment_behavior=pending_if_incomplete.', { param: 'payment_behavior' });
    }
    const itemsChange = input.items !== undefined && input.items.length > 0;
    const plan = itemsChange || input.billing_cycle_anchor === 'now' ? this.plan(before, input, at) : null;
    if (input.default_payment_method) this.paymentMethodOrThrow(input.default_payment_method, 'default_payment_method');
    if (input.cancel_at !== undefined && input.cancel_at !== null && input.cancel_at <= at) {
      throw invalidRequest('cancel_at must be in the future.', { param: 'cancel_at' });
    }
    if (input.collection_method === 'send_invoice' && input.days_until_due === undefined && before.days_until_due === null) {
      throw parameterMissing('days_until_due');
    }
    let trialEnd = before.trial_end;
    let endTrialNow = false;
    if (input.trial_end !== undefined) {
      if (input.trial_end === 'now') {
        if (before.status === 'trialing') endTrialNow = true;
      } else {
        if (input.trial_end <= at) throw invalidRequest('Invalid timestamp: must be in the future.', { param: 'trial_end' });
        trialEnd = input.trial_end;
      }
    }
    const resolvedDiscounts =
      input.discounts === undefined || input.discounts === null
        ? null
        : this.engine.resolveDiscountParams(input.discounts, before.currency, customerId, 'discounts');

    // Writes start here.
    let next: Stripe.Subscription = {
      ...before,
      cancel_at_period_end: input.cancel_at_period_end ?? before.cancel_at_period_end,
      cancel_at: input.cancel_at === undefined ? before.cancel_at : input.cancel_at,
      collection_method: input.collection_method ?? before.collection_method,
      days_until_due: input.days_until_due ?? (input.collection_method === 'charge_automatically' ? null : before.days_until_due),
      default_payment_method: input.default_payment_method === undefined ? before.default_payment_method : input.default_payment_method,
      description: input.description === undefined ? before.description : input.description,
      metadata: applyMetadata(before.metadata, input.metadata),
      trial_end: endTrialNow ? at : trialEnd,
      payment_settings: input.payment_settings?.save_default_payment_method
        ? { payment_method_options: null, payment_method_types: null, save_default_payment_method: input.payment_settings.save_default_payment_method }
        : before.payment_settings,
    };
    if (input.cancellation_details) {
      next = {
        ...next,
        cancellation_details: {
          comment: input.cancellation_details.comment ?? before.cancellation_details?.comment ?? null,
          feedback: feedbackOf(input.cancellation_details.feedback) ?? before.cancellation_details?.feedback ?? null,
          feedback_option: before.cancellation_details?.feedback_option ?? null,
          reason: before.cancellation_details?.reason ?? null,
        },
      };
    }
    if (input.cancel_at_period_end === true || (input.cancel_at !== undefined && input.cancel_at !== null)) {
      next = {
        ...next,
        canceled_at: at,
        cancellation_details: { ...(next.cancellation_details ?? { comment: null, feedback: null, feedback_option: null }), reason: 'cancellation_requested' },
      };
    } else if (input.cancel_at_period_end === false && input.cancel_at === undefined && before.cancel_at_period_end) {
      next = { ...next, canceled_at: null, cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null } };
    }
    if (resolvedDiscounts) {
      next = { ...next, discounts: this.engine.createDiscounts(resolvedDiscounts, { customer: customerId, subscription: id, invoice: null, start: at }) };
    } else if (input.discounts === null) {
      next = { ...next, discounts: [] };
    }
    let immediateInvoice: string | null = null;
    if (plan) {
      const state = this.engine.subscriptionState(id);
      const period: Period = plan.resetAnchor ? { start: at, end: addIntervals(at, plan.recurrence, 1) } : plan.period;
      for (const removed of plan.removed) this.store.delete(subscriptionItemsCollection, removed.id);
      const stored = plan.items.map((p) => {
        const base = p.existing ?? this.newItem(id, p.price, this.isMetered(p.price) ? undefined : p.quantity, p.metadata, period, at);
        const item: Stripe.SubscriptionItem = {
          ...base,
          id: p.id,
          price: p.price,
          plan: planFromPrice(p.price),
          metadata: p.metadata,
          current_period_start: period.start,
          current_period_end: period.end,
          ...(this.isMetered(p.price) ? {} : { quantity: p.quantity }),
        };
        if (this.isMetered(p.price)) delete item.quantity;
        return this.store.insert(subscriptionItemsCollection, item);
      });
      this.engine.setSubscriptionState({ ...state, item_order: stored.map((i) => i.id) });
      for (const ii of plan.prorations) this.createInvoiceItem(ii);
      if (plan.resetAnchor) next = { ...next, billing_cycle_anchor: at };
      const behavior = input.proration_behavior ?? 'create_prorations';
      if (plan.resetAnchor || behavior === 'always_invoice') {
        const lines = plan.resetAnchor
          ? stored.filter((i) => !this.isMetered(i.price)).map((i) => this.itemLine(next, i.id, i.price, i.quantity ?? 1, period))
          : [];
        const pending = this.engine.pendingInvoiceItems(customerId, id);
        if (lines.length > 0 || pending.length > 0) {
          this.save(next);
          const inv = this.buildInvoice(next, {
            lines,
            pendingItems: pending,
            billingReason: 'subscription_update',
            created: at,
            period: { start: at, end: at },
            autoAdvance: true,
            prorationDate: plan.prorationDate,
          });
          const storedInv = this.storeInvoice(next, { ...inv, automatically_finalizes_at: null }, pending);
          immediateInvoice = storedInv.id;
          next = { ...next, latest_invoice: storedInv.id };
        }
      }
    }
    if (endTrialNow) {
      next = { ...next, status: 'active' };
    } else if (trialEnd !== before.trial_end && trialEnd !== null && next.status === 'trialing') {
      // A new trial end moves the period end of the trial.
      for (const item of this.engine.subscriptionItems(id)) {
        this.store.insert(subscriptionItemsCollection, { ...item, current_period_end: trialEnd });
      }
      next = { ...next, billing_cycle_anchor: trialEnd };
    }
    this.save(next);
    if (endTrialNow) this.renewAt(id, at, 'subscription_update');
    if (immediateInvoice) {
      const inv = this.invoices.finalize(immediateInvoice);
      if (inv.status === 'open' && inv.collection_method === 'charge_automatically') {
        const pm = this.invoices.defaultPaymentMethod(inv);
        if (pm) this.invoices.chargeNow(inv.id, pm, input.off_session ?? true);
        const after = this.engine.invoice(inv.id);
        if (after.status === 'open' && (input.payment_behavior ?? 'allow_incomplete') === 'error_if_incomplete') {
          const state = this.engine.invoiceState(inv.id);
          const pi = state.payment_intent ? this.engine.ports.payments.retrievePaymentIntent(state.payment_intent) : undefined;
          if (pi) throw cardErrorFrom(pi);
        }
        if (after.status === 'open' && this.engine.subscription(id).status === 'active') this.setStatus(id, 'past_due', at);
      }
    }
    const final = this.engine.subscription(id);
    this.emitUpdated(before, final);
    this.scheduleCycleJobs(final);
    return this.engine.hydrateSubscription(final);
  }

  // ---- cancel ----------------------------------------------------------------------------------

  cancelNow(
    id: string,
    opts: {
      reason: 'cancellation_requested' | 'payment_failed';
      invoiceNow: boolean;
      prorate: boolean;
      at?: number;
      comment?: string | null;
      feedback?: string | null;
    },
  ): Stripe.Subscription {
    const before = this.engine.subscription(id);
    if (before.status === 'canceled' || before.status === 'incomplete_expired') {
      throw invalidRequest(`This subscription is already canceled.`, { code: 'resource_missing' });
    }
    const customerId = this.engine.customerIdOf(before);
    const at = opts.at ?? this.engine.now(customerId);
    const items = this.engine.subscriptionItems(id);
    if (opts.prorate && before.status !== 'trialing' && items.length > 0) {
      const period = { start: items[0].current_period_start, end: items[0].current_period_end };
      if (at > period.start && at < period.end) {
        for (const item of items) {
          if (this.isMetered(item.price)) continue;
          const snap = {
            unitAmount: this.engine.unitAmount(item.price, before.currency, 'price').amount,
            quantity: this.engine.billedQuantity(item.price, item.quantity ?? 1),
            label: this.engine.productName(item.price),
          };
          for (const line of prorationLines(snap, null, period, at)) {
            this.createInvoiceItem(
              this.newInvoiceItem({
                customer: customerId,
                currency: before.currency,
                amount: line.amount,
                description: line.description,
                period: line.period,
                price: item.price,
                quantity: line.quantity,
                proration: true,
                subscription: id,
                subscriptionItem: item.id,
                date: at,
                testClock: this.clockOf(before),
                unitAmountDecimal: String(line.unitAmount),
              }),
            );
          }
        }
      }
    }
    const after = this.save({
      ...before,
      status: 'canceled',
      canceled_at: before.canceled_at ?? at,
      ended_at: at,
      cancel_at_period_end: false,
      cancellation_details: {
        comment: opts.comment ?? before.cancellation_details?.comment ?? null,
        feedback: feedbackOf(opts.feedback) ?? before.cancellation_details?.feedback ?? null,
        feedback_option: before.cancellation_details?.feedback_option ?? null,
        reason: opts.reason,
      },
    });
    this.cancelJobs(id);
    if (opts.invoiceNow) this.finalInvoice(after, at);
    this.emit('customer.subscription.deleted', this.engine.subscription(id));
    return this.engine.hydrateSubscription(this.engine.subscription(id));
  }

  /** The last invoice of a subscription that ends: metered usage so far plus pending items. */
  private finalInvoice(sub: Stripe.Subscription, at: number): void {
    const customerId = this.engine.customerIdOf(sub);
    const items = this.engine.subscriptionItems(sub.id);
    const lines = items
      .filter((i) => this.isMetered(i.price))
      .map((i) => this.usageLine(sub, i, { start: i.current_period_start, end: Math.min(at, i.current_period_end) }));
    const pending = this.engine.pendingInvoiceItems(customerId, sub.id);
    if (lines.length === 0 && pending.length === 0) return;
    const inv = this.buildInvoice(sub, {
      lines,
      pendingItems: pending,
      billingReason: 'subscription_cycle',
      created: at,
      period: { start: items[0]?.current_period_start ?? at, end: at },
      autoAdvance: true,
    });
    const stored = this.storeInvoice(sub, inv, pending);
    this.save({ ...this.engine.subscription(sub.id), latest_invoice: stored.id });
  }

  /** `POST /v1/subscriptions/:id/resume` for a paused subscription. */
  resume(id: string): Stripe.Subscription {
    const before = this.engine.subscription(id);
    if (before.status !== 'paused') {
      throw invalidRequest('Only a paused subscription can be resumed.', { code: 'subscription_not_paused' });
    }
    const at = this.engine.now(this.engine.customerIdOf(before));
    const after = this.save({ ...before, status: 'active', billing_cycle_anchor: at });
    this.emit('customer.subscription.resumed', after);
    this.renewAt(id, at, 'subscription_update');
    const final = this.engine.subscription(id);
    this.emitUpdated(before, final);
    return this.engine.hydrateSubscription(final);
  }

  // ---- time-driven work ------------------------------------------------------------------------

  private cancelJobs(id: string): void {
    for (const key of ['cycle', 'upcoming', 'trial_will_end', 'cancel_at', 'expire']) {
      this.engine.ports.scheduler.cancel(`${id}:${key}`);
    }
  }

  /** (Re)schedules the renewal, invoice.upcoming, trial_will_end and cancel_at jobs from the current state. */
  scheduleCycleJobs(sub: Stripe.Subscription): void {
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired' || sub.status === 'paused') return;
    const items = this.engine.subscriptionItems(sub.id);
    if (items.length === 0) return;
    const scheduler = this.engine.ports.scheduler;
    const testClock = this.clockOf(sub);
    const at = this.engine.now(this.engine.customerIdOf(sub));
    const end = items[0].current_period_end;
    const payload = { subscription: sub.id };
    scheduler.schedule({ kind: JOB_CYCLE, at: end, testClock, key: `${sub.id}:cycle`, payload });
    const upcomingAt = end - this.engine.options.upcomingDays * DAY;
    const state = this.engine.subscriptionState(sub.id);
    const periodLength = end - items[0].current_period_start;
    if (periodLength > this.engine.options.upcomingDays * DAY && upcomingAt > at && state.upcoming_sent_for !== end && !sub.cancel_at_period_end) {
      scheduler.schedule({ kind: JOB_UPCOMING, at: upcomingAt, testClock, key: `${sub.id}:upcoming`, payload });
    } else {
      scheduler.cancel(`${sub.id}:upcoming`);
    }
    if (sub.status === 'trialing' && sub.trial_end !== null && state.trial_will_end_sent_for !== sub.trial_end) {
      scheduler.schedule({
        kind: JOB_TRIAL_WILL_END,
        at: Math.max(at, sub.trial_end - this.engine.options.trialWillEndDays * DAY),
        testClock,
        key: `${sub.id}:trial_will_end`,
        payload,
      });
    }
    if (sub.cancel_at !== null) {
      scheduler.schedule({ kind: JOB_CANCEL_AT, at: sub.cancel_at, testClock, key: `${sub.id}:cancel_at`, payload });
    } else {
      scheduler.cancel(`${sub.id}:cancel_at`);
    }
  }

  trialWillEnd(id: string): void {
    const sub = this.store.get(subscriptionsCollection, id);
    if (!sub || sub.status !== 'trialing' || sub.trial_end === null) return;
    const state = this.engine.subscriptionState(id);
    if (state.trial_will_end_sent_for === sub.trial_end) return;
    this.engine.setSubscriptionState({ ...state, trial_will_end_sent_for: sub.trial_end });
    this.emit('customer.subscription.trial_will_end', sub);
  }

  upcoming(id: string): void {
    const sub = this.store.get(subscriptionsCollection, id);
    if (!sub || sub.status === 'canceled' || sub.cancel_at_period_end) return;
    const items = this.engine.subscriptionItems(id);
    const state = this.engine.subscriptionState(id);
    const end = items[0]?.current_period_end;
    if (end === undefined || state.upcoming_sent_for === end) return;
    this.engine.setSubscriptionState({ ...state, upcoming_sent_for: end });
    const preview = this.previewRenewal(sub, null);
    this.engine.ports.events.emit('invoice.upcoming', preview);
  }

  cancelAt(id: string): void {
    const sub = this.store.get(subscriptionsCollection, id);
    if (!sub || sub.status === 'canceled' || sub.cancel_at === null) return;
    this.cancelNow(id, { reason: 'cancellation_requested', invoiceNow: true, prorate: true, at: sub.cancel_at });
  }

  /** The renewal at the end of the current period (also the end of a trial). */
  cycle(id: string): void {
    const sub = this.store.get(subscriptionsCollection, id);
    if (!sub) return;
    if (sub.status === 'canceled' || sub.status === 'incomplete' || sub.status === 'incomplete_expired' || sub.status === 'paused') return;
    const items = this.engine.subscriptionItems(id);
    if (items.length === 0) return;
    const end = items[0].current_period_end;
    if (sub.cancel_at_period_end) {
      this.cancelNow(id, { reason: 'cancellation_requested', invoiceNow: true, prorate: false, at: end });
      return;
    }
    if (sub.status === 'trialing' && sub.trial_end !== null && sub.trial_end <= end) {
      const pm = sub.default_payment_method ?? this.customerDefaultPm(sub);
      const behavior = sub.trial_settings?.end_behavior.missing_payment_method ?? 'create_invoice';
      if (!pm && sub.collection_method === 'charge_automatically' && behavior === 'cancel') {
        this.cancelNow(id, { reason: 'cancellation_requested', invoiceNow: false, prorate: false, at: end });
        return;
      }
      if (!pm && sub.collection_method === 'charge_automatically' && behavior === 'pause') {
        const before = sub;
        const paused = this.save({ ...sub, status: 'paused' });
        this.cancelJobs(id);
        this.emitUpdated(before, paused);
        this.emit('customer.subscription.paused', paused);
        return;
      }
    }
    this.renewAt(id, end, 'subscription_cycle');
  }

  private customerDefaultPm(sub: Stripe.Subscription): string | null {
    const c = this.engine.ports.customers.customer(this.engine.customerIdOf(sub), 'customer');
    const pm = c.invoice_settings?.default_payment_method;
    return pm ? (typeof pm === 'string' ? pm : pm.id) : null;
  }

  /**
   * Starts a new period at `at`: licensed items billed in advance for the new period, metered items billed in
   * arrears for the period that ended, pending invoice items included; the draft finalizes about an hour later.
   */
  renewAt(id: string, at: number, reason: 'subscription_cycle' | 'subscription_update'): void {
    const before = this.engine.subscription(id);
    const items = this.engine.subscriptionItems(id);
    const r = this.engine.recurrenceOf(items[0].price);
    const anchor = reason === 'subscription_update' ? at : before.billing_cycle_anchor;
    const newEnd = reason === 'subscription_update' ? addIntervals(at, r, 1) : nextBoundaryAfter(anchor, r, at);
    const newPeriod = { start: at, end: newEnd };
    const wasTrialing = before.status === 'trialing';
    const lines: LineInput[] = [];
    for (const item of items) {
      const old = { start: item.current_period_start, end: Math.min(item.current_period_end, at) };
      if (this.isMetered(item.price)) {
        if (!wasTrialing && old.end > old.start) lines.push(this.usageLine(before, item, old));
      } else {
        lines.push(this.itemLine(before, item.id, item.price, item.quantity ?? 1, newPeriod));
      }
    }
    for (const item of items) {
      this.store.insert(subscriptionItemsCollection, { ...item, current_period_start: newPeriod.start, current_period_end: newPeriod.end });
    }
    const status: Stripe.Subscription.Status = wasTrialing ? 'active' : before.status;
    let next = this.save({
      ...before,
      status,
      billing_cycle_anchor: reason === 'subscription_update' ? at : before.billing_cycle_anchor,
    });
    const customerId = this.engine.customerIdOf(next);
    const pending = this.engine.pendingInvoiceItems(customerId, id);
    // Drop discounts whose time is over before pricing the new period.
    const inv = this.buildInvoice(next, {
      lines,
      pendingItems: pending,
      billingReason: reason === 'subscription_update' ? 'subscription_update' : 'subscription_cycle',
      created: at,
      period: { start: items[0].current_period_start, end: at },
      autoAdvance: next.status !== 'unpaid',
    });
    const stored = this.storeInvoice(next, inv, pending);
    next = this.save({ ...this.engine.subscription(id), latest_invoice: stored.id });
    this.emitUpdated(before, next);
    this.scheduleCycleJobs(next);
  }

  /**
   * The invoice the next renewal will produce (for `invoice.upcoming` and `create_preview`), optionally after a
   * planned change: pending items, the planned prorations, the next period's licensed lines and this period's
   * metered usage. Nothing is written.
   */
  previewRenewal(sub: Stripe.Subscription, plan: PlannedChange | null): Stripe.Invoice {
    const customerId = this.engine.customerIdOf(sub);
    const current = this.engine.subscriptionItems(sub.id);
    const period = plan?.period ?? { start: current[0].current_period_start, end: current[0].current_period_end };
    const r = plan?.recurrence ?? this.engine.recurrenceOf(current[0].price);
    const nextPeriod = { start: period.end, end: nextBoundaryAfter(sub.billing_cycle_anchor, r, period.end) };
    const items = plan?.items ?? current.map((i) => ({ id: i.id, existing: i, price: i.price, quantity: i.quantity ?? 0, metadata: i.metadata }));
    const lines: LineInput[] = [];
    for (const item of items) {
      if (this.isMetered(item.price)) {
        const existing = item.existing ?? current[0];
        const fakeItem: Stripe.SubscriptionItem = { ...existing, id: item.id, price: item.price };
        if (sub.status !== 'trialing') lines.push(this.usageLine(sub, fakeItem, period));
      } else {
        lines.push(this.itemLine(sub, item.id, item.price, item.quantity, nextPeriod));
      }
    }
    const pending = [...this.engine.pendingInvoiceItems(customerId, sub.id), ...(plan?.prorations ?? [])];
    const inv = this.buildInvoice(sub, {
      lines,
      pendingItems: pending,
      billingReason: 'upcoming',
      created: period.end,
      period,
      autoAdvance: true,
      id: `upcoming_${newId('in')}`,
      prorationDate: plan?.prorationDate,
    });
    return { ...inv, created: this.engine.now(customerId) };
  }

  /** A preview of the invoice an update would create right away (always_invoice or a billing cycle reset). */
  previewImmediate(sub: Stripe.Subscription, plan: PlannedChange, at: number): Stripe.Invoice {
    const customerId = this.engine.customerIdOf(sub);
    const period = plan.resetAnchor ? { start: at, end: addIntervals(at, plan.recurrence, 1) } : plan.period;
    const lines = plan.resetAnchor
      ? plan.items.filter((i) => !this.isMetered(i.price)).map((i) => this.itemLine(sub, i.id, i.price, i.quantity, period))
      : [];
    const pending = [...this.engine.pendingInvoiceItems(customerId, sub.id), ...plan.prorations];
    return this.buildInvoice(sub, {
      lines,
      pendingItems: pending,
      billingReason: 'subscription_update',
      created: at,
      period: { start: at, end: at },
      autoAdvance: true,
      id: `upcoming_${newId('in')}`,
      prorationDate: plan.prorationDate,
    });
  }
}

function feedbackOf(value: string | null | undefined): Stripe.Subscription.CancellationDetails.Feedback | null {
  const known = ['customer_service', 'low_quality', 'missing_features', 'other', 'switched_service', 'too_complex', 'too_expensive', 'unused'] as const;
  return known.find((k) => k === value) ?? null;
}

function formatDay(t: number): string {
  return new Date(t * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The legacy `plan` view of a recurring price, which subscription items still carry. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  const r = price.recurring;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: r?.interval ?? 'month',
    interval_count: r?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: r?.meter ?? null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: price.tiers_mode,
    transform_usage: price.transform_quantity,
    trial_period_days: r?.trial_period_days ?? null,
    usage_type: r?.usage_type ?? 'licensed',
  } satisfies Full<Stripe.Plan, 'deleted' | 'tiers'>;
}

/** Stripe's 402 for a card that could not be charged. */
export function cardErrorFrom(pi: Stripe.PaymentIntent): StripeError {
  const error = pi.last_payment_error;
  if (pi.status === 'requires_action') {
    return new StripeError(402, 'card_error', 'This payment requires additional user action before it can be completed successfully.', {
      code: 'subscription_payment_intent_requires_action',
      payment_intent: pi,
    });
  }
  return new StripeError(402, 'card_error', error?.message ?? 'Your card was declined.', {
    code: error?.code ?? 'card_declined',
    ...(error?.decline_code ? { decline_code: error.decline_code } : {}),
    payment_intent: pi,
  });
}
