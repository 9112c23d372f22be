// PaymentIntents: /v1/payment_intents create, retrieve, update, confirm, cancel, capture, list; the status
// machine requires_payment_method → requires_confirmation → (requires_action) → succeeded / requires_capture /
// canceled; declines answer 402 card_error and leave `last_payment_error` on the intent.
// `chargePaymentMethod` is the entry point for invoices and subscriptions.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { clientSecret, newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { SUPPORTED_CURRENCIES, amountStep, formatAmount } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import type { DeclineOutcome } from '../cards.js';
import { captureCharge, createCharge } from './charges.js';
import { requireCustomer } from './customers.js';
import {
  PAYMENT_METHOD_CONFIGURATION_ID,
  automaticPaymentMethodsParams,
  cardOptionsParams,
  evaluateCard,
  minimumAmount,
  stripeJsNoiseParams,
} from './card-outcomes.js';
import {
  type IntentKind,
  assertOnePaymentMethodParam,
  authenticationFailureError,
  cardErrorFields,
  checkClientSecret,
  idOf,
  intentDeclineError,
  paymentMethodFromParams,
  paymentMethodToConfirm,
  requireAuthenticating,
  requiresAction,
} from './intent-confirmation.js';
import { attachPaymentMethod, markSetUp, paymentMethodDataParams, resolvePaymentMethod } from './payment-methods.js';

export const paymentIntentsCollection = defineCollection<Stripe.PaymentIntent>('payment_intents');

const PAYMENT_INTENT: IntentKind = {
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
const CONFIRMABLE: ReadonlyArray<Stripe.PaymentIntent.Status> = ['requires_payment_method', 'requires_confirmation'];

/**
 * Stripe's minimum charge amount applies to PaymentIntents created through the API. Internal callers
 * (invoices) only need a positive amount: Stripe's invoicing never charges below the minimum itself (it
 * carries such amounts to the customer balance), which is the caller's rule to apply (`minimumAmount`).
 */
function validateAmount(amount: number, currency: string, enforceMinimum = true): void {
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

function validateCurrency(currency: string): string {
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
  const pmRef = paymentMethodToConfirm(PAYMENT_INTENT, intent, CONFIRMABLE, input.paymentMethod, { payment_intent: intent });
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
function declineError(decline: DeclineOutcome, intent: Stripe.PaymentIntent) {
  return intentDeclineError(PAYMENT_INTENT, decline, intent, intent.last_payment_error?.payment_method, {
    charge: typeof intent.latest_charge === 'string' ? intent.latest_charge : undefined,
  });
}

const offSessionParam = p.stringOr(p.object({}));

function parseOffSession(value: string | object | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return true;
  if (value === 'true' || value === 'one_off' || value === 'recurring') return true;
  if (value === 'false') return false;
  throw invalidRequest(`Invalid off_session: ${value}`, { param: 'off_session' });
}

const shippingParams = p.unsupported();

const createShape = {
  amount: p.required(p.integer({ min: 0 })),
  currency: p.required(p.string()),
  customer: p.string(),
  description: p.string(),
  metadata: p.metadata(),
  payment_method: p.string(),
  payment_method_data: paymentMethodDataParams,
  payment_method_options: cardOptionsParams,
  payment_method_configuration: p.string(),
  automatic_payment_methods: automaticPaymentMethodsParams,
  allowed_payment_method_types: p.array(p.enumOf(['card'])),
  confirm: p.boolean(),
  off_session: offSessionParam,
  return_url: p.string(),
  receipt_email: p.string(),
  setup_future_usage: p.enumOf(['off_session', 'on_session']),
  capture_method: p.enumOf(['automatic', 'automatic_async', 'manual']),
  confirmation_method: p.enumOf(['automatic', 'manual']),
  statement_descriptor: p.string({ maxLength: 22 }),
  statement_descriptor_suffix: p.string({ maxLength: 22 }),
  error_on_requires_action: p.boolean(),
  use_stripe_sdk: p.boolean(),
  shipping: shippingParams,
  transfer_data: p.unsupported(),
  application_fee_amount: p.unsupported(),
  on_behalf_of: p.unsupported(),
} as const;

const confirmShape = {
  ...stripeJsNoiseParams,
  payment_method: p.string(),
  payment_method_data: paymentMethodDataParams,
  payment_method_options: cardOptionsParams,
  off_session: offSessionParam,
  return_url: p.string(),
  receipt_email: p.emptyable(p.string()),
  setup_future_usage: p.emptyable(p.enumOf(['off_session', 'on_session'])),
  error_on_requires_action: p.boolean(),
  mandate_data: p.unsupported(),
  shipping: shippingParams,
  capture_method: p.enumOf(['automatic', 'automatic_async', 'manual']),
} as const;

export function registerPaymentIntents(emu: Emulator): void {
  emu.objects.register({ object: 'payment_intent', prefix: 'pi', collection: paymentIntentsCollection });
  const { router, store } = emu;

  router.api('POST', '/v1/payment_intents', createShape, ({ params }) => {
    const offSession = parseOffSession(params.off_session);
    if (offSession && !params.confirm) {
      throw invalidRequest('off_session may only be used when confirm=true.', { param: 'off_session' });
    }
    assertOnePaymentMethodParam(params);
    if (params.automatic_payment_methods && params.allowed_payment_method_types) {
      throw invalidRequest('You may only specify one of these parameters: automatic_payment_methods, allowed_payment_method_types.', {
        param: 'allowed_payment_method_types',
      });
    }
    const currency = validateCurrency(params.currency);
    validateAmount(params.amount, currency);
    if (params.customer) requireCustomer(emu, params.customer);
    const pmId = paymentMethodFromParams(emu, params);
    let intent = createPaymentIntent(emu, {
      amount: params.amount,
      currency,
      customer: params.customer ?? null,
      description: params.description ?? null,
      metadata: params.metadata,
      paymentMethod: pmId ?? null,
      receiptEmail: params.receipt_email ?? null,
      setupFutureUsage: params.setup_future_usage ?? null,
      captureMethod: params.capture_method,
      statementDescriptor: params.statement_descriptor ?? null,
      statementDescriptorSuffix: params.statement_descriptor_suffix ?? null,
    });
    if (params.automatic_payment_methods?.enabled === false || params.allowed_payment_method_types) {
      intent = store.update(paymentIntentsCollection, intent.id, (cur) => ({
        ...cur,
        automatic_payment_methods: params.automatic_payment_methods ? { enabled: false } : null,
        allowed_payment_method_types: params.allowed_payment_method_types ?? null,
        payment_method_configuration_details: null,
      }));
    }
    if (!params.confirm) return intent;
    const result = confirmPaymentIntent(emu, intent.id, {
      offSession: offSession ?? false,
      returnUrl: params.return_url ?? null,
      useStripeSdk: params.use_stripe_sdk,
      errorOnRequiresAction: params.error_on_requires_action,
    });
    if (result.decline) throw declineError(result.decline, result.paymentIntent);
    return result.paymentIntent;
  });

  router.api(
    'GET',
    '/v1/payment_intents/:id',
    { client_secret: p.string() },
    (req) => {
      const intent = store.require(paymentIntentsCollection, req.path.id, 'payment_intent');
      checkClientSecret(PAYMENT_INTENT, req, intent);
      return intent;
    },
    { publishable: true },
  );

  router.api(
    'POST',
    '/v1/payment_intents/:id',
    {
      amount: p.integer({ min: 0 }),
      currency: p.string(),
      customer: p.string(),
      description: p.emptyable(p.string()),
      metadata: p.metadata(),
      payment_method: p.string(),
      receipt_email: p.emptyable(p.string()),
      setup_future_usage: p.emptyable(p.enumOf(['off_session', 'on_session'])),
      statement_descriptor: p.string({ maxLength: 22 }),
      statement_descriptor_suffix: p.string({ maxLength: 22 }),
      payment_method_options: cardOptionsParams,
      capture_method: p.enumOf(['automatic', 'automatic_async', 'manual']),
      shipping: shippingParams,
    },
    ({ path, params }) => {
      const before = store.require(paymentIntentsCollection, path.id, 'payment_intent');
      if (!CONFIRMABLE.includes(before.status) && before.status !== 'requires_action') {
        throw invalidRequest(`You cannot update this PaymentIntent because it has a status of ${before.status}.`, {
          code: 'payment_intent_unexpected_state',
        });
      }
      const currency = params.currency ? validateCurrency(params.currency) : before.currency;
      const amount = params.amount ?? before.amount;
      validateAmount(amount, currency);
      if (params.customer) requireCustomer(emu, params.customer);
      const pm = params.payment_method ? resolvePaymentMethod(emu, params.payment_method) : null;
      const after = store.update(paymentIntentsCollection, path.id, (cur) => ({
        ...cur,
        amount,
        currency,
        customer: params.customer ?? cur.customer,
        description: params.description !== undefined ? params.description : cur.description,
        metadata: applyMetadata(cur.metadata, params.metadata),
        payment_method: pm ? pm.id : cur.payment_method,
        receipt_email: params.receipt_email !== undefined ? params.receipt_email : cur.receipt_email,
        setup_future_usage: params.setup_future_usage !== undefined ? params.setup_future_usage : cur.setup_future_usage,
        statement_descriptor: params.statement_descriptor ?? cur.statement_descriptor,
        statement_descriptor_suffix: params.statement_descriptor_suffix ?? cur.statement_descriptor_suffix,
        capture_method: params.capture_method ?? cur.capture_method,
        status: pm ? 'requires_confirmation' : cur.status,
        next_action: pm ? null : cur.next_action,
      }));
      return after;
    },
  );

  router.api(
    'POST',
    '/v1/payment_intents/:id/confirm',
    confirmShape,
    (req) => {
      const { params, path } = req;
      const intent = store.require(paymentIntentsCollection, path.id, 'payment_intent');
      checkClientSecret(PAYMENT_INTENT, req, intent);
      assertOnePaymentMethodParam(params);
      const offSession = parseOffSession(params.off_session);
      if (req.auth.kind === 'publishable' && offSession) {
        throw invalidRequest('off_session cannot be used with a publishable key.', { param: 'off_session' });
      }
      if (params.capture_method) store.update(paymentIntentsCollection, path.id, (cur) => ({ ...cur, capture_method: params.capture_method ?? cur.capture_method }));
      const pmId = paymentMethodFromParams(emu, params);
      const result = confirmPaymentIntent(emu, path.id, {
        paymentMethod: pmId ?? null,
        offSession: offSession ?? false,
        returnUrl: params.return_url ?? null,
        useStripeSdk: params.use_stripe_sdk,
        setupFutureUsage: params.setup_future_usage,
        errorOnRequiresAction: params.error_on_requires_action,
        receiptEmail: params.receipt_email,
      });
      if (result.decline) throw declineError(result.decline, result.paymentIntent);
      return result.paymentIntent;
    },
    { publishable: true },
  );

  router.api(
    'POST',
    '/v1/payment_intents/:id/cancel',
    { cancellation_reason: p.enumOf(['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer']) },
    ({ path, params }) => cancelPaymentIntent(emu, path.id, params.cancellation_reason ?? 'requested_by_customer'),
  );

  router.api('POST', '/v1/payment_intents/:id/capture', { amount_to_capture: p.integer({ min: 1 }), metadata: p.metadata() }, ({ path, params }) => {
    const intent = store.require(paymentIntentsCollection, path.id, 'payment_intent');
    if (intent.status !== 'requires_capture') {
      throw invalidRequest(`This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`, {
        code: 'payment_intent_unexpected_state',
      });
    }
    const amount = params.amount_to_capture ?? intent.amount_capturable;
    if (amount > intent.amount_capturable) {
      throw invalidRequest('The amount to capture cannot exceed the capturable amount.', { param: 'amount_to_capture' });
    }
    if (typeof intent.latest_charge === 'string') captureCharge(emu, intent.latest_charge, amount);
    const after = store.update(paymentIntentsCollection, path.id, (cur) => ({
      ...cur,
      status: 'succeeded',
      amount_received: amount,
      amount_capturable: 0,
      metadata: applyMetadata(cur.metadata, params.metadata),
    }));
    emu.events.emit('payment_intent.succeeded', after);
    return after;
  });

  router.api(
    'GET',
    '/v1/payment_intents',
    { ...listParams, customer: p.string(), created: p.range(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(paymentIntentsCollection, (pi) => (!params.customer || pi.customer === params.customer) && matchesRange(pi.created, params.created)),
        params,
        urlPath,
      ),
  );
}
