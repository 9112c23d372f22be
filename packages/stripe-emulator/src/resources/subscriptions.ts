// Subscriptions: /v1/subscriptions create, retrieve, update, cancel (DELETE), resume, list; the discount delete.
// The behaviour lives in ../billing/subscription-ops.ts; this module declares the accepted params.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { subscriptionsCollection } from '../billing/collections.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { invalidRequest } from '../http/errors.js';

const PAYMENT_BEHAVIORS = ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'] as const;
const PRORATION_BEHAVIORS = ['create_prorations', 'always_invoice', 'none'] as const;
const STATUSES = ['active', 'all', 'canceled', 'ended', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'] as const;
const FEEDBACK = ['customer_service', 'low_quality', 'missing_features', 'other', 'switched_service', 'too_complex', 'too_expensive', 'unused'] as const;

export const discountParams = p.array(
  p.object({ coupon: p.string(), promotion_code: p.string(), discount: p.string() }),
);

const addInvoiceItemParams = p.array(
  p.object({
    price: p.string(),
    quantity: p.integer({ min: 1 }),
    price_data: p.object({
      currency: p.required(p.string()),
      product: p.required(p.string()),
      unit_amount: p.required(p.integer({ min: 0 })),
      tax_behavior: p.unsupported(),
      unit_amount_decimal: p.unsupported(),
    }),
    discounts: p.unsupported(),
    metadata: p.unsupported(),
    period: p.unsupported(),
    tax_rates: p.unsupported(),
  }),
);

/**
 * `items` of subscription create/update, which is also `subscription_details[items]` of an invoice preview
 * (Stripe previews exactly the update those items would make).
 */
export const subscriptionItemsParams = p.array(
  p.object({
    id: p.string(),
    price: p.string(),
    quantity: p.integer({ min: 0 }),
    deleted: p.boolean(),
    clear_usage: p.boolean(),
    metadata: p.metadata(),
    discounts: p.unsupported(),
    price_data: p.unsupported(),
    plan: p.unsupported(),
    tax_rates: p.emptyable(p.array(p.string())),
    billing_thresholds: p.unsupported(),
  }),
);

const paymentSettingsParams = p.object({
  save_default_payment_method: p.enumOf(['on_subscription', 'off'] as const),
  payment_method_types: p.unsupported(),
  payment_method_options: p.unsupported(),
});

/** `billing_cycle_anchor[type]=now|unchanged` (an object in this API version). */
const anchorTypeParams = p.object({ type: p.required(p.enumOf(['now', 'unchanged'] as const)) });

const cancellationDetailsParams = p.object({ comment: p.emptyable(p.string()), feedback: p.emptyable(p.enumOf(FEEDBACK)) });

const createShape = {
  customer: p.required(p.string()),
  items: p.required(subscriptionItemsParams),
  currency: p.string(),
  payment_behavior: p.enumOf(PAYMENT_BEHAVIORS),
  collection_method: p.enumOf(['charge_automatically', 'send_invoice'] as const),
  days_until_due: p.integer({ min: 0, max: 730 }),
  default_payment_method: p.string(),
  description: p.string({ maxLength: 500 }),
  metadata: p.metadata(),
  trial_period_days: p.integer({ min: 0, max: 730 }),
  trial_end: p.timestampOrNow(),
  trial_from_plan: p.boolean(),
  trial_settings: p.object({
    end_behavior: p.required(p.object({ missing_payment_method: p.required(p.enumOf(['cancel', 'create_invoice', 'pause'] as const)) })),
  }),
  discounts: p.emptyable(discountParams),
  cancel_at_period_end: p.boolean(),
  cancel_at: p.timestamp(),
  billing_cycle_anchor: p.timestamp(),
  proration_behavior: p.enumOf(PRORATION_BEHAVIORS),
  add_invoice_items: addInvoiceItemParams,
  off_session: p.boolean(),
  payment_settings: paymentSettingsParams,
  invoice_settings: p.unsupported(),
  automatic_tax: p.object({ enabled: p.required(p.boolean()) }),
  default_tax_rates: p.emptyable(p.array(p.string())),
  backdate_start_date: p.unsupported(),
  billing_cycle_anchor_config: p.unsupported(),
  billing_mode: p.unsupported(),
  on_behalf_of: p.unsupported(),
  transfer_data: p.unsupported(),
  application_fee_percent: p.unsupported(),
  pending_invoice_item_interval: p.unsupported(),
  billing_schedules: p.unsupported(),
  billing_thresholds: p.unsupported(),
  customer_account: p.unsupported(),
  default_source: p.unsupported(),
} as const;

const updateShape = {
  items: subscriptionItemsParams,
  proration_behavior: p.enumOf(PRORATION_BEHAVIORS),
  proration_date: p.timestamp(),
  payment_behavior: p.enumOf(PAYMENT_BEHAVIORS),
  cancel_at_period_end: p.boolean(),
  cancel_at: p.emptyable(p.timestamp()),
  cancellation_details: cancellationDetailsParams,
  collection_method: p.enumOf(['charge_automatically', 'send_invoice'] as const),
  days_until_due: p.integer({ min: 0, max: 730 }),
  default_payment_method: p.emptyable(p.string()),
  description: p.emptyable(p.string({ maxLength: 500 })),
  metadata: p.metadata(),
  discounts: p.emptyable(discountParams),
  trial_end: p.timestampOrNow(),
  trial_from_plan: p.unsupported(),
  billing_cycle_anchor: anchorTypeParams,
  add_invoice_items: addInvoiceItemParams,
  off_session: p.boolean(),
  payment_settings: paymentSettingsParams,
  automatic_tax: p.object({ enabled: p.required(p.boolean()) }),
  pause_collection: p.unsupported(),
  invoice_settings: p.unsupported(),
  default_tax_rates: p.emptyable(p.array(p.string())),
  trial_settings: p.unsupported(),
  on_behalf_of: p.unsupported(),
  transfer_data: p.unsupported(),
  application_fee_percent: p.unsupported(),
  billing_schedules: p.unsupported(),
  billing_thresholds: p.unsupported(),
  default_source: p.unsupported(),
  pending_invoice_item_interval: p.unsupported(),
} as const;

function refuseAutomaticTax(flag: { enabled: boolean } | undefined): void {
  if (flag?.enabled) {
    throw invalidRequest('The Stripe emulator does not calculate tax: automatic_tax[enabled] must be false.', {
      param: 'automatic_tax[enabled]',
    });
  }
}

export function registerSubscriptions(emu: Emulator): void {
  const engine = billingOf(emu);
  const ops = () => engine.subscriptionOps();
  const { router } = emu;

  // Test control: the dunning policy (Stripe's "Manage failed payments" settings) and timing knobs.
  const settings = () => ({
    retry_days: engine.options.dunning.retryDaysAfterPrevious,
    subscription_end_state: engine.options.dunning.subscriptionEndState,
    invoice_end_state: engine.options.dunning.invoiceEndState,
    upcoming_days: engine.options.upcomingDays,
    finalize_delay_seconds: engine.options.finalizeDelaySeconds,
  });
  router.control('GET', '/_emulator/billing/settings', settings);
  router.control('POST', '/_emulator/billing/settings', ({ body }) => {
    const { retry_days: retry, subscription_end_state: subEnd, invoice_end_state: invEnd, upcoming_days: upcoming, finalize_delay_seconds: delay } = body;
    const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
    if (retry !== undefined && !(Array.isArray(retry) && retry.length <= 8 && retry.every((d) => isCount(d, 60) && d > 0))) {
      throw invalidRequest('retry_days must be a list of at most 8 whole days between 1 and 60.', { param: 'retry_days' });
    }
    const subStates = ['canceled', 'unpaid', 'past_due'] as const;
    const invStates = ['open', 'uncollectible'] as const;
    const subState = subStates.find((x) => x === subEnd);
    const invState = invStates.find((x) => x === invEnd);
    if (subEnd !== undefined && !subState) throw invalidRequest('subscription_end_state must be canceled, unpaid or past_due.', { param: 'subscription_end_state' });
    if (invEnd !== undefined && !invState) throw invalidRequest('invoice_end_state must be open or uncollectible.', { param: 'invoice_end_state' });
    if (upcoming !== undefined && !isCount(upcoming, 60)) throw invalidRequest('upcoming_days must be a whole number of days (0-60).', { param: 'upcoming_days' });
    if (delay !== undefined && !isCount(delay, 72 * 3600)) throw invalidRequest('finalize_delay_seconds must be 0-259200.', { param: 'finalize_delay_seconds' });
    const current = engine.options;
    engine.options = {
      ...current,
      dunning: {
        retryDaysAfterPrevious: Array.isArray(retry) ? retry.filter((d): d is number => typeof d === 'number') : current.dunning.retryDaysAfterPrevious,
        subscriptionEndState: subState ?? current.dunning.subscriptionEndState,
        invoiceEndState: invState ?? current.dunning.invoiceEndState,
      },
      upcomingDays: isCount(upcoming, 60) ? upcoming : current.upcomingDays,
      finalizeDelaySeconds: isCount(delay, 72 * 3600) ? delay : current.finalizeDelaySeconds,
    };
    return settings();
  });

  router.api('POST', '/v1/subscriptions', createShape, ({ params }) => {
    refuseAutomaticTax(params.automatic_tax);
    return ops().create({ ...params, discounts: params.discounts ?? undefined });
  });

  router.api('GET', '/v1/subscriptions/:id', {}, ({ path }) => engine.hydrateSubscription(engine.subscription(path.id, 'id')));

  router.api('POST', '/v1/subscriptions/:id', updateShape, ({ params, path }) => {
    refuseAutomaticTax(params.automatic_tax);
    const sub = engine.subscription(path.id, 'id');
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      const allowed = new Set(['metadata', 'cancellation_details']);
      const other = Object.keys(params).find((k) => !allowed.has(k));
      if (other) {
        throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
          code: 'invalid_canceled_subscription_fields',
          param: other,
        });
      }
    }
    return ops().update(path.id, { ...params, billing_cycle_anchor: params.billing_cycle_anchor?.type });
  });

  router.api(
    'DELETE',
    '/v1/subscriptions/:id',
    { invoice_now: p.boolean(), prorate: p.boolean(), cancellation_details: cancellationDetailsParams },
    ({ params, path }) =>
      ops().cancelNow(engine.subscription(path.id, 'id').id, {
        reason: 'cancellation_requested',
        invoiceNow: params.invoice_now ?? false,
        prorate: params.prorate ?? false,
        comment: params.cancellation_details?.comment,
        feedback: params.cancellation_details?.feedback,
      }),
  );

  router.api(
    'POST',
    '/v1/subscriptions/:id/resume',
    { billing_cycle_anchor: anchorTypeParams, proration_behavior: p.enumOf(PRORATION_BEHAVIORS), proration_date: p.timestamp() },
    ({ path }) => ops().resume(engine.subscription(path.id, 'id').id),
  );

  router.api('DELETE', '/v1/subscriptions/:id/discount', {}, ({ path }) => {
    const sub = engine.subscription(path.id, 'id');
    if (sub.discounts.length === 0) {
      throw invalidRequest(`This subscription has no discount to delete.`, { code: 'resource_missing' });
    }
    const first = sub.discounts[0];
    const id = typeof first === 'string' ? first : first.id;
    ops().update(sub.id, { discounts: sub.discounts.slice(1).map((d) => ({ discount: typeof d === 'string' ? d : d.id })) });
    const deleted: Stripe.DeletedDiscount = {
      id,
      object: 'discount',
      checkout_session: null,
      customer: engine.customerIdOf(sub),
      customer_account: null,
      deleted: true,
      invoice: null,
      invoice_item: null,
      promotion_code: null,
      source: { coupon: null, type: 'coupon' },
      start: sub.created,
      subscription: sub.id,
      subscription_item: null,
    };
    return deleted;
  });

  router.api(
    'GET',
    '/v1/subscriptions',
    {
      ...listParams,
      customer: p.string(),
      status: p.enumOf(STATUSES),
      price: p.string(),
      collection_method: p.enumOf(['charge_automatically', 'send_invoice'] as const),
      created: p.range(),
      current_period_end: p.range(),
      current_period_start: p.range(),
      test_clock: p.string(),
      plan: p.string(),
      automatic_tax: p.unsupported(),
      customer_account: p.unsupported(),
    },
    ({ params, urlPath }) => {
      const status = params.status;
      const items = emu.store.newestFirst(subscriptionsCollection, (s) => {
        if (params.customer && engine.customerIdOf(s) !== params.customer) return false;
        if (status === undefined) {
          if (s.status === 'canceled' || s.status === 'incomplete_expired') return false;
        } else if (status === 'ended') {
          if (s.status !== 'canceled' && s.status !== 'incomplete_expired') return false;
        } else if (status !== 'all' && s.status !== status) return false;
        if (params.collection_method && s.collection_method !== params.collection_method) return false;
        if (!matchesRange(s.created, params.created)) return false;
        if (params.test_clock && s.test_clock !== params.test_clock) return false;
        const its = engine.subscriptionItems(s.id);
        const priceFilter = params.price ?? params.plan;
        if (priceFilter && !its.some((i) => i.price.id === priceFilter)) return false;
        if (params.current_period_end !== undefined && !its.some((i) => matchesRange(i.current_period_end, params.current_period_end))) return false;
        if (params.current_period_start !== undefined && !its.some((i) => matchesRange(i.current_period_start, params.current_period_start))) return false;
        return true;
      });
      const page = paginate(items, params, urlPath);
      return { ...page, data: page.data.map((s) => engine.hydrateSubscription(s)) };
    },
  );
}
