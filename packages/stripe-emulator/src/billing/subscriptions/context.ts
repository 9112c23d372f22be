// The one thing every subscription module takes: the billing core, the invoice operations, and the few helpers
// they all use (events with the create-fold, saving, price and payment-method lookups). Holds no other state.
import type Stripe from 'stripe';
import { diffAttributes } from '../../core/events.js';
import { StripeError, invalidRequest } from '../../http/errors.js';
import type { BillingCore } from '../engine-core.js';
import type { InvoiceOps } from '../invoice-ops.js';
import { subscriptionsCollection } from '../collections.js';
import type { Recurrence } from '../periods.js';

export class SubscriptionContext {
  /** Subscriptions being created in this request: status changes are folded into the `created` event. */
  readonly creating = new Set<string>();

  constructor(
    readonly engine: BillingCore,
    readonly invoices: InvoiceOps,
  ) {}

  get store() {
    return this.engine.store;
  }

  emit(
    type: 'customer.subscription.created' | 'customer.subscription.deleted' | 'customer.subscription.trial_will_end' | 'customer.subscription.paused' | 'customer.subscription.resumed',
    sub: Stripe.Subscription,
  ): void {
    this.engine.ports.events.emit(type, this.engine.hydrateSubscription(sub));
  }

  emitUpdated(before: Stripe.Subscription, after: Stripe.Subscription): void {
    if (this.creating.has(after.id)) return;
    const b = this.engine.hydrateSubscription(before);
    const a = this.engine.hydrateSubscription(after);
    // diffAttributes compares JSON forms and events.emit snapshots the event, so no copies are needed here.
    const previous = diffAttributes(b, a);
    if (Object.keys(previous).length === 0) return;
    this.engine.ports.events.emit('customer.subscription.updated', a, { previousAttributes: previous });
  }

  clockOf(sub: Stripe.Subscription): string | null {
    return sub.test_clock === null ? null : typeof sub.test_clock === 'string' ? sub.test_clock : sub.test_clock.id;
  }

  save(sub: Stripe.Subscription): Stripe.Subscription {
    return this.store.insert(subscriptionsCollection, { ...sub, items: { ...sub.items, data: [] } });
  }

  resolvePrice(id: string, param: string): Stripe.Price {
    const price = this.engine.ports.catalog.price(id, param);
    if (!price.active) throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, { param });
    if (price.type !== 'recurring' || !price.recurring) {
      throw invalidRequest(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        { param },
      );
    }
    return price;
  }

  isMetered(price: Stripe.Price): boolean {
    return price.recurring?.usage_type === 'metered';
  }

  checkSameRecurrence(prices: Stripe.Price[], param: string): Recurrence {
    const first = this.engine.recurrenceOf(prices[0]);
    for (const p of prices) {
      const r = this.engine.recurrenceOf(p);
      if (r.interval !== first.interval || r.interval_count !== first.interval_count) {
        throw invalidRequest(
          'Currency and interval fields must match across all prices on a subscription. Found mismatched interval fields.',
          { param },
        );
      }
    }
    return first;
  }

  paymentMethodOrThrow(id: string, param: string): string {
    if (!this.engine.ports.payments.retrievePaymentMethod(id)) {
      throw new StripeError(404, 'invalid_request_error', `No such PaymentMethod: '${id}'`, { code: 'resource_missing', param });
    }
    return id;
  }

  customerDefaultPm(sub: Stripe.Subscription): string | null {
    const c = this.engine.ports.customers.customer(this.engine.customerIdOf(sub), 'customer');
    const pm = c.invoice_settings?.default_payment_method;
    return pm ? (typeof pm === 'string' ? pm : pm.id) : null;
  }
}
