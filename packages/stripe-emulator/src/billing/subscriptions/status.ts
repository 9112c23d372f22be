// Status changes driven from outside: invoice paid or failed, a SetupIntent for a pending trial, incomplete expiry.
import type Stripe from 'stripe';
import { invoicesCollection, subscriptionsCollection } from '../collections.js';
import type { SubscriptionContext } from './context.js';
import { cancelJobs } from './schedule.js';

export function setStatus(ctx: SubscriptionContext, id: string, status: Stripe.Subscription.Status, at: number): void {
  const before = ctx.engine.subscription(id);
  if (before.status === status) return;
  const after = ctx.save({
    ...before,
    status,
    ...(status === 'canceled' || status === 'incomplete_expired' ? { ended_at: at } : {}),
  });
  ctx.emitUpdated(before, after);
}

/** The subscription's pending SetupIntent succeeded: its card becomes the default, the intent is cleared. */
export function onSetupIntentSucceeded(ctx: SubscriptionContext, si: Stripe.SetupIntent): void {
  const sub = ctx.store.all(subscriptionsCollection).find((s) => s.pending_setup_intent === si.id);
  if (!sub) return;
  const pm = si.payment_method === null ? null : typeof si.payment_method === 'string' ? si.payment_method : si.payment_method.id;
  const after = ctx.save({
    ...sub,
    pending_setup_intent: null,
    default_payment_method:
      pm && sub.payment_settings?.save_default_payment_method === 'on_subscription' ? pm : sub.default_payment_method,
  });
  ctx.emitUpdated(sub, after);
}

/** After an invoice of the subscription is paid: recover from incomplete / past_due / unpaid. */
export function afterInvoicePaid(ctx: SubscriptionContext, id: string, inv: Stripe.Invoice, pi: Stripe.PaymentIntent | null, at: number): void {
  const before = ctx.engine.subscription(id);
  let next: Stripe.Subscription = before;
  if (before.status === 'incomplete' || before.status === 'past_due' || before.status === 'unpaid') {
    const otherOpen = ctx.store
      .all(invoicesCollection)
      .some((i) => i.id !== inv.id && i.status === 'open' && ctx.engine.subscriptionOfInvoice(i) === id && i.amount_remaining > 0);
    if (!otherOpen) {
      next = { ...next, status: before.trial_end !== null && before.trial_end > at ? 'trialing' : 'active' };
      ctx.engine.ports.scheduler.cancel(`${id}:expire`);
    }
  }
  if (pi && before.payment_settings?.save_default_payment_method === 'on_subscription' && pi.payment_method) {
    next = { ...next, default_payment_method: typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method.id };
  }
  if (next !== before) {
    ctx.save(next);
    ctx.emitUpdated(before, next);
  }
}

export function expireIncomplete(ctx: SubscriptionContext, id: string): void {
  const sub = ctx.store.get(subscriptionsCollection, id);
  if (!sub || sub.status !== 'incomplete') return;
  const at = ctx.engine.now(ctx.engine.customerIdOf(sub));
  const latest = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : (sub.latest_invoice?.id ?? null);
  if (latest) {
    const inv = ctx.store.get(invoicesCollection, latest);
    if (inv && inv.status === 'open') ctx.invoices.void(inv.id);
  }
  cancelJobs(ctx, id);
  setStatus(ctx, id, 'incomplete_expired', at);
}
