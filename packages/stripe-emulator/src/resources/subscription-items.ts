// Subscription items: /v1/subscription_items create, retrieve, update, delete, list. Every change goes through
// the subscription update path, so prorations behave exactly as `POST /v1/subscriptions/:id` with `items`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { subscriptionItemsCollection } from '../billing/collections.js';
import { paginate } from '../http/list.js';
import { listParams, p } from '../http/params.js';
import { resourceMissing } from '../http/errors.js';

const PRORATION_BEHAVIORS = ['create_prorations', 'always_invoice', 'none'] as const;
const PAYMENT_BEHAVIORS = ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'] as const;

const changeShape = {
  price: p.string(),
  quantity: p.integer({ min: 0 }),
  metadata: p.metadata(),
  proration_behavior: p.enumOf(PRORATION_BEHAVIORS),
  proration_date: p.timestamp(),
  payment_behavior: p.enumOf(PAYMENT_BEHAVIORS),
  current_trial: p.unsupported(),
  discounts: p.unsupported(),
  price_data: p.unsupported(),
  plan: p.unsupported(),
  tax_rates: p.unsupported(),
  billing_thresholds: p.unsupported(),
} as const;

export function registerSubscriptionItems(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  const item = (id: string): Stripe.SubscriptionItem => {
    const found = store.get(subscriptionItemsCollection, id);
    if (!found) throw resourceMissing('subscription_item', id, 'id');
    return found;
  };

  router.api('POST', '/v1/subscription_items', { ...changeShape, subscription: p.required(p.string()) }, ({ params }) => {
    const sub = engine.subscription(params.subscription, 'subscription');
    const before = new Set(engine.subscriptionItems(sub.id).map((i) => i.id));
    engine.subscriptionOps().update(sub.id, {
      items: [{ price: params.price, quantity: params.quantity, metadata: params.metadata }],
      proration_behavior: params.proration_behavior,
      proration_date: params.proration_date,
      payment_behavior: params.payment_behavior,
    });
    const added = engine.subscriptionItems(sub.id).find((i) => !before.has(i.id));
    if (!added) throw new Error('subscription item was not added');
    return added;
  });

  router.api('GET', '/v1/subscription_items/:id', {}, ({ path }) => item(path.id));

  router.api('POST', '/v1/subscription_items/:id', { ...changeShape, off_session: p.boolean() }, ({ params, path }) => {
    const current = item(path.id);
    engine.subscriptionOps().update(current.subscription, {
      items: [{ id: current.id, price: params.price, quantity: params.quantity, metadata: params.metadata }],
      proration_behavior: params.proration_behavior,
      proration_date: params.proration_date,
      payment_behavior: params.payment_behavior,
      off_session: params.off_session,
    });
    return item(path.id);
  });

  router.api(
    'DELETE',
    '/v1/subscription_items/:id',
    { proration_behavior: p.enumOf(PRORATION_BEHAVIORS), proration_date: p.timestamp(), clear_usage: p.boolean() },
    ({ params, path }) => {
      const current = item(path.id);
      engine.subscriptionOps().update(current.subscription, {
        items: [{ id: current.id, deleted: true }],
        proration_behavior: params.proration_behavior,
        proration_date: params.proration_date,
      });
      const deleted: Stripe.DeletedSubscriptionItem = { id: current.id, object: 'subscription_item', deleted: true };
      return deleted;
    },
  );

  router.api('GET', '/v1/subscription_items', { ...listParams, subscription: p.required(p.string()) }, ({ params, urlPath }) => {
    engine.subscription(params.subscription, 'subscription');
    const items = [...engine.subscriptionItems(params.subscription)].reverse();
    return paginate(items, params, urlPath);
  });
}
