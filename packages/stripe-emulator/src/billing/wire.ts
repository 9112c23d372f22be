// Connects the billing engine to one emulator instance: builds the ports from the core modules, registers the
// object types (render + includable fields), the scheduled-job handlers, and the listeners that let invoices
// react to PaymentIntents confirmed anywhere (including from the browser with the invoice's client secret).
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import type { Json } from '../core/types.js';
import { customersCollection } from '../core/collections.js';
import { setupIntentsCollection } from '../payments/setup-intents.js';
import { adjustCustomerBalance, deleteCustomer, ensureCustomerCurrency, requireCustomer } from '../resources/customers.js';
import { BillingEngine, type BillingOptions } from './engine.js';
import type { BillingPorts } from './ports.js';
import { buildCatalogPort, buildPaymentsPort, paymentIntentsCollection } from './core-adapters.js';
import {
  discountsCollection,
  invoiceItemsCollection,
  invoicesCollection,
  subscriptionItemsCollection,
  subscriptionsCollection,
} from './collections.js';
import { JOB_ATTEMPT, JOB_FINALIZE, JOB_OVERDUE, presentInvoiceForEvent } from './invoice-ops.js';
import { JOB_CANCEL_AT, JOB_CYCLE, JOB_EXPIRE_INCOMPLETE, JOB_TRIAL_WILL_END, JOB_UPCOMING } from './subscription-ops.js';

const engines = new WeakMap<Emulator, BillingEngine>();

function payloadString(payload: Json, key: string): string | null {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const v = payload[key];
  return typeof v === 'string' ? v : null;
}

/** The billing engine of an emulator, created and wired on first use (idempotent). */
export function billingOf(emu: Emulator, options: Partial<BillingOptions> = {}): BillingEngine {
  const existing = engines.get(emu);
  if (existing) return existing;
  const ports: BillingPorts = {
    store: emu.store,
    clock: emu.clock,
    scheduler: emu.scheduler,
    events: emu.events,
    payments: buildPaymentsPort(emu),
    catalog: buildCatalogPort(emu),
    customers: {
      customer: (id, param) => requireCustomer(emu, id, param),
      updateCustomer: (id, patch) => {
        const before = requireCustomer(emu, id);
        if (patch.currency && !before.currency) ensureCustomerCurrency(emu, id, patch.currency);
        if (patch.balance !== undefined && patch.balance !== before.balance) {
          adjustCustomerBalance(emu, id, patch.balance - before.balance);
        }
        return requireCustomer(emu, id);
      },
      customersOfTestClock: (clockId) =>
        emu.store.all(customersCollection).filter((c) => (typeof c.test_clock === 'string' ? c.test_clock : c.test_clock?.id) === clockId),
      // Test clock deletion removes the clock's customers exactly as DELETE /v1/customers/:id does.
      deleteCustomer: (id) => {
        if (emu.store.has(customersCollection, id)) deleteCustomer(emu, id);
      },
    },
    baseUrl: () => emu.publicUrl,
  };
  const engine = new BillingEngine(ports, options);
  engines.set(emu, engine);

  emu.objects.register({
    object: 'subscription',
    prefix: 'sub',
    collection: subscriptionsCollection,
    render: (sub) => engine.hydrateSubscription(sub),
  });
  // `expand[]=subscriptions` on a customer: its current subscriptions (ended ones excluded), as Stripe lists them.
  emu.objects.addIncludable('customer', customersCollection, 'subscriptions', (customer: Stripe.Customer) => {
    const current = emu.store.newestFirst(
      subscriptionsCollection,
      (s) => engine.customerIdOf(s) === customer.id && s.status !== 'canceled' && s.status !== 'incomplete_expired',
    );
    return { object: 'list', data: current.map((s) => engine.hydrateSubscription(s)), has_more: false, url: `/v1/customers/${customer.id}/subscriptions` };
  });
  emu.objects.register({ object: 'subscription_item', prefix: 'si', collection: subscriptionItemsCollection });
  emu.objects.register({
    object: 'invoice',
    prefix: 'in',
    collection: invoicesCollection,
    render: presentInvoiceForEvent,
    includable: {
      confirmation_secret: (inv: Stripe.Invoice) => inv.confirmation_secret ?? null,
      payments: (inv: Stripe.Invoice) => inv.payments ?? { object: 'list', data: [], has_more: false, url: '/v1/invoice_payments' },
    },
  });
  emu.objects.register({ object: 'invoiceitem', prefix: 'ii', collection: invoiceItemsCollection });
  // Stripe names a discount's coupon by id (`source.coupon`) unless `…source.coupon` is expanded too.
  emu.objects.register({
    object: 'discount',
    prefix: 'di',
    collection: discountsCollection,
    render: (d) => {
      const coupon = d.source.coupon;
      return { ...d, source: { ...d.source, coupon: coupon === null || typeof coupon === 'string' ? coupon : coupon.id } };
    },
  });

  const inv = () => engine.invoiceOps();
  const subs = () => engine.subscriptionOps();
  emu.scheduler.handle(JOB_FINALIZE, (job) => {
    const id = payloadString(job.payload, 'invoice');
    if (!id) return;
    const invoice = emu.store.get(invoicesCollection, id);
    if (!invoice || invoice.status !== 'draft' || !invoice.auto_advance) return;
    inv().finalize(id);
  });
  emu.scheduler.handle(JOB_ATTEMPT, (job) => {
    const id = payloadString(job.payload, 'invoice');
    if (id && emu.store.has(invoicesCollection, id)) inv().attempt(id);
  });
  emu.scheduler.handle(JOB_OVERDUE, (job) => {
    const id = payloadString(job.payload, 'invoice');
    if (id) inv().overdue(id);
  });
  const subJob = (kind: string, run: (id: string) => void) =>
    emu.scheduler.handle(kind, (job) => {
      const id = payloadString(job.payload, 'subscription');
      if (id && emu.store.has(subscriptionsCollection, id)) run(id);
    });
  subJob(JOB_CYCLE, (id) => subs().cycle(id));
  subJob(JOB_UPCOMING, (id) => subs().upcoming(id));
  subJob(JOB_TRIAL_WILL_END, (id) => subs().trialWillEnd(id));
  subJob(JOB_CANCEL_AT, (id) => subs().cancelAt(id));
  subJob(JOB_EXPIRE_INCOMPLETE, (id) => subs().expireIncomplete(id));

  emu.events.subscribe((event) => {
    if (event.type !== 'setup_intent.succeeded') return;
    const object = event.data.object;
    const id = 'id' in object && typeof object.id === 'string' ? object.id : null;
    const si = id ? emu.store.get(setupIntentsCollection, id) : undefined;
    if (si) subs().onSetupIntentSucceeded(si);
  });
  emu.events.subscribe((event) => {
    // Only outcomes matter; other payment_intent.* events (created, updated, canceled) change nothing here.
    if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed' && event.type !== 'payment_intent.requires_action') {
      return;
    }
    const object = event.data.object;
    const id = 'id' in object && typeof object.id === 'string' ? object.id : null;
    const pi = id ? emu.store.get(paymentIntentsCollection, id) : undefined;
    if (pi) inv().onPaymentIntent(pi);
  });

  emu.hooks.customerDeleted.push((customerId) => {
    for (const sub of emu.store.all(subscriptionsCollection)) {
      if (engine.customerIdOf(sub) !== customerId) continue;
      if (sub.status === 'canceled' || sub.status === 'incomplete_expired') continue;
      subs().cancelNow(sub.id, { reason: 'cancellation_requested', invoiceNow: false, prorate: false });
    }
  });
  return engine;
}
