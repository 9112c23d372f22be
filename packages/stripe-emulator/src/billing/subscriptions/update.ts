// POST /v1/subscriptions/:id: the update planner (items, prorations, cycle resets), shared with create_preview, and the update itself.
import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import { applyMetadata } from '../../core/metadata.js';
import { invalidRequest, parameterMissing } from '../../http/errors.js';
import { subscriptionItemsCollection } from '../collections.js';
import { addIntervals, type Period } from '../periods.js';
import { prorationLines } from '../proration.js';
import type { ItemParam, ProrationBehavior, UpdateSubscriptionInput } from '../inputs.js';
import { cardErrorFrom, feedbackOf, planFromPrice } from './helpers.js';
import type { PlannedChange, PlannedItem } from './types.js';
import type { SubscriptionContext } from './context.js';
import { buildInvoice, createInvoiceItem, itemLine, newInvoiceItem, newItem, storeInvoice } from './lines.js';
import { scheduleCycleJobs } from './schedule.js';
import { setStatus } from './status.js';
import { renewAt } from './renewal.js';

/**
 * Works out what an update changes without writing: the items after it, the proration invoice items, and
 * whether the billing cycle restarts. Shared by `update` and `POST /v1/invoices/create_preview`.
 */
export function planUpdate(ctx: SubscriptionContext, sub: Stripe.Subscription, input: UpdateSubscriptionInput, at: number): PlannedChange {
  const current = ctx.engine.subscriptionItems(sub.id);
  if (current.length === 0) throw new Error(`subscription ${sub.id} has no items`);
  const period: Period = { start: current[0].current_period_start, end: current[0].current_period_end };
  const prorationDate = input.proration_date ?? at;
  if (input.proration_date !== undefined && (prorationDate < period.start || prorationDate > period.end)) {
    throw invalidRequest('proration_date must be within the current billing period of the subscription.', { param: 'proration_date' });
  }
  const planned = new Map<string, PlannedItem>(
    current.map((i) => [i.id, { id: i.id, existing: i, price: i.price, quantity: i.quantity ?? 0, metadata: i.metadata, tax_rates: i.tax_rates }]),
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
      const price = param.price ? ctx.resolvePrice(param.price, `${path}[price]`) : existing.price;
      if (param.price) ctx.engine.unitAmount(price, sub.currency, `${path}[price]`);
      // A new price keeps the item's quantity unless one is given, as Stripe does.
      planned.set(param.id, {
        ...existing,
        price,
        quantity: ctx.isMetered(price) ? 0 : (param.quantity ?? (ctx.isMetered(existing.price) ? 1 : existing.quantity)),
        metadata: applyMetadata(existing.metadata, param.metadata),
        tax_rates: param.tax_rates === undefined ? existing.tax_rates : ctx.engine.ports.catalog.taxRates(param.tax_rates, `${path}[tax_rates]`),
      });
    } else {
      if (param.deleted) throw invalidRequest('Cannot delete an item without its id.', { param: `${path}[deleted]` });
      if (!param.price) throw parameterMissing(`${path}[price]`);
      const price = ctx.resolvePrice(param.price, `${path}[price]`);
      ctx.engine.unitAmount(price, sub.currency, `${path}[price]`);
      if ([...planned.values()].some((p) => p.price.id === price.id)) {
        throw invalidRequest(
          `Cannot add multiple subscription items with the same price: ${price.id}. To change quantity, update the existing item.`,
          { param: `${path}[price]` },
        );
      }
      const id = newId('si');
      planned.set(id, {
        id,
        existing: null,
        price,
        quantity: ctx.isMetered(price) ? 0 : (param.quantity ?? 1),
        metadata: applyMetadata({}, param.metadata),
        tax_rates: ctx.engine.ports.catalog.taxRates(param.tax_rates, `${path}[tax_rates]`),
      });
      order.push(id);
    }
  });
  const items = order.map((id) => planned.get(id)).filter((p): p is PlannedItem => p !== undefined);
  if (items.length === 0) {
    throw invalidRequest('A subscription must have at least one active item. To end it, cancel the subscription.', { param: 'items' });
  }
  const recurrence = ctx.checkSameRecurrence(items.map((i) => i.price), 'items');
  const oldRecurrence = ctx.engine.recurrenceOf(current[0].price);
  const intervalChanged = recurrence.interval !== oldRecurrence.interval || recurrence.interval_count !== oldRecurrence.interval_count;
  const resetAnchor = intervalChanged || input.billing_cycle_anchor === 'now';
  const behavior: ProrationBehavior = input.proration_behavior ?? 'create_prorations';
  const prorations: Stripe.InvoiceItem[] = [];
  const customerId = ctx.engine.customerIdOf(sub);
  const inTrial = sub.status === 'trialing';
  if (behavior !== 'none' && !inTrial) {
    const label = (p: Stripe.Price) => ctx.engine.productName(p);
    const snapshotOf = (price: Stripe.Price, quantity: number) => ({
      unitAmount: ctx.engine.unitAmount(price, sub.currency, 'price').amount,
      quantity: ctx.engine.billedQuantity(price, quantity),
      label: label(price),
    });
    const pushLines = (itemId: string, before: PlannedItem | null, after: PlannedItem | null) => {
      const b = before && !ctx.isMetered(before.price) ? snapshotOf(before.price, before.quantity) : null;
      const a = after && !ctx.isMetered(after.price) && !resetAnchor ? snapshotOf(after.price, after.quantity) : null;
      if (!b && !a) return;
      const lines = prorationLines(b, a, period, prorationDate);
      for (const line of lines) {
        const source = line.kind === 'unused_time' ? before : after;
        const price = source?.price;
        if (!price) continue;
        prorations.push(
          newInvoiceItem(ctx, {
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
            testClock: ctx.clockOf(sub),
            unitAmountDecimal: String(line.unitAmount),
            taxRates: source.tax_rates,
          }),
        );
      }
    };
    for (const item of current) {
      const after = planned.get(item.id) ?? null;
      const before: PlannedItem = { id: item.id, existing: item, price: item.price, quantity: item.quantity ?? 0, metadata: item.metadata, tax_rates: item.tax_rates };
      if (after && after.price.id === item.price.id && after.quantity === before.quantity && !resetAnchor) continue;
      pushLines(item.id, before, after);
    }
    for (const item of items) if (!item.existing) pushLines(item.id, null, item);
  }
  return { items, removed, prorationDate, period, prorations, resetAnchor, recurrence };
}

export function updateSubscription(ctx: SubscriptionContext, id: string, input: UpdateSubscriptionInput): Stripe.Subscription {
  const before = ctx.engine.subscription(id);
  if (before.status === 'canceled' || before.status === 'incomplete_expired') {
    const other = Object.entries(input).find(([k, v]) => v !== undefined && k !== 'metadata' && k !== 'cancellation_details');
    if (other) {
      throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
        code: 'invalid_canceled_subscription_fields',
        param: other[0],
      });
    }
    const after = ctx.save({
      ...before,
      metadata: applyMetadata(before.metadata, input.metadata),
      cancellation_details: {
        comment: input.cancellation_details?.comment ?? before.cancellation_details?.comment ?? null,
        feedback: feedbackOf(input.cancellation_details?.feedback) ?? before.cancellation_details?.feedback ?? null,
        feedback_option: before.cancellation_details?.feedback_option ?? null,
        reason: before.cancellation_details?.reason ?? null,
      },
    });
    ctx.emitUpdated(before, after);
    return ctx.engine.hydrateSubscription(after);
  }
  const customerId = ctx.engine.customerIdOf(before);
  const at = ctx.engine.now(customerId);
  if (input.payment_behavior === 'pending_if_incomplete') {
    throw invalidRequest('The emulator does not implement payment_behavior=pending_if_incomplete.', { param: 'payment_behavior' });
  }
  const itemsChange = input.items !== undefined && input.items.length > 0;
  const plan = itemsChange || input.billing_cycle_anchor === 'now' ? planUpdate(ctx, before, input, at) : null;
  if (input.default_payment_method) ctx.paymentMethodOrThrow(input.default_payment_method, 'default_payment_method');
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
      : ctx.engine.resolveDiscountParams(input.discounts, before.currency, customerId, 'discounts');
  const defaultTaxRates =
    input.default_tax_rates === undefined ? undefined : ctx.engine.ports.catalog.taxRates(input.default_tax_rates, 'default_tax_rates');

  // Writes start here.
  let next: Stripe.Subscription = {
    ...before,
    cancel_at_period_end: input.cancel_at_period_end ?? before.cancel_at_period_end,
    cancel_at: input.cancel_at === undefined ? before.cancel_at : input.cancel_at,
    collection_method: input.collection_method ?? before.collection_method,
    days_until_due: input.days_until_due ?? (input.collection_method === 'charge_automatically' ? null : before.days_until_due),
    default_payment_method: input.default_payment_method === undefined ? before.default_payment_method : input.default_payment_method,
    description: input.description === undefined ? before.description : input.description,
    default_tax_rates: defaultTaxRates === undefined ? before.default_tax_rates : defaultTaxRates,
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
    next = { ...next, discounts: ctx.engine.createDiscounts(resolvedDiscounts, { customer: customerId, subscription: id, invoice: null, start: at }) };
  } else if (input.discounts === null) {
    next = { ...next, discounts: [] };
  }
  let immediateInvoice: string | null = null;
  if (plan) {
    const state = ctx.engine.subscriptionState(id);
    const period: Period = plan.resetAnchor ? { start: at, end: addIntervals(at, plan.recurrence, 1) } : plan.period;
    for (const removed of plan.removed) ctx.store.delete(subscriptionItemsCollection, removed.id);
    const stored = plan.items.map((p) => {
      const base = p.existing ?? newItem(ctx, id, p.price, ctx.isMetered(p.price) ? undefined : p.quantity, p.metadata, period, at);
      const item: Stripe.SubscriptionItem = {
        ...base,
        tax_rates: p.tax_rates,
        id: p.id,
        price: p.price,
        plan: planFromPrice(p.price),
        metadata: p.metadata,
        current_period_start: period.start,
        current_period_end: period.end,
        ...(ctx.isMetered(p.price) ? {} : { quantity: p.quantity }),
      };
      if (ctx.isMetered(p.price)) delete item.quantity;
      return ctx.store.insert(subscriptionItemsCollection, item);
    });
    ctx.engine.setSubscriptionState({ ...state, item_order: stored.map((i) => i.id) });
    for (const ii of plan.prorations) createInvoiceItem(ctx, ii);
    if (plan.resetAnchor) next = { ...next, billing_cycle_anchor: at };
    const behavior = input.proration_behavior ?? 'create_prorations';
    if (plan.resetAnchor || behavior === 'always_invoice') {
      const lines = plan.resetAnchor
        ? stored.filter((i) => !ctx.isMetered(i.price)).map((i) => itemLine(ctx, next, i, i.price, i.quantity ?? 1, period))
        : [];
      const pending = ctx.engine.pendingInvoiceItems(customerId, id);
      if (lines.length > 0 || pending.length > 0) {
        ctx.save(next);
        const inv = buildInvoice(ctx, next, {
          lines,
          pendingItems: pending,
          billingReason: 'subscription_update',
          created: at,
          period: { start: at, end: at },
          autoAdvance: true,
          prorationDate: plan.prorationDate,
        });
        const storedInv = storeInvoice(ctx, next, { ...inv, automatically_finalizes_at: null }, pending);
        immediateInvoice = storedInv.id;
        next = { ...next, latest_invoice: storedInv.id };
      }
    }
  }
  if (endTrialNow) {
    next = { ...next, status: 'active' };
  } else if (trialEnd !== before.trial_end && trialEnd !== null && next.status === 'trialing') {
    // A new trial end moves the period end of the trial.
    for (const item of ctx.engine.subscriptionItems(id)) {
      ctx.store.insert(subscriptionItemsCollection, { ...item, current_period_end: trialEnd });
    }
    next = { ...next, billing_cycle_anchor: trialEnd };
  }
  ctx.save(next);
  if (endTrialNow) renewAt(ctx, id, at, 'subscription_update');
  if (immediateInvoice) {
    const inv = ctx.invoices.finalize(immediateInvoice);
    if (inv.status === 'open' && inv.collection_method === 'charge_automatically') {
      const pm = ctx.invoices.defaultPaymentMethod(inv);
      if (pm) ctx.invoices.chargeNow(inv.id, pm, input.off_session ?? true);
      const after = ctx.engine.invoice(inv.id);
      if (after.status === 'open' && (input.payment_behavior ?? 'allow_incomplete') === 'error_if_incomplete') {
        const state = ctx.engine.invoiceState(inv.id);
        const pi = state.payment_intent ? ctx.engine.ports.payments.retrievePaymentIntent(state.payment_intent) : undefined;
        if (pi) throw cardErrorFrom(pi);
      }
      if (after.status === 'open' && ctx.engine.subscription(id).status === 'active') setStatus(ctx, id, 'past_due', at);
    }
  }
  const final = ctx.engine.subscription(id);
  ctx.emitUpdated(before, final);
  scheduleCycleJobs(ctx, final);
  return ctx.engine.hydrateSubscription(final);
}
