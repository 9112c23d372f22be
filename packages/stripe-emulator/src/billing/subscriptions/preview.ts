// create_preview: the next renewal invoice or the immediate update invoice, without storing anything.
import type Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import { type LineInput } from '../invoice-builder.js';
import { addIntervals, nextBoundaryAfter } from '../periods.js';
import type { PlannedChange } from './types.js';
import type { SubscriptionContext } from './context.js';
import { buildInvoice, itemLine, usageLine } from './lines.js';

/**
 * The invoice the next renewal will produce (for `invoice.upcoming` and `create_preview`), optionally after a
 * planned change: pending items, the planned prorations, the next period's licensed lines and this period's
 * metered usage. Nothing is written.
 */
export function previewRenewal(ctx: SubscriptionContext, sub: Stripe.Subscription, plan: PlannedChange | null): Stripe.Invoice {
  const customerId = ctx.engine.customerIdOf(sub);
  const current = ctx.engine.subscriptionItems(sub.id);
  const period = plan?.period ?? { start: current[0].current_period_start, end: current[0].current_period_end };
  const r = plan?.recurrence ?? ctx.engine.recurrenceOf(current[0].price);
  const nextPeriod = { start: period.end, end: nextBoundaryAfter(sub.billing_cycle_anchor, r, period.end) };
  const items = plan?.items ?? current.map((i) => ({ id: i.id, existing: i, price: i.price, quantity: i.quantity ?? 0, metadata: i.metadata, tax_rates: i.tax_rates }));
  const lines: LineInput[] = [];
  for (const item of items) {
    if (ctx.isMetered(item.price)) {
      const existing = item.existing ?? current[0];
      const fakeItem: Stripe.SubscriptionItem = { ...existing, id: item.id, price: item.price };
      if (sub.status !== 'trialing') lines.push(usageLine(ctx, sub, fakeItem, period));
    } else {
      lines.push(itemLine(ctx, sub, item, item.price, item.quantity, nextPeriod));
    }
  }
  const pending = [...ctx.engine.pendingInvoiceItems(customerId, sub.id), ...(plan?.prorations ?? [])];
  const inv = buildInvoice(ctx, sub, {
    lines,
    pendingItems: pending,
    billingReason: 'upcoming',
    created: period.end,
    period,
    autoAdvance: true,
    id: `upcoming_${newId('in')}`,
    prorationDate: plan?.prorationDate,
  });
  return { ...inv, created: ctx.engine.now(customerId) };
}

/** A preview of the invoice an update would create right away (always_invoice or a billing cycle reset). */
export function previewImmediate(ctx: SubscriptionContext, sub: Stripe.Subscription, plan: PlannedChange, at: number): Stripe.Invoice {
  const customerId = ctx.engine.customerIdOf(sub);
  const period = plan.resetAnchor ? { start: at, end: addIntervals(at, plan.recurrence, 1) } : plan.period;
  const lines = plan.resetAnchor
    ? plan.items.filter((i) => !ctx.isMetered(i.price)).map((i) => itemLine(ctx, sub, i, i.price, i.quantity, period))
    : [];
  const pending = [...ctx.engine.pendingInvoiceItems(customerId, sub.id), ...plan.prorations];
  return buildInvoice(ctx, sub, {
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
