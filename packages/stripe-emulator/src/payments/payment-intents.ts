// The PaymentIntent state machine (its routes are in resources/payment-intents.ts): requires_payment_method →
// requires_confirmation → (requires_action) → succeeded / requires_capture → (capture) succeeded / canceled;
// declines leave `last_payment_error` on the intent. `chargePaymentMethod` is the entry point for invoices and
// subscriptions.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { clientSecret, newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { SUPPORTED_CURRENCIES, amountStep, formatAmount } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import type { DeclineOutcome } from '../cards.js';
import { captureCharge, createCharge } from '../resources/charges.js';
import { requireCustomer } from '../resources/customers.js';
import {
  PAYMENT_METHOD_CONFIGURATION_ID,
  evaluateCard,
  minimumAmount,
} from './card-outcomes.js';
import {
  type IntentKind,
  authenticationFailureError,
  cardErrorFields,
  idOf,
  intentDeclineError,
  paymentMethodToConfirm,
  requireAuthenticating,
  requiresAction,
} from './intent-confirmation.js';
import { attachPaymentMethod, markSetUp, resolvePaymentMethod } from '../resources/payment-methods.js';

export const paymentIntentsCollection = defineCollection<Stripe.PaymentIntent>('payment_intents');

export const PAYMENT_INTENT: IntentKind = {
  label: 'PaymentIntent',
  code: 'payment_intent',
  missingPaymentMethodTail: 'a payment method or ConfirmationToken.',
  authenticationFailureMessage:
    'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
};

/** Emulator-only state of a PaymentIntent's pending confirmation. */
interface PaymentIntentState {
  id: string;
  offSession: boolean;
  returnUrl: string | null;
}
const paymentIntentStateCollection = defineCollection<PaymentIntentState>('_payment_intent_state');

const CANCELABLE: ReadonlyArray<Stripe.PaymentIntent.Status> = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
export const CONFIRMABLE_PAYMENT_INTENT: ReadonlyArray<Stripe.PaymentIntent.Status> = ['requires_payment_method', 'requires_confirmation'];

/**
 * Stripe's minimum charge amount applies to PaymentIntents created through the API. Internal callers
 * (invoices) only need a positive amount: Stripe's invoicing never charges below the minimum itself (it
 * carries such amounts to the customer balance), which is the caller's rule to apply (`minimumAmount`).
 */
export function validateAmount(amount: number, currency: string, enforceMinimum = true): void {
  const min = enforceMinimum ? minimumAmount(currency) : 1;
  if (amount < min) {
    throw invalidRequest(`Amount must be at least ${formatAmount(min, currency)} ${currency}`, { code: 'amount_too_small', param: 'amount' });
  }
  const step = amountStep(currency);
  if (amount % step !== 0) {
    throw invalidRequest(`Amounts in ${currency} must be a multiple of ${step} (Stripe's rule for this currency's minor unit).`, { param: 'amount' });
  }
  if (amount > 99_999_999) {
    throw invalidRequest('Amount must be no more than 99,999,999', { code: 'amount_too_large', param: 'amount' });
  }
}

export function validateCurrency(currency: string): string {
  const c = currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(c)) throw invalidRequest(`Invalid currency: ${currency}.`, { param: 'currency' });
  return c;
}

export interface CreatePaymentIntentInput {
  amount: number;
  currency: string;
  customer: string | null;
  description?: string | null;
  metadata?: Record<string, string> | null;
  paymentMethod?: string | null;
  receiptEmail?: string | null;
  setupFutureUsage?: 'off_session' | 'on_session' | null;
  captureMethod?: 'automatic' | 'automatic_async' | 'manual';
  statementDescriptor?: string | null;
  statementDescriptorSuffix?: string | null;
}

/**
 * Creates a PaymentIntent (not confirmed). Validates first; emits payment_intent.created. Does not enforce
 * Stripe's minimum charge amount (the HTTP route does); see `minimumAmount` in card-outcomes.ts.
 */
export function createPaymentIntent(emu: Emulator, input: CreatePaymentIntentInput): Stripe.PaymentIntent {
  const currency = validateCurrency(input.currency);
  validateAmount(input.amount, currency, false);
  if (input.customer) requireCustomer(emu, input.customer);
  const pm = input.paymentMethod ? resolvePaymentMethod(emu, input.paymentMethod) : null;
  if (pm && input.customer && pm.customer && pm.customer !== input.customer) {
    throw invalidRequest(`The provided PaymentMethod ${pm.id} belongs to another customer.`, { param: 'payment_method' });
  }
  const id = newId('pi');
  const intent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: input.captureMethod ?? 'automatic_async',
    client_secret: clientSecret(id),
    confirmation_method: 'automatic',
    created: emu.clock.now(input.customer),
    currency,
    customer: input.customer,
    customer_account: null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: applyMetadata({}, input.metadata),
    next_action: null,
    on_behalf_of: null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: { id: PAYMENT_METHOD_CONFIGURATION_ID, parent: null },
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail ?? null,
    review: null,
    setup_future_usage: input.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: input.statementDescriptor ?? null,
    statement_descriptor_suffix: input.statementDescriptorSuffix ?? null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  } satisfies Full<Stripe.PaymentIntent, 'hooks' | 'payment_details' | 'presentment_details'>;
  emu.store.insert(paymentIntentsCollection, intent);
  emu.store.insert(paymentIntentStateCollection, { id, offSession: false, returnUrl: null });
  emu.events.emit('payment_intent.created', intent);
  return intent;
}

export interface ConfirmInput {
  paymentMethod?: string | null;
  offSession?: boolean;
  returnUrl?: string | null;
  useStripeSdk?: boolean;
  setupFutureUsage?: 'off_session' | 'on_session' | null;
  /** Fail instead of returning requires_action (Stripe's `error_on_requires_action`). */
  errorOnRequiresAction?: boolean;
  receiptEmail?: string | null;
}

export interface ConfirmResult {
  paymentIntent: Stripe.PaymentIntent;
  /** Set when the card was declined (the intent is back to requires_payment_method). */
  decline: DeclineOutcome | null;
}

/** A PaymentIntent's card error also names the failed charge and carries Stripe's `advice_code`. */
function paymentIntentError(decline: DeclineOutcome, pm: Stripe.PaymentMethod, chargeId: string | null): Stripe.PaymentIntent.LastPaymentError {
  return {
    ...cardErrorFields(decline, pm),
    ...(chargeId ? { charge: chargeId } : {}),
    advice_code: decline.code === 'card_declined' ? 'try_again_later' : undefined,
  };
}

function finish(emu: Emulator, before: Stripe.PaymentIntent, after: Stripe.PaymentIntent): Stripe.PaymentIntent {
  return emu.store.update(paymentIntentsCollection, before.id, () => after);
}

/**
 * Confirms a PaymentIntent. Never throws for a declined card: the result carries the decline and the intent
 * is back in requires_payment_method with `last_payment_error` (the HTTP route turns that into a 402).
 * Throws for invalid requests (wrong state, missing payment method) before changing anything.
 */
export function confirmPaymentIntent(emu: Emulator, id: string, input: ConfirmInput = {}): ConfirmResult {
  const intent = emu.store.require(paymentIntentsCollection, id, 'payment_intent');
  const pmRef = paymentMethodToConfirm(PAYMENT_INTENT, intent, CONFIRMABLE_PAYMENT_INTENT, input.paymentMethod, { payment_intent: intent });
  const customer = idOf(intent.customer);
  if (input.offSession && !customer) {
    throw invalidRequest('When off_session is true, the PaymentIntent must have a customer.', { param: 'off_session' });
  }
  const pm = resolvePaymentMethod(emu, pmRef);
  if (pm.customer && pm.customer !== customer) {
    throw invalidRequest(
      `The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.`,
      { code: 'payment_method_unexpected_state', param: 'payment_method' },
    );
  }
  const setupFutureUsage = input.setupFutureUsage !== undefined ? input.setupFutureUsage : intent.setup_future_usage;
  const offSession = input.offSession ?? false;
  emu.store.insert(paymentIntentStateCollection, { id, offSession, returnUrl: input.returnUrl ?? null });
  const base: Stripe.PaymentIntent = {
    ...intent,
    payment_method: pm.id,
    setup_future_usage: setupFutureUsage,
    receipt_email: input.receiptEmail !== undefined ? input.receiptEmail : intent.receipt_email,
    last_payment_error: null,
    next_action: null,
  };
  const outcome = evaluateCard(emu, pm.id, { attempt: 'payment', offSession, authenticated: false });
  if (outcome.kind === 'requires_action' && !input.errorOnRequiresAction) {
    const after = finish(emu, intent, { ...base, ...requiresAction(emu, id, input) });
    emu.events.emit('payment_intent.requires_action', after);
    return { paymentIntent: after, decline: null };
  }
  const decline = outcome.kind === 'declined' ? outcome.decline : outcome.kind === 'requires_action' ? AUTH_REQUIRED_ON_ERROR : null;
  return settle(emu, intent, base, pm, customer, decline, false);
}

const AUTH_REQUIRED_ON_ERROR: DeclineOutcome = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

/** Charges the card and moves the intent to its end state for this attempt. */
function settle(
  emu: Emulator,
  before: Stripe.PaymentIntent,
  base: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  customer: string | null,
  decline: DeclineOutcome | null,
  authenticated: boolean,
): ConfirmResult {
  const capture = base.capture_method !== 'manual';
  const charge = createCharge(emu, {
    amount: base.amount,
    currency: base.currency,
    customer,
    description: base.description,
    paymentIntent: base.id,
    paymentMethod: pm,
    metadata: base.metadata,
    receiptEmail: base.receipt_email,
    statementDescriptorSuffix: base.statement_descriptor_suffix,
    decline,
    authenticated,
    capture,
  });
  if (decline) {
    const after = finish(emu, before, {
      ...base,
      status: 'requires_payment_method',
      latest_charge: charge.id,
      last_payment_error: paymentIntentError(decline, pm, charge.id),
      next_action: null,
    });
    emu.events.emit('payment_intent.payment_failed', after);
    return { paymentIntent: after, decline };
  }
  if (customer && base.setup_future_usage && !pm.customer) {
    attachPaymentMethod(emu, pm.id, customer);
  }
  if (base.setup_future_usage === 'off_session') markSetUp(emu, pm.id);
  const after = finish(emu, before, {
    ...base,
    status: capture ? 'succeeded' : 'requires_capture',
    amount_received: capture ? base.amount : 0,
    amount_capturable: capture ? 0 : base.amount,
    latest_charge: charge.id,
    last_payment_error: null,
    next_action: null,
  });
  emu.events.emit(capture ? 'payment_intent.succeeded' : 'payment_intent.amount_capturable_updated', after);
  return { paymentIntent: after, decline: null };
}

/**
 * Finishes (or fails) the 3D Secure challenge of a PaymentIntent in requires_action. `succeed` charges the
 * card (which may still decline, e.g. 4000008260003178); `fail` returns the intent to requires_payment_method
 * with `payment_intent_authentication_failure`.
 */
export function completePaymentIntentAuthentication(emu: Emulator, id: string, outcome: 'succeed' | 'fail'): ConfirmResult {
  const intent = emu.store.require(paymentIntentsCollection, id, 'payment_intent');
  const pm = requireAuthenticating(emu, PAYMENT_INTENT, intent);
  const customer = idOf(intent.customer);
  if (outcome === 'fail') {
    const after = finish(emu, intent, {
      ...intent,
      status: 'requires_payment_method',
      next_action: null,
      last_payment_error: authenticationFailureError(PAYMENT_INTENT, pm),
    });
    emu.events.emit('payment_intent.payment_failed', after);
    return { paymentIntent: after, decline: null };
  }
  const state = emu.store.get(paymentIntentStateCollection, id);
  const result = evaluateCard(emu, pm.id, { attempt: 'payment', offSession: state?.offSession ?? false, authenticated: true });
  const decline = result.kind === 'declined' ? result.decline : null;
  if (!decline && intent.setup_future_usage) markSetUp(emu, pm.id);
  return settle(emu, intent, { ...intent, next_action: null }, pm, customer, decline, true);
}

export function cancelPaymentIntent(
  emu: Emulator,
  id: string,
  reason: Stripe.PaymentIntent.CancellationReason = 'requested_by_customer',
): Stripe.PaymentIntent {
  const intent = emu.store.require(paymentIntentsCollection, id, 'payment_intent');
  if (!CANCELABLE.includes(intent.status)) {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  const after = finish(emu, intent, {
    ...intent,
    status: 'canceled',
    canceled_at: emu.clock.now(customer),
    cancellation_reason: reason,
    next_action: null,
    amount_capturable: 0,
  });
  emu.events.emit('payment_intent.canceled', after);
  return after;
}

export interface ChargePaymentMethodInput {
  customer: string;
  paymentMethod: string;
  amount: number;
  currency: string;
  offSession: boolean;
  description?: string | null;
  metadata?: Record<string, string>;
  setupFutureUsage?: 'off_session' | null;
  receiptEmail?: string | null;
}

export type ChargeResult =
  | { status: 'succeeded'; paymentIntent: Stripe.PaymentIntent; charge: string }
  | { status: 'declined'; paymentIntent: Stripe.PaymentIntent; decline: DeclineOutcome; charge: string | null }
  | { status: 'requires_action'; paymentIntent: Stripe.PaymentIntent };

/**
 * Creates and confirms a PaymentIntent for `amount` on a customer's payment method: what invoices use to
 * collect payment. Never throws for a declined card (see the result); throws StripeError for invalid input.
 */
export function chargePaymentMethod(emu: Emulator, input: ChargePaymentMethodInput): ChargeResult {
  const intent = createPaymentIntent(emu, {
    amount: input.amount,
    currency: input.currency,
    customer: input.customer,
    description: input.description ?? null,
    metadata: input.metadata ?? null,
    paymentMethod: input.paymentMethod,
    setupFutureUsage: input.setupFutureUsage ?? null,
    receiptEmail: input.receiptEmail ?? null,
  });
  const { paymentIntent, decline } = confirmPaymentIntent(emu, intent.id, { offSession: input.offSession, useStripeSdk: true });
  const charge = typeof paymentIntent.latest_charge === 'string' ? paymentIntent.latest_charge : null;
  if (decline) return { status: 'declined', paymentIntent, decline, charge };
  if (paymentIntent.status === 'requires_action') return { status: 'requires_action', paymentIntent };
  return { status: 'succeeded', paymentIntent, charge: charge ?? '' };
}

/** A PaymentIntent's 402 also names the failed charge. */
export function paymentIntentDeclineError(decline: DeclineOutcome, intent: Stripe.PaymentIntent) {
  return intentDeclineError(PAYMENT_INTENT, decline, intent, intent.last_payment_error?.payment_method, {
    charge: typeof intent.latest_charge === 'string' ? intent.latest_charge : undefined,
  });
}


/**
 * Captures a `requires_capture` PaymentIntent (manual capture), in full or `amount`: the charge is captured
 * (`captureCharge`), the intent succeeds with `amount_received`. Validates before writing.
 */
export function capturePaymentIntent(emu: Emulator, id: string, amount: number | undefined, metadata: Record<string, string> | null | undefined): Stripe.PaymentIntent {
  const intent = emu.store.require(paymentIntentsCollection, id, 'payment_intent');
  if (intent.status !== 'requires_capture') {
    throw invalidRequest(`This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`, {
      code: 'payment_intent_unexpected_state',
    });
  }
  const captured = amount ?? intent.amount_capturable;
  if (captured > intent.amount_capturable) {
    throw invalidRequest('The amount to capture cannot exceed the capturable amount.', { param: 'amount_to_capture' });
  }
  if (typeof intent.latest_charge === 'string') captureCharge(emu, intent.latest_charge, captured);
  const after = emu.store.update(paymentIntentsCollection, id, (cur) => ({
    ...cur,
    status: 'succeeded',
    amount_received: captured,
    amount_capturable: 0,
    metadata: applyMetadata(cur.metadata, metadata),
  }));
  emu.events.emit('payment_intent.succeeded', after);
  return after;
}
