// Cancelling now (final invoice, prorations) and resuming.
import type Stripe from 'stripe';
import { invalidRequest } from '../../http/errors.js';
import { prorationLines } from '../proration.js';
import { feedbackOf } from './helpers.js';
import type { SubscriptionContext } from './context.js';
import { buildInvoice, createInvoiceItem, newInvoiceItem, storeInvoice, usageLine } from './lines.js';
import { cancelJobs } from './schedule.js';
import { renewAt } from './renewal.js';

export function cancelNow(
  ctx: SubscriptionContext,
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
  const before = ctx.engine.subscription(id);
  if (before.status === 'canceled' || before.status === 'incomplete_expired') {
    throw invalidRequest(`This subscription is already canceled.`, { code: 'resource_missing' });
  }
  const customerId = ctx.engine.customerIdOf(before);
  const at = opts.at ?? ctx.engine.now(customerId);
  const items = ctx.engine.subscriptionItems(id);
  if (opts.prorate && before.status !== 'trialing' && items.length > 0) {
    const period = { start: items[0].current_period_start, end: items[0].current_period_end };
    if (at > period.start && at < period.end) {
      for (const item of items) {
        if (ctx.isMetered(item.price)) continue;
        const snap = {
          unitAmount: ctx.engine.unitAmount(item.price, before.currency, 'price').amount,
          quantity: ctx.engine.billedQuantity(item.price, item.quantity ?? 1),
          label: ctx.engine.productName(item.price),
        };
        for (const line of prorationLines(snap, null, period, at)) {
          createInvoiceItem(ctx, 
            newInvoiceItem(ctx, {
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
              testClock: ctx.clockOf(before),
              unitAmountDecimal: String(line.unitAmount),
              taxRates: item.tax_rates,
            }),
          );
        }
      }
    }
  }
  const after = ctx.save({
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
  cancelJobs(ctx, id);
  if (opts.invoiceNow) finalInvoice(ctx, after, at);
  ctx.emit('customer.subscription.deleted', ctx.engine.subscription(id));
  return ctx.engine.hydrateSubscription(ctx.engine.subscription(id));
}

/** The last invoice of a subscription that ends: metered usage so far plus pending items. */
export function finalInvoice(ctx: SubscriptionContext, sub: Stripe.Subscription, at: number): void {
  const customerId = ctx.engine.customerIdOf(sub);
  const items = ctx.engine.subscriptionItems(sub.id);
  const lines = items
    .filter((i) => ctx.isMetered(i.price))
    .map((i) => usageLine(ctx, sub, i, { start: i.current_period_start, end: Math.min(at, i.current_period_end) }));
  const pending = ctx.engine.pendingInvoiceItems(customerId, sub.id);
  if (lines.length === 0 && pending.length === 0) return;
  const inv = buildInvoice(ctx, sub, {
    lines,
    pendingItems: pending,
    billingReason: 'subscription_cycle',
    created: at,
    period: { start: items[0]?.current_period_start ?? at, end: at },
    autoAdvance: true,
  });
  const stored = storeInvoice(ctx, sub, inv, pending);
  ctx.save({ ...ctx.engine.subscription(sub.id), latest_invoice: stored.id });
}

/** `POST /v1/subscriptions/:id/resume` for a paused subscription. */
export function resumeSubscription(ctx: SubscriptionContext, id: string): Stripe.Subscription {
  const before = ctx.engine.subscription(id);
  if (before.status !== 'paused') {
    throw invalidRequest('Only a paused subscription can be resumed.', { code: 'subscription_not_paused' });
  }
  const at = ctx.engine.now(ctx.engine.customerIdOf(before));
  const after = ctx.save({ ...before, status: 'active', billing_cycle_anchor: at });
  ctx.emit('customer.subscription.resumed', after);
  renewAt(ctx, id, at, 'subscription_update');
  const final = ctx.engine.subscription(id);
  ctx.emitUpdated(before, final);
  return ctx.engine.hydrateSubscription(final);
}
