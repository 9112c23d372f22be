// Invoice lifecycle: draft → open → paid / uncollectible / void, automatic collection with the dunning
// schedule, and the reaction to PaymentIntents that pay invoices (including ones confirmed from the browser
// with `confirmation_secret.client_secret`).
// Over ~400 lines on purpose: it is one state machine (finalize, pay, attempt, retry, overdue, void,
// uncollectible) whose transitions share the same invariants and private helpers; split, each piece would need
// all of them. Subscription-specific work stays in ./subscriptions/.
import type Stripe from 'stripe';
import { diffAttributes } from '../core/events.js';
import { hostedUrl } from '../core/public-url.js';
import { StripeError, invalidRequest } from '../http/errors.js';
import type { BillingCore, SubscriptionCallbacks } from './engine-core.js';
import { invoiceStateCollection, invoicesCollection, subscriptionsCollection } from './collections.js';
import { maxAttempts, nextRetryAt } from './dunning.js';

export const JOB_FINALIZE = 'billing.invoice.finalize';
export const JOB_ATTEMPT = 'billing.invoice.attempt';
export const JOB_OVERDUE = 'billing.invoice.overdue';

type InvoiceEvent =
  | 'invoice.created'
  | 'invoice.finalized'
  | 'invoice.paid'
  | 'invoice.payment_succeeded'
  | 'invoice.payment_failed'
  | 'invoice.payment_action_required'
  | 'invoice.voided'
  | 'invoice.marked_uncollectible'
  | 'invoice.sent'
  | 'invoice.overdue'
  | 'invoice.updated'
  | 'invoice.deleted';

export class InvoiceOps {
  /** Set while the engine itself confirms an invoice's PaymentIntent, so the outcome is booked as automatic. */
  private automaticAttempt: string | null = null;
  /** PaymentIntent id → invoice id (rebuilt from the store on demand). */
  private byPaymentIntent: Map<string, string> | null = null;

  constructor(private readonly engine: BillingCore) {}

  /** The subscription side, reached through the core's callbacks (invoicing never imports subscription-ops). */
  private subscriptions(): SubscriptionCallbacks {
    const callbacks = this.engine.subscriptionCallbacks;
    if (!callbacks) throw new Error('billing: subscription callbacks are not wired (construct BillingEngine)');
    return callbacks;
  }

  private get store() {
    return this.engine.store;
  }

  emit(type: InvoiceEvent, invoice: Stripe.Invoice, before?: Stripe.Invoice): void {
    const object = presentInvoiceForEvent(invoice);
    if (type === 'invoice.updated' && before) {
      this.engine.ports.events.emit(type, object, { previousAttributes: diffAttributes(presentInvoiceForEvent(before), object) });
    } else {
      this.engine.ports.events.emit(type, object);
    }
  }

  /** Saves a new draft and schedules its auto-finalization when it belongs to a subscription. */
  created(invoice: Stripe.Invoice): Stripe.Invoice {
    let inv = invoice;
    if (inv.auto_advance) {
      inv = { ...inv, automatically_finalizes_at: inv.created + this.engine.options.finalizeDelaySeconds };
    }
    this.engine.saveInvoice(inv);
    this.emit('invoice.created', inv);
    this.scheduleFinalize(inv);
    return inv;
  }

  /** (Re)schedules or cancels a draft's automatic finalization after `auto_advance` changed. */
  scheduleFinalize(inv: Stripe.Invoice): void {
    if (inv.status === 'draft' && inv.auto_advance && inv.automatically_finalizes_at !== null) {
      this.engine.ports.scheduler.schedule({
        kind: JOB_FINALIZE,
        at: inv.automatically_finalizes_at,
        testClock: this.clockOf(inv),
        key: `${inv.id}:finalize`,
        payload: { invoice: inv.id },
      });
    } else {
      this.engine.ports.scheduler.cancel(`${inv.id}:finalize`);
    }
  }

  private clockOf(inv: Stripe.Invoice): string | null {
    return inv.test_clock === null ? null : typeof inv.test_clock === 'string' ? inv.test_clock : inv.test_clock.id;
  }

  private customerOf(inv: Stripe.Invoice): string {
    return this.engine.customerIdOf(inv);
  }

  /** draft → open. Applies the customer balance, numbers the invoice, creates its PaymentIntent. */
  finalize(
    id: string,
    opts: { autoAdvance?: boolean; precharged?: Stripe.PaymentIntent | null; scheduleAttempt?: boolean } = {},
  ): Stripe.Invoice {
    const before = this.engine.invoice(id);
    if (before.status !== 'draft') {
      throw invalidRequest(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, {
        code: 'invoice_not_editable',
      });
    }
    const customerId = this.customerOf(before);
    const customer = this.engine.ports.customers.customer(customerId, 'customer');
    const at = this.engine.now(customerId);
    const autoAdvance = opts.autoAdvance ?? before.auto_advance ?? false;
    let inv: Stripe.Invoice = {
      ...before,
      auto_advance: autoAdvance,
      customer_address: customer.address ?? null,
      customer_email: customer.email ?? null,
      customer_name: customer.name ?? null,
      customer_phone: customer.phone ?? null,
      status: 'open',
      automatically_finalizes_at: null,
      starting_balance: customer.balance,
    };
    inv = this.engine.recompute(inv, at);
    const number = this.engine.nextInvoiceNumber(customerId);
    inv = {
      ...inv,
      number,
      effective_at: at,
      status_transitions: { ...inv.status_transitions, finalized_at: at },
      hosted_invoice_url: hostedUrl(`/_emulator/invoices/${inv.id}/hosted`),
      invoice_pdf: hostedUrl(`/_emulator/invoices/${inv.id}/pdf`),
      due_date:
        inv.collection_method === 'send_invoice'
          ? (inv.due_date ?? at + 86_400 * (this.engine.invoiceState(inv.id).days_until_due ?? 30))
          : null,
    };
    if (customer.balance !== inv.ending_balance) {
      this.engine.ports.customers.updateCustomer(customerId, { balance: inv.ending_balance ?? 0 });
    }
    this.engine.ports.scheduler.cancel(`${inv.id}:finalize`);
    // Zero to pay: the invoice is paid at finalization.
    if (inv.amount_due === 0) {
      inv = { ...inv, status: 'paid', auto_advance: false, status_transitions: { ...inv.status_transitions, paid_at: at } };
      this.engine.saveInvoice(inv);
      this.consumeOnceDiscounts(inv, at);
      this.emit('invoice.finalized', inv);
      this.emit('invoice.paid', inv);
      this.emit('invoice.payment_succeeded', inv);
      return inv;
    }
    if (inv.collection_method === 'charge_automatically') {
      const pi = opts.precharged ?? this.engine.ports.payments.createPaymentIntent({
        customer: customerId,
        amount: inv.amount_due,
        currency: inv.currency,
        paymentMethod: null,
        description: this.engine.subscriptionOfInvoice(inv) ? 'Subscription creation' : `Invoice ${number}`,
        metadata: {},
        confirm: false,
        offSession: false,
        setupFutureUsage: this.savesPaymentMethod(inv) ? 'off_session' : null,
      });
      this.indexPaymentIntent(pi.id, inv.id);
      this.store.insert(invoiceStateCollection, { ...this.engine.invoiceState(inv.id), payment_intent: pi.id });
      inv = {
        ...inv,
        confirmation_secret: pi.client_secret ? { client_secret: pi.client_secret, type: 'payment_intent' } : null,
        payments: {
          object: 'list',
          has_more: false,
          url: '/v1/invoice_payments',
          data: [
            {
              id: `inpay_${pi.id.slice(3)}`,
              object: 'invoice_payment',
              amount_paid: null,
              amount_requested: inv.amount_due,
              created: at,
              currency: inv.currency,
              invoice: inv.id,
              is_default: true,
              livemode: false,
              payment: { type: 'payment_intent', payment_intent: pi.id },
              status: 'open',
              status_transitions: { canceled_at: null, paid_at: null },
            },
          ],
        },
        next_payment_attempt: autoAdvance && !opts.precharged && opts.scheduleAttempt !== false ? at : null,
      };
      if (inv.next_payment_attempt !== null) {
        this.engine.ports.scheduler.schedule({
          kind: JOB_ATTEMPT,
          at: inv.next_payment_attempt,
          testClock: this.clockOf(inv),
          key: `${inv.id}:attempt`,
          payload: { invoice: inv.id },
        });
      }
    } else {
      this.engine.ports.scheduler.schedule({
        kind: JOB_OVERDUE,
        at: inv.due_date ?? at,
        testClock: this.clockOf(inv),
        key: `${inv.id}:overdue`,
        payload: { invoice: inv.id },
      });
    }
    this.engine.saveInvoice(inv);
    this.consumeOnceDiscounts(inv, at);
    this.emit('invoice.finalized', inv);
    if (opts.precharged && opts.precharged.status === 'succeeded') return this.markPaid(inv.id, at, opts.precharged);
    return inv;
  }

  /** Charges an open invoice now with `paymentMethod` (subscription create / update); outcome booked as automatic. */
  chargeNow(id: string, paymentMethod: string, offSession: boolean): Stripe.Invoice {
    const state = this.engine.invoiceState(id);
    if (!state.payment_intent) return this.engine.invoice(id);
    this.store.insert(invoiceStateCollection, { ...state, auto_attempts: state.auto_attempts + 1 });
    this.automaticAttempt = id;
    try {
      this.engine.ports.payments.confirmPaymentIntent(state.payment_intent, paymentMethod, offSession);
    } finally {
      this.automaticAttempt = null;
    }
    return this.engine.invoice(id);
  }

  /**
   * A `once` coupon ends with the first invoice it discounted. A zero-cost invoice (a trial's, or the first
   * invoice of usage billed in arrears) is not one: Stripe ignores coupons on zero-cost invoices and does not
   * count them as redeemed (API changelog 2013-10-29), so the coupon waits for the first invoice with an amount.
   */
  private consumeOnceDiscounts(inv: Stripe.Invoice, at: number): void {
    if (inv.subtotal <= 0) return;
    const subId = this.engine.subscriptionOfInvoice(inv);
    if (!subId) return;
    const sub = this.store.get(subscriptionsCollection, subId);
    if (!sub) return;
    const used = new Set(inv.total_discount_amounts?.map((d) => (typeof d.discount === 'string' ? d.discount : d.discount.id)) ?? []);
    const remaining = sub.discounts.filter((d) => {
      const id = typeof d === 'string' ? d : d.id;
      if (!used.has(id)) return true;
      const terms = this.engine.activeDiscounts([id], at)[0];
      return terms?.coupon.duration !== 'once';
    });
    if (remaining.length !== sub.discounts.length) {
      this.store.insert(subscriptionsCollection, { ...sub, discounts: remaining });
    }
  }

  /** Automatic collection: charge the default payment method off-session. */
  attempt(id: string): void {
    const inv = this.engine.invoice(id);
    if (inv.status !== 'open' || inv.collection_method !== 'charge_automatically') return;
    const state = this.engine.invoiceState(id);
    if (!state.payment_intent) return;
    const pm = this.defaultPaymentMethod(inv);
    const at = this.engine.now(this.customerOf(inv));
    this.store.insert(invoiceStateCollection, { ...state, auto_attempts: state.auto_attempts + 1 });
    if (!pm) {
      this.recordFailure(id, at, true, null);
      return;
    }
    this.automaticAttempt = id;
    try {
      const pi = this.engine.ports.payments.retrievePaymentIntent(state.payment_intent);
      if (pi && pi.status === 'succeeded') return;
      this.engine.ports.payments.confirmPaymentIntent(state.payment_intent, pm, true);
    } finally {
      this.automaticAttempt = null;
    }
  }

  /**
   * As Stripe: an invoice of a subscription with `save_default_payment_method: on_subscription` is paid through
   * a PaymentIntent with `setup_future_usage: off_session`, so the card the customer confirms it with is
   * attached to the customer (and becomes the subscription's default once paid).
   */
  private savesPaymentMethod(inv: Stripe.Invoice): boolean {
    const subId = this.engine.subscriptionOfInvoice(inv);
    const sub = subId ? this.store.get(subscriptionsCollection, subId) : undefined;
    return sub?.payment_settings?.save_default_payment_method === 'on_subscription';
  }

  /** The payment method automatic collection uses: invoice's, subscription's, then the customer's default. */
  defaultPaymentMethod(inv: Stripe.Invoice): string | null {
    const own = inv.default_payment_method;
    if (own) return typeof own === 'string' ? own : own.id;
    const subId = this.engine.subscriptionOfInvoice(inv);
    const sub = subId ? this.store.get(subscriptionsCollection, subId) : undefined;
    const subPm = sub?.default_payment_method;
    if (subPm) return typeof subPm === 'string' ? subPm : subPm.id;
    const customer = this.engine.ports.customers.customer(this.customerOf(inv), 'customer');
    const custPm = customer.invoice_settings?.default_payment_method;
    if (custPm) return typeof custPm === 'string' ? custPm : custPm.id;
    return null;
  }

  private indexPaymentIntent(pi: string, invoice: string): void {
    this.paymentIntentIndex().set(pi, invoice);
  }

  private paymentIntentIndex(): Map<string, string> {
    if (!this.byPaymentIntent) {
      this.byPaymentIntent = new Map();
      for (const s of this.store.all(invoiceStateCollection)) {
        if (s.payment_intent) this.byPaymentIntent.set(s.payment_intent, s.id);
      }
    }
    return this.byPaymentIntent;
  }

  /** Forget the in-memory index (after a store reset or reload). */
  resetIndex(): void {
    this.byPaymentIntent = null;
  }

  /**
   * Reacts to a PaymentIntent that changed (an event listener calls this for every payment_intent.* event):
   * succeeded → invoice paid; declined → payment failed; requires_action → action required. Idempotent.
   */
  onPaymentIntent(pi: Stripe.PaymentIntent): void {
    const invoiceId = this.paymentIntentIndex().get(pi.id);
    if (!invoiceId) return;
    const inv = this.store.get(invoicesCollection, invoiceId);
    if (!inv) return;
    const automatic = this.automaticAttempt === invoiceId;
    const at = this.engine.now(this.customerOf(inv));
    if (pi.status === 'succeeded') {
      if (inv.status === 'open' || inv.status === 'uncollectible') this.markPaid(invoiceId, at, pi);
    } else if (pi.status === 'requires_action') {
      if (inv.status !== 'open') return;
      const next = { ...inv, attempted: true, attempt_count: inv.attempt_count + 1, next_payment_attempt: null };
      this.engine.saveInvoice(next);
      this.engine.ports.scheduler.cancel(`${invoiceId}:attempt`);
      this.emit('invoice.payment_action_required', next);
      this.subscriptionAfterFailure(next, at);
    } else if (pi.status === 'requires_payment_method' && pi.last_payment_error) {
      if (inv.status !== 'open') return;
      this.recordFailure(invoiceId, at, automatic, pi);
    }
  }

  /** Books a failed attempt: counts it, schedules the next automatic retry or applies the dunning end state. */
  private recordFailure(id: string, at: number, automatic: boolean, pi: Stripe.PaymentIntent | null): void {
    const inv = this.engine.invoice(id);
    const state = this.engine.invoiceState(id);
    const policy = this.engine.options.dunning;
    const isFirstSubscriptionInvoice = inv.billing_reason === 'subscription_create';
    let nextAttempt: number | null = null;
    if (automatic && !isFirstSubscriptionInvoice && inv.auto_advance) {
      nextAttempt = state.auto_attempts < maxAttempts(policy) ? nextRetryAt(policy, state.auto_attempts, at) : null;
    } else if (!automatic) {
      nextAttempt = inv.next_payment_attempt;
    }
    const failed: Stripe.Invoice = {
      ...inv,
      attempted: true,
      attempt_count: inv.attempt_count + 1,
      next_payment_attempt: nextAttempt,
      last_finalization_error: null,
    };
    this.engine.saveInvoice(failed);
    if (nextAttempt !== null && automatic) {
      this.engine.ports.scheduler.schedule({
        kind: JOB_ATTEMPT,
        at: nextAttempt,
        testClock: this.clockOf(inv),
        key: `${id}:attempt`,
        payload: { invoice: id },
      });
    }
    void pi;
    this.emit('invoice.payment_failed', failed);
    this.subscriptionAfterFailure(failed, at);
    if (automatic && !isFirstSubscriptionInvoice && nextAttempt === null && inv.auto_advance) {
      this.applyDunningEndState(failed, at);
    }
  }

  private subscriptionAfterFailure(inv: Stripe.Invoice, at: number): void {
    const subId = this.engine.subscriptionOfInvoice(inv);
    if (!subId) return;
    const sub = this.store.get(subscriptionsCollection, subId);
    if (!sub) return;
    if (inv.billing_reason === 'subscription_create') return; // stays incomplete until paid or expired
    if (sub.status === 'active' || sub.status === 'trialing') {
      this.subscriptions().setStatus(sub.id, 'past_due', at);
    }
  }

  private applyDunningEndState(inv: Stripe.Invoice, at: number): void {
    const policy = this.engine.options.dunning;
    if (policy.invoiceEndState === 'uncollectible') this.markUncollectible(inv.id);
    const subId = this.engine.subscriptionOfInvoice(inv);
    if (!subId) return;
    const sub = this.store.get(subscriptionsCollection, subId);
    if (!sub || sub.status === 'canceled') return;
    if (policy.subscriptionEndState === 'canceled') {
      this.subscriptions().cancelNow(sub.id, { reason: 'payment_failed', invoiceNow: false, prorate: false, at });
    } else if (policy.subscriptionEndState === 'unpaid') {
      this.subscriptions().setStatus(sub.id, 'unpaid', at);
    }
  }

  /** open/uncollectible → paid (by a PaymentIntent or out of band). */
  markPaid(id: string, at: number, pi: Stripe.PaymentIntent | null): Stripe.Invoice {
    const inv = this.engine.invoice(id);
    const amount = inv.amount_remaining;
    const payments = inv.payments ?? { object: 'list' as const, data: [], has_more: false, url: '/v1/invoice_payments' };
    const paid: Stripe.Invoice = {
      ...inv,
      status: 'paid',
      auto_advance: false,
      amount_paid: inv.amount_paid + amount,
      amount_paid_off_stripe: pi ? (inv.amount_paid_off_stripe ?? 0) : (inv.amount_paid_off_stripe ?? 0) + amount,
      amount_remaining: 0,
      attempted: pi ? true : inv.attempted,
      attempt_count: pi ? inv.attempt_count + 1 : inv.attempt_count,
      next_payment_attempt: null,
      status_transitions: { ...inv.status_transitions, paid_at: at },
      payments: {
        ...payments,
        data: payments.data.map((p) =>
          pi && p.payment.payment_intent === pi.id
            ? { ...p, amount_paid: amount, status: 'paid', status_transitions: { ...p.status_transitions, paid_at: at } }
            : p,
        ),
      },
    };
    this.engine.saveInvoice(paid);
    for (const key of ['attempt', 'overdue', 'finalize']) this.engine.ports.scheduler.cancel(`${id}:${key}`);
    if (!pi) {
      const state = this.engine.invoiceState(id);
      if (state.payment_intent) {
        const open = this.engine.ports.payments.retrievePaymentIntent(state.payment_intent);
        if (open && open.status !== 'succeeded' && open.status !== 'canceled') {
          this.engine.ports.payments.cancelPaymentIntent(state.payment_intent);
        }
      }
    }
    this.emit('invoice.paid', paid);
    if (pi) this.emit('invoice.payment_succeeded', paid);
    const subId = this.engine.subscriptionOfInvoice(paid);
    if (subId) this.subscriptions().afterInvoicePaid(subId, paid, pi, at);
    return this.engine.invoice(id);
  }

  markUncollectible(id: string): Stripe.Invoice {
    const inv = this.engine.invoice(id);
    if (inv.status !== 'open') {
      throw invalidRequest(`You can only mark an open invoice as uncollectible; this invoice is ${inv.status}.`, {
        code: 'invoice_not_editable',
      });
    }
    const at = this.engine.now(this.customerOf(inv));
    const next: Stripe.Invoice = {
      ...inv,
      status: 'uncollectible',
      auto_advance: false,
      next_payment_attempt: null,
      status_transitions: { ...inv.status_transitions, marked_uncollectible_at: at },
    };
    this.engine.saveInvoice(next);
    this.engine.ports.scheduler.cancel(`${id}:attempt`);
    this.emit('invoice.marked_uncollectible', next);
    return next;
  }

  void(id: string): Stripe.Invoice {
    const inv = this.engine.invoice(id);
    if (inv.status !== 'open' && inv.status !== 'uncollectible') {
      throw invalidRequest(`You can only void an open or uncollectible invoice; this invoice is ${inv.status}.`, {
        code: 'invoice_not_editable',
      });
    }
    const at = this.engine.now(this.customerOf(inv));
    const next: Stripe.Invoice = {
      ...inv,
      status: 'void',
      auto_advance: false,
      amount_remaining: 0,
      next_payment_attempt: null,
      status_transitions: { ...inv.status_transitions, voided_at: at },
    };
    this.engine.saveInvoice(next);
    for (const key of ['attempt', 'overdue']) this.engine.ports.scheduler.cancel(`${id}:${key}`);
    const state = this.engine.invoiceState(id);
    if (state.payment_intent) {
      const pi = this.engine.ports.payments.retrievePaymentIntent(state.payment_intent);
      if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled') this.engine.ports.payments.cancelPaymentIntent(pi.id);
    }
    this.emit('invoice.voided', next);
    return next;
  }

  send(id: string): Stripe.Invoice {
    const inv = this.engine.invoice(id);
    if (inv.status !== 'open') {
      throw invalidRequest(`You can only send an open invoice; this invoice is ${inv.status}. Finalize it first.`, {
        code: 'invoice_not_editable',
      });
    }
    const at = this.engine.now(this.customerOf(inv));
    const next = { ...inv, webhooks_delivered_at: inv.webhooks_delivered_at ?? at };
    this.engine.saveInvoice(next);
    this.emit('invoice.sent', next);
    return next;
  }

  /** `POST /v1/invoices/:id/pay`. Finalizes a draft first, as Stripe does. */
  pay(
    id: string,
    params: { payment_method?: string; paid_out_of_band?: boolean; off_session?: boolean; forgive?: boolean },
  ): Stripe.Invoice {
    let inv = this.engine.invoice(id);
    if (inv.status === 'paid') throw invalidRequest('Invoice is already paid', { code: 'invoice_not_editable' });
    if (inv.status === 'void') throw invalidRequest('You cannot pay a void invoice.', { code: 'invoice_not_editable' });
    if (params.payment_method) {
      const pm = this.engine.ports.payments.retrievePaymentMethod(params.payment_method);
      if (!pm) throw invalidRequest(`No such PaymentMethod: '${params.payment_method}'`, { code: 'resource_missing', param: 'payment_method' });
    }
    if (inv.status === 'draft') inv = this.finalize(id);
    if (inv.status === 'paid') return inv;
    const at = this.engine.now(this.customerOf(inv));
    if (params.paid_out_of_band) return this.markPaid(id, at, null);
    let state = this.engine.invoiceState(id);
    if (!state.payment_intent) {
      const pi = this.engine.ports.payments.createPaymentIntent({
        customer: this.customerOf(inv),
        amount: inv.amount_remaining,
        currency: inv.currency,
        paymentMethod: null,
        description: `Invoice ${inv.number ?? inv.id}`,
        metadata: {},
        confirm: false,
        offSession: false,
        setupFutureUsage: null,
      });
      this.indexPaymentIntent(pi.id, inv.id);
      state = { ...state, payment_intent: pi.id };
      this.store.insert(invoiceStateCollection, state);
    }
    const pm = params.payment_method ?? this.defaultPaymentMethod(inv);
    if (!pm) {
      throw invalidRequest(
        'There is no `default_payment_method` set on this Customer or Invoice. Pass `payment_method` or set a default.',
        { param: 'payment_method' },
      );
    }
    const piId = state.payment_intent;
    if (!piId) throw new Error('unreachable: invoice has no PaymentIntent');
    const result = this.engine.ports.payments.confirmPaymentIntent(piId, pm, params.off_session ?? true);
    if (result.status === 'succeeded') return this.engine.invoice(id);
    const error = result.last_payment_error;
    if (result.status === 'requires_action') {
      throw new StripeError(402, 'card_error', 'This payment requires additional user action before it can be completed successfully.', {
        code: 'invoice_payment_intent_requires_action',
        payment_intent: result,
        keepChanges: true,
      });
    }
    throw new StripeError(402, 'card_error', error?.message ?? 'Your card was declined.', {
      code: error?.code ?? 'card_declined',
      ...(error?.decline_code ? { decline_code: error.decline_code } : {}),
      payment_intent: result,
      ...(typeof error?.charge === 'string' ? { charge: error.charge } : {}),
      // The failed attempt stays on record (attempt_count, invoice.payment_failed), as with Stripe.
      keepChanges: true,
    });
  }

  /** `invoice.overdue` when a send_invoice invoice passes its due date unpaid. */
  overdue(id: string): void {
    const inv = this.store.get(invoicesCollection, id);
    if (!inv || inv.status !== 'open') return;
    const state = this.engine.invoiceState(id);
    if (state.overdue_sent) return;
    this.store.insert(invoiceStateCollection, { ...state, overdue_sent: true });
    this.emit('invoice.overdue', inv);
  }
}

/** An invoice as events and responses show it by default: includable fields omitted. */
export function presentInvoiceForEvent(inv: Stripe.Invoice): Stripe.Invoice {
  const { confirmation_secret: _secret, payments: _payments, ...rest } = inv;
  return rest;
}
