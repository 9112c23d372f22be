// POST /v1/subscriptions: plan everything (validate, price, discount, first invoice) before writing, then commit.
import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import { applyMetadata } from '../../core/metadata.js';
import type { Full } from '../../core/types.js';
import { invalidRequest, parameterMissing } from '../../http/errors.js';
import { subscriptionItemsCollection } from '../collections.js';
import { type LineInput } from '../invoice-builder.js';
import { addIntervals, type Period } from '../periods.js';
import { proratedAmount } from '../proration.js';
import type { AddInvoiceItemParam, CreateSubscriptionInput, PaymentBehavior } from '../inputs.js';
import { DAY, cardErrorFrom, formatDay } from './helpers.js';
import type { CreatePlan } from './types.js';
import type { SubscriptionContext } from './context.js';
import { buildInvoice, createInvoiceItem, itemLine, newInvoiceItem, newItem, storeInvoice } from './lines.js';
import { JOB_EXPIRE_INCOMPLETE, scheduleCycleJobs } from './schedule.js';

export function createSubscription(ctx: SubscriptionContext, input: CreateSubscriptionInput): Stripe.Subscription {
  return commitCreate(ctx, planCreate(ctx, input), input);
}

/** Everything a new subscription would be, validated, without writing (also the create_preview path). */
export function planCreate(ctx: SubscriptionContext, input: CreateSubscriptionInput): CreatePlan {
  const customer = ctx.engine.ports.customers.customer(input.customer, 'customer');
  if (input.items.length === 0) throw parameterMissing('items');
  const at = ctx.engine.now(customer.id);
  const prices = input.items.map((item, i) => {
    if (!item.price) throw parameterMissing(`items[${i}][price]`);
    return ctx.resolvePrice(item.price, `items[${i}][price]`);
  });
  input.items.forEach((item, i) => {
    if (ctx.isMetered(prices[i]) && item.quantity !== undefined) {
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
  prices.forEach((p, i) => ctx.engine.unitAmount(p, currency, `items[${i}][price]`));
  const recurrence = ctx.checkSameRecurrence(prices, 'items');
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
  if (input.default_payment_method) ctx.paymentMethodOrThrow(input.default_payment_method, 'default_payment_method');

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
    (sum, item, i) => sum + (ctx.isMetered(prices[i]) ? 0 : ctx.engine.unitAmount(prices[i], currency, 'price').amount * (item.quantity ?? 1)),
    0,
  );
  const resolvedDiscounts = ctx.engine.resolveDiscountParams(input.discounts ?? [], currency, customer.id, 'discounts', amountHint);
  const defaultTaxRates = ctx.engine.ports.catalog.taxRates(input.default_tax_rates, 'default_tax_rates');
  const itemTaxRates = input.items.map((item, i) => ctx.engine.ports.catalog.taxRates(item.tax_rates, `items[${i}][tax_rates]`));
  const addItems = (input.add_invoice_items ?? []).map((a, i) => resolveAddInvoiceItem(ctx, a, currency, `add_invoice_items[${i}]`));

  const pmForCharge =
    input.default_payment_method ??
    (typeof customer.invoice_settings?.default_payment_method === 'string'
      ? customer.invoice_settings.default_payment_method
      : (customer.invoice_settings?.default_payment_method?.id ?? null));

  // Periods: trial → [now, trial_end]; future anchor → stub [now, anchor]; else one interval.
  const period: Period =
    trialEnd !== null ? { start: at, end: trialEnd } : anchor > at ? { start: at, end: anchor } : { start: at, end: addIntervals(at, recurrence, 1) };

  const subId = newId('sub');
  const testClock = ctx.engine.testClockOf(customer.id);
  const items: Stripe.SubscriptionItem[] = input.items.map((item, i) =>
    newItem(ctx, subId, prices[i], ctx.isMetered(prices[i]) ? undefined : (item.quantity ?? 1), item.metadata ?? {}, period, at, itemTaxRates[i]),
  );
  const discountIds = resolvedDiscounts.map((r) => r.existing ?? newId('di'));
  const discountInputs = ctx.engine.discountInputsFor(resolvedDiscounts, discountIds);
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
    default_tax_rates: defaultTaxRates,
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
      return itemLine(ctx, sub, item, price, item.quantity ?? 0, period, {
        amount: 0,
        description: `Trial period for ${ctx.engine.productName(price)}`,
      });
    }
    if (ctx.isMetered(price)) return itemLine(ctx, sub, item, price, 0, period, { amount: 0 });
    const qty = item.quantity ?? 1;
    if (anchor > at) {
      const full = ctx.engine.unitAmount(price, currency, 'price').amount * ctx.engine.billedQuantity(price, qty);
      const fullPeriod = { start: addIntervals(anchor, recurrence, -1), end: anchor };
      const amount = input.proration_behavior === 'none' ? 0 : proratedAmount(full, fullPeriod, at);
      return itemLine(ctx, sub, item, price, qty, period, {
        amount,
        proration: true,
        description: `Remaining time on ${qty} × ${ctx.engine.productName(price)} after ${formatDay(at)}`,
      });
    }
    return itemLine(ctx, sub, item, price, qty, period);
  });
  const pendingExisting = ctx.engine.pendingInvoiceItems(customer.id, null);
  const invoiceId = newId('in');
  const addInvoiceItems = addItems.map((a) =>
    newInvoiceItem(ctx, {
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
      taxRates: a.taxRates,
    }),
  );
  const preview = buildInvoice(ctx, sub, {
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

export function commitCreate(ctx: SubscriptionContext, plan: CreatePlan, input: CreateSubscriptionInput): Stripe.Subscription {
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
    precharged = ctx.engine.ports.payments.createPaymentIntent({
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
  ctx.creating.add(subId);
  try {
    ctx.engine.createDiscounts(plan.resolvedDiscounts, { customer: customer.id, subscription: subId, invoice: null, start: at }, plan.discountIds);
    if (!customer.currency) ctx.engine.ports.customers.updateCustomer(customer.id, { currency });
    for (const item of items) ctx.store.insert(subscriptionItemsCollection, item);
    ctx.engine.setSubscriptionState({
      id: subId,
      item_order: items.map((i) => i.id),
      payment_behavior: behavior,
      upcoming_sent_for: null,
      trial_will_end_sent_for: null,
    });
    ctx.save({ ...sub, latest_invoice: invoiceId });
    for (const ii of addInvoiceItems) createInvoiceItem(ctx, ii);
    const stored = storeInvoice(ctx, ctx.engine.subscription(subId), { ...preview, auto_advance: true, automatically_finalizes_at: null }, [...addInvoiceItems, ...pendingExisting]);
    const finalized = ctx.invoices.finalize(stored.id, { precharged, scheduleAttempt: false });
    let status: Stripe.Subscription.Status = 'incomplete';
    if (finalized.status === 'paid') status = trialEnd !== null ? 'trialing' : 'active';
    else if (collection === 'send_invoice') status = trialEnd !== null ? 'trialing' : 'active';
    ctx.save({ ...ctx.engine.subscription(subId), status });
    if (status === 'incomplete' && behavior !== 'default_incomplete') {
      const pm = pmForCharge;
      if (pm) ctx.invoices.chargeNow(finalized.id, pm, input.off_session ?? false);
    }
    // Nothing to pay now (trial, free first period) but the browser is to collect a card: Stripe hands out a
    // SetupIntent as the subscription's pending_setup_intent.
    if (behavior === 'default_incomplete' && collection === 'charge_automatically' && finalized.status === 'paid') {
      const si = ctx.engine.ports.payments.createSetupIntent(customer.id, {});
      ctx.save({ ...ctx.engine.subscription(subId), pending_setup_intent: si.id });
    }
    if (ctx.engine.subscription(subId).status === 'incomplete') {
      ctx.engine.ports.scheduler.schedule({
        kind: JOB_EXPIRE_INCOMPLETE,
        at: at + ctx.engine.options.incompleteExpirySeconds,
        testClock,
        key: `${subId}:expire`,
        payload: { subscription: subId },
      });
    }
  } finally {
    ctx.creating.delete(subId);
  }
  const created = ctx.engine.subscription(subId);
  ctx.emit('customer.subscription.created', created);
  scheduleCycleJobs(ctx, created);
  return ctx.engine.hydrateSubscription(created);
}

export function resolveAddInvoiceItem(
  ctx: SubscriptionContext,
  a: AddInvoiceItemParam,
  currency: string,
  param: string,
): { price: Stripe.Price | null; amount: number; quantity: number; description: string; taxRates: Stripe.TaxRate[] | null } {
  const quantity = a.quantity ?? 1;
  const taxRates = ctx.engine.ports.catalog.taxRates(a.tax_rates, `${param}[tax_rates]`);
  if (a.price) {
    const price = ctx.engine.ports.catalog.price(a.price, `${param}[price]`);
    if (price.type !== 'one_time') {
      throw invalidRequest('The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.', {
        param: `${param}[price]`,
      });
    }
    const unit = ctx.engine.unitAmount(price, currency, `${param}[price]`);
    return { price, amount: unit.amount, quantity, description: ctx.engine.productName(price), taxRates };
  }
  if (a.price_data) {
    if (a.price_data.currency.toLowerCase() !== currency) {
      throw invalidRequest(`price_data currency must be ${currency}.`, { param: `${param}[price_data][currency]` });
    }
    const product = ctx.engine.ports.catalog.product(a.price_data.product);
    return { price: null, amount: a.price_data.unit_amount, quantity, description: product?.name ?? a.price_data.product, taxRates };
  }
  throw parameterMissing(`${param}[price]`);
}
