// A minimal SubscriptionSchedule: what accepting a quote with a future `subscription_data.effective_date` creates
// (Stripe: "a subscription schedule is created if subscription_data[effective_date] is present and in the
// future"). One phase from the effective date for one billing interval, `end_behavior: release`:
//   not_started → (clock reaches start_date) active: the subscription is created by the subscription engine, as
//   POST /v1/subscriptions would create it, with `schedule` set → (phase end) released: the subscription carries
//   on by itself (`released_subscription`, its `schedule` cleared).
// Schedules cannot be created, updated or canceled through /v1/subscription_schedules (only retrieved and listed).
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { newId } from '../../core/ids.js';
import { defineCollection } from '../../core/store.js';
import type { Full } from '../../core/types.js';
import { diffAttributes } from '../../core/events.js';
import type { BillingEngine } from '../engine.js';
import type { CreateSubscriptionInput } from '../inputs.js';
import { addIntervals } from '../periods.js';
import { subscriptionsCollection } from '../collections.js';

export const subscriptionSchedulesCollection = defineCollection<Stripe.SubscriptionSchedule>('subscription_schedules');

/** What the schedule will create when it starts (the subscription create input, as JSON). */
interface SchedulePlan {
  /** The schedule id. */
  id: string;
  input: CreateSubscriptionInput;
}
const schedulePlansCollection = defineCollection<SchedulePlan>('_subscription_schedule_plans');

export const JOB_SCHEDULE_START = 'billing.subscription_schedule.start';
export const JOB_SCHEDULE_RELEASE = 'billing.subscription_schedule.release';

export function createSubscriptionSchedule(
  emu: Emulator,
  engine: BillingEngine,
  input: CreateSubscriptionInput,
  start: number,
  recurrence: { interval: 'day' | 'week' | 'month' | 'year'; interval_count: number },
): Stripe.SubscriptionSchedule {
  const customer = engine.ports.customers.customer(input.customer, 'customer');
  const at = engine.now(customer.id);
  const currency = input.currency ?? customer.currency ?? 'usd';
  const taxRates = engine.ports.catalog.taxRates(input.default_tax_rates, 'default_tax_rates');
  const id = newId('sub_sched');
  const testClock = engine.testClockOf(customer.id);
  const phase = {
    add_invoice_items: (input.add_invoice_items ?? []).map((a) => ({
      discountable: true,
      discounts: [],
      metadata: {},
      period: { end: { type: 'phase_end' }, start: { type: 'phase_start' } },
      price: a.price ?? '',
      quantity: a.quantity ?? 1,
      tax_rates: engine.ports.catalog.taxRates(a.tax_rates, 'tax_rates') ?? [],
    })),
    application_fee_percent: null,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: input.collection_method ?? 'charge_automatically',
    currency,
    default_payment_method: null,
    default_tax_rates: taxRates ?? [],
    description: input.description ?? null,
    discounts: (input.discounts ?? []).map((d) => ({ coupon: d.coupon ?? null, discount: d.discount ?? null, promotion_code: d.promotion_code ?? null })),
    end_date: addIntervals(start, recurrence, 1),
    invoice_settings: input.days_until_due !== undefined
      ? { account_tax_ids: null, custom_fields: null, days_until_due: input.days_until_due, description: null, footer: null, issuer: null }
      : null,
    items: input.items.map((i) => ({
      billing_thresholds: null,
      discounts: [],
      metadata: {},
      plan: i.price ?? '',
      price: i.price ?? '',
      quantity: i.quantity ?? 1,
      tax_rates: engine.ports.catalog.taxRates(i.tax_rates, 'tax_rates') ?? [],
    })),
    metadata: input.metadata ?? {},
    on_behalf_of: null,
    proration_behavior: 'create_prorations',
    start_date: start,
    transfer_data: null,
    trial_end: input.trial_period_days ? start + input.trial_period_days * 86_400 : null,
  } satisfies Full<Stripe.SubscriptionSchedule.Phase, 'automatic_tax' | 'trial'>;
  const schedule = {
    id,
    object: 'subscription_schedule',
    application: null,
    billing_mode: { flexible: null, type: 'classic' },
    canceled_at: null,
    completed_at: null,
    created: at,
    current_phase: null,
    customer: customer.id,
    customer_account: null,
    default_settings: {
      application_fee_percent: null,
      billing_cycle_anchor: 'automatic',
      billing_thresholds: null,
      collection_method: input.collection_method ?? 'charge_automatically',
      default_payment_method: null,
      description: null,
      invoice_settings: { account_tax_ids: null, custom_fields: null, days_until_due: input.days_until_due ?? null, description: null, footer: null, issuer: { type: 'self' } },
      on_behalf_of: null,
      transfer_data: null,
    },
    end_behavior: 'release',
    livemode: false,
    metadata: {},
    pause_schedules: [],
    phases: [phase],
    released_at: null,
    released_subscription: null,
    status: 'not_started',
    subscription: null,
    test_clock: testClock,
  } satisfies Full<Stripe.SubscriptionSchedule>;
  emu.store.insert(subscriptionSchedulesCollection, schedule);
  emu.store.insert(schedulePlansCollection, { id, input: { ...input, schedule: id } });
  emu.scheduler.schedule({ kind: JOB_SCHEDULE_START, at: start, testClock, key: `${id}:start`, payload: { schedule: id } });
  emu.events.emit('subscription_schedule.created', schedule);
  return schedule;
}

function update(emu: Emulator, id: string, patch: Partial<Stripe.SubscriptionSchedule>, type: 'subscription_schedule.updated' | 'subscription_schedule.released'): Stripe.SubscriptionSchedule {
  const before = emu.store.require(subscriptionSchedulesCollection, id, 'subscription schedule');
  const after = emu.store.insert(subscriptionSchedulesCollection, { ...before, ...patch });
  emu.events.emit(type, after, { previousAttributes: diffAttributes(before, after) });
  return after;
}

/** The start job: creates the subscription the schedule holds and schedules the release at the phase end. */
export function startSubscriptionSchedule(emu: Emulator, engine: BillingEngine, id: string): void {
  const schedule = emu.store.get(subscriptionSchedulesCollection, id);
  const plan = emu.store.get(schedulePlansCollection, id);
  if (!schedule || !plan || schedule.status !== 'not_started') return;
  const sub = engine.subscriptionOps().create(plan.input);
  const phase = schedule.phases[0];
  update(emu, id, { status: 'active', subscription: sub.id, current_phase: { start_date: phase.start_date, end_date: phase.end_date } }, 'subscription_schedule.updated');
  emu.scheduler.schedule({
    kind: JOB_SCHEDULE_RELEASE,
    at: phase.end_date,
    testClock: typeof schedule.test_clock === 'string' ? schedule.test_clock : (schedule.test_clock?.id ?? null),
    key: `${id}:release`,
    payload: { schedule: id },
  });
}

/** The release job (end_behavior `release`): the subscription continues without the schedule. */
export function releaseSubscriptionSchedule(emu: Emulator, engine: BillingEngine, id: string): void {
  const schedule = emu.store.get(subscriptionSchedulesCollection, id);
  if (!schedule || schedule.status !== 'active') return;
  const subId = typeof schedule.subscription === 'string' ? schedule.subscription : (schedule.subscription?.id ?? null);
  const at = engine.now(typeof schedule.customer === 'string' ? schedule.customer : schedule.customer.id);
  update(emu, id, { status: 'released', released_at: at, released_subscription: subId, subscription: null, current_phase: null }, 'subscription_schedule.released');
  if (subId && emu.store.has(subscriptionsCollection, subId)) {
    const before = engine.subscription(subId);
    const after = emu.store.insert(subscriptionsCollection, { ...before, schedule: null });
    emu.events.emit('customer.subscription.updated', engine.hydrateSubscription(after), {
      previousAttributes: diffAttributes(engine.hydrateSubscription(before), engine.hydrateSubscription(after)),
    });
  }
}
