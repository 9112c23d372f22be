// Renewing a subscription: the next period's invoice (licensed lines in advance, metered usage in arrears, pending items).
import type Stripe from 'stripe';
import { subscriptionItemsCollection } from '../collections.js';
import { type LineInput } from '../invoice-builder.js';
import { addIntervals, nextBoundaryAfter } from '../periods.js';
import type { SubscriptionContext } from './context.js';
import { buildInvoice, itemLine, storeInvoice, usageLine } from './lines.js';
import { scheduleCycleJobs } from './schedule.js';

/**
 * Starts a new period at `at`: licensed items billed in advance for the new period, metered items billed in
 * arrears for the period that ended, pending invoice items included; the draft finalizes about an hour later.
 */
export function renewAt(ctx: SubscriptionContext, id: string, at: number, reason: 'subscription_cycle' | 'subscription_update'): void {
  const before = ctx.engine.subscription(id);
  const items = ctx.engine.subscriptionItems(id);
  const r = ctx.engine.recurrenceOf(items[0].price);
  const anchor = reason === 'subscription_update' ? at : before.billing_cycle_anchor;
  const newEnd = reason === 'subscription_update' ? addIntervals(at, r, 1) : nextBoundaryAfter(anchor, r, at);
  const newPeriod = { start: at, end: newEnd };
  const wasTrialing = before.status === 'trialing';
  const lines: LineInput[] = [];
  for (const item of items) {
    const old = { start: item.current_period_start, end: Math.min(item.current_period_end, at) };
    if (ctx.isMetered(item.price)) {
      if (!wasTrialing && old.end > old.start) lines.push(usageLine(ctx, before, item, old));
    } else {
      lines.push(itemLine(ctx, before, item, item.price, item.quantity ?? 1, newPeriod));
    }
  }
  for (const item of items) {
    ctx.store.insert(subscriptionItemsCollection, { ...item, current_period_start: newPeriod.start, current_period_end: newPeriod.end });
  }
  const status: Stripe.Subscription.Status = wasTrialing ? 'active' : before.status;
  let next = ctx.save({
    ...before,
    status,
    billing_cycle_anchor: reason === 'subscription_update' ? at : before.billing_cycle_anchor,
  });
  const customerId = ctx.engine.customerIdOf(next);
  const pending = ctx.engine.pendingInvoiceItems(customerId, id);
  // Drop discounts whose time is over before pricing the new period.
  const inv = buildInvoice(ctx, next, {
    lines,
    pendingItems: pending,
    billingReason: reason === 'subscription_update' ? 'subscription_update' : 'subscription_cycle',
    created: at,
    period: { start: items[0].current_period_start, end: at },
    autoAdvance: next.status !== 'unpaid',
  });
  const stored = storeInvoice(ctx, next, inv, pending);
  next = ctx.save({ ...ctx.engine.subscription(id), latest_invoice: stored.id });
  ctx.emitUpdated(before, next);
  scheduleCycleJobs(ctx, next);
}
