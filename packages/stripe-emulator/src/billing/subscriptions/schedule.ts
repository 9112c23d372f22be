// The time-driven jobs of a subscription (renewal, upcoming notice, trial end, cancel_at, incomplete expiry): scheduling and cancelling them.
import type Stripe from 'stripe';
import { DAY } from './helpers.js';
import type { SubscriptionContext } from './context.js';

export const JOB_CYCLE = 'billing.subscription.cycle';
export const JOB_UPCOMING = 'billing.subscription.upcoming';
export const JOB_TRIAL_WILL_END = 'billing.subscription.trial_will_end';
export const JOB_CANCEL_AT = 'billing.subscription.cancel_at';
export const JOB_EXPIRE_INCOMPLETE = 'billing.subscription.expire_incomplete';

export function cancelJobs(ctx: SubscriptionContext, id: string): void {
  for (const key of ['cycle', 'upcoming', 'trial_will_end', 'cancel_at', 'expire']) {
    ctx.engine.ports.scheduler.cancel(`${id}:${key}`);
  }
}

/** (Re)schedules the renewal, invoice.upcoming, trial_will_end and cancel_at jobs from the current state. */
export function scheduleCycleJobs(ctx: SubscriptionContext, sub: Stripe.Subscription): void {
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired' || sub.status === 'paused') return;
  const items = ctx.engine.subscriptionItems(sub.id);
  if (items.length === 0) return;
  const scheduler = ctx.engine.ports.scheduler;
  const testClock = ctx.clockOf(sub);
  const at = ctx.engine.now(ctx.engine.customerIdOf(sub));
  const end = items[0].current_period_end;
  const payload = { subscription: sub.id };
  scheduler.schedule({ kind: JOB_CYCLE, at: end, testClock, key: `${sub.id}:cycle`, payload });
  const upcomingAt = end - ctx.engine.options.upcomingDays * DAY;
  const state = ctx.engine.subscriptionState(sub.id);
  const periodLength = end - items[0].current_period_start;
  if (periodLength > ctx.engine.options.upcomingDays * DAY && upcomingAt > at && state.upcoming_sent_for !== end && !sub.cancel_at_period_end) {
    scheduler.schedule({ kind: JOB_UPCOMING, at: upcomingAt, testClock, key: `${sub.id}:upcoming`, payload });
  } else {
    scheduler.cancel(`${sub.id}:upcoming`);
  }
  if (sub.status === 'trialing' && sub.trial_end !== null && state.trial_will_end_sent_for !== sub.trial_end) {
    scheduler.schedule({
      kind: JOB_TRIAL_WILL_END,
      at: Math.max(at, sub.trial_end - ctx.engine.options.trialWillEndDays * DAY),
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
