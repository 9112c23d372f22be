// The scheduled jobs' handlers: period end (renew or cancel at period end), cancel_at, trial_will_end, invoice.upcoming.
import { subscriptionsCollection } from '../collections.js';
import type { SubscriptionContext } from './context.js';
import { cancelJobs } from './schedule.js';
import { renewAt } from './renewal.js';
import { cancelNow } from './cancel.js';
import { previewRenewal } from './preview.js';

export function sendTrialWillEnd(ctx: SubscriptionContext, id: string): void {
  const sub = ctx.store.get(subscriptionsCollection, id);
  if (!sub || sub.status !== 'trialing' || sub.trial_end === null) return;
  const state = ctx.engine.subscriptionState(id);
  if (state.trial_will_end_sent_for === sub.trial_end) return;
  ctx.engine.setSubscriptionState({ ...state, trial_will_end_sent_for: sub.trial_end });
  ctx.emit('customer.subscription.trial_will_end', sub);
}

export function sendUpcoming(ctx: SubscriptionContext, id: string): void {
  const sub = ctx.store.get(subscriptionsCollection, id);
  if (!sub || sub.status === 'canceled' || sub.cancel_at_period_end) return;
  const items = ctx.engine.subscriptionItems(id);
  const state = ctx.engine.subscriptionState(id);
  const end = items[0]?.current_period_end;
  if (end === undefined || state.upcoming_sent_for === end) return;
  ctx.engine.setSubscriptionState({ ...state, upcoming_sent_for: end });
  const preview = previewRenewal(ctx, sub, null);
  ctx.engine.ports.events.emit('invoice.upcoming', preview);
}

export function cancelAtScheduled(ctx: SubscriptionContext, id: string): void {
  const sub = ctx.store.get(subscriptionsCollection, id);
  if (!sub || sub.status === 'canceled' || sub.cancel_at === null) return;
  cancelNow(ctx, id, { reason: 'cancellation_requested', invoiceNow: true, prorate: true, at: sub.cancel_at });
}

/** The renewal at the end of the current period (also the end of a trial). */
export function runCycle(ctx: SubscriptionContext, id: string): void {
  const sub = ctx.store.get(subscriptionsCollection, id);
  if (!sub) return;
  if (sub.status === 'canceled' || sub.status === 'incomplete' || sub.status === 'incomplete_expired' || sub.status === 'paused') return;
  const items = ctx.engine.subscriptionItems(id);
  if (items.length === 0) return;
  const end = items[0].current_period_end;
  if (sub.cancel_at_period_end) {
    cancelNow(ctx, id, { reason: 'cancellation_requested', invoiceNow: true, prorate: false, at: end });
    return;
  }
  if (sub.status === 'trialing' && sub.trial_end !== null && sub.trial_end <= end) {
    const pm = sub.default_payment_method ?? ctx.customerDefaultPm(sub);
    const behavior = sub.trial_settings?.end_behavior.missing_payment_method ?? 'create_invoice';
    if (!pm && sub.collection_method === 'charge_automatically' && behavior === 'cancel') {
      cancelNow(ctx, id, { reason: 'cancellation_requested', invoiceNow: false, prorate: false, at: end });
      return;
    }
    if (!pm && sub.collection_method === 'charge_automatically' && behavior === 'pause') {
      const before = sub;
      const paused = ctx.save({ ...sub, status: 'paused' });
      cancelJobs(ctx, id);
      ctx.emitUpdated(before, paused);
      ctx.emit('customer.subscription.paused', paused);
      return;
    }
  }
  renewAt(ctx, id, end, 'subscription_cycle');
}
