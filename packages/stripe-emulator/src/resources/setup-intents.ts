// SetupIntents: /v1/setup_intents create, retrieve, update, confirm, cancel, list. A successful setup with a
// customer attaches the payment method; authentication cards go to requires_action; declines answer 402 and
// leave `last_setup_error`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { clientSecret, newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import type { DeclineOutcome } from '../cards.js';
import { requireCustomer } from './customers.js';
import {
  PAYMENT_METHOD_CONFIGURATION_ID,
  automaticPaymentMethodsParams,
  cardOptionsParams,
  evaluateCard,
  stripeJsNoiseParams,
} from './card-outcomes.js';
import {
  type IntentKind,
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

export const setupIntentsCollection = defineCollection<Stripe.SetupIntent>('setup_intents');

const CONFIRMABLE: ReadonlyArray<Stripe.SetupIntent.Status> = ['requires_payment_method', 'requires_confirmation'];
const CANCELABLE: ReadonlyArray<Stripe.SetupIntent.Status> = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

const SETUP_INTENT: IntentKind = {
  label: 'SetupIntent',
  code: 'setup_intent',
  missingPaymentMethodTail: 'a payment method.',
  authenticationFailureMessage:
    'The latest attempt to set up the payment method has failed because authentication failed. You can provide payment_method_data or a new PaymentMethod to attempt to set up again.',
};

function customerOf(intent: Stripe.SetupIntent): string | null {
  return idOf(intent.customer);
}

function setupError(decline: DeclineOutcome, pm: Stripe.PaymentMethod): Stripe.SetupIntent.LastSetupError {
  return cardErrorFields(decline, pm);
}

export interface SetupConfirmResult {
  setupIntent: Stripe.SetupIntent;
  decline: DeclineOutcome | null;
}

function succeed(emu: Emulator, intent: Stripe.SetupIntent, pm: Stripe.PaymentMethod): Stripe.SetupIntent {
  const customer = customerOf(intent);
  if (customer && !pm.customer) attachPaymentMethod(emu, pm.id, customer);
  if (intent.usage === 'off_session') markSetUp(emu, pm.id);
  const after = emu.store.update(setupIntentsCollection, intent.id, (cur) => ({
    ...cur,
    status: 'succeeded',
    payment_method: pm.id,
    next_action: null,
    last_setup_error: null,
  }));
  emu.events.emit('setup_intent.succeeded', after);
  return after;
}

function fail(emu: Emulator, intent: Stripe.SetupIntent, error: Stripe.SetupIntent.LastSetupError): Stripe.SetupIntent {
  const after = emu.store.update(setupIntentsCollection, intent.id, (cur) => ({
    ...cur,
    status: 'requires_payment_method',
    next_action: null,
    last_setup_error: error,
  }));
  emu.events.emit('setup_intent.setup_failed', after);
  return after;
}

export interface CreateSetupIntentInput {
  customer: string | null;
  description?: string | null;
  metadata?: Record<string, string> | null;
  paymentMethod?: string | null;
  /** Set when the caller chose the payment method types itself (no automatic payment methods then). */
  allowedPaymentMethodTypes?: Array<'card'> | null;
  automaticPaymentMethods?: { allow_redirects?: 'always' | 'never'; enabled?: boolean } | null;
  flowDirections?: Array<'inbound' | 'outbound'> | null;
  requestThreeDSecure?: 'any' | 'automatic' | 'challenge';
  usage?: 'off_session' | 'on_session';
}

/**
 * Creates a SetupIntent (not confirmed) and emits setup_intent.created. The caller has validated its
 * references (customer, payment method); billing uses it for a subscription's `pending_setup_intent`.
 */
export function createSetupIntent(emu: Emulator, input: CreateSetupIntentInput): Stripe.SetupIntent {
  const id = newId('seti');
  const explicitTypes = input.allowedPaymentMethodTypes !== undefined && input.allowedPaymentMethodTypes !== null;
  const intent = {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: input.allowedPaymentMethodTypes ?? null,
    application: null,
    automatic_payment_methods: explicitTypes
      ? null
      : { allow_redirects: input.automaticPaymentMethods?.allow_redirects ?? 'always', enabled: input.automaticPaymentMethods?.enabled ?? true },
    cancellation_reason: null,
    client_secret: clientSecret(id),
    created: emu.clock.now(input.customer),
    customer: input.customer,
    customer_account: null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    flow_directions: input.flowDirections ?? null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: applyMetadata({}, input.metadata),
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod ?? null,
    payment_method_configuration_details: explicitTypes ? null : { id: PAYMENT_METHOD_CONFIGURATION_ID, parent: null },
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: input.requestThreeDSecure ?? 'automatic' },
    },
    payment_method_types: ['card'],
    single_use_mandate: null,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    usage: input.usage ?? 'off_session',
  } satisfies Full<Stripe.SetupIntent, 'attach_to_self' | 'managed_payments'>;
  emu.store.insert(setupIntentsCollection, intent);
  emu.events.emit('setup_intent.created', intent);
  return intent;
}

/** Confirms a SetupIntent. Declines come back in the result (the intent keeps `last_setup_error`). */
export function confirmSetupIntent(
  emu: Emulator,
  id: string,
  input: { paymentMethod?: string | null; returnUrl?: string | null; useStripeSdk?: boolean } = {},
): SetupConfirmResult {
  const intent = emu.store.require(setupIntentsCollection, id, 'setup_intent');
  const pm = resolvePaymentMethod(emu, paymentMethodToConfirm(SETUP_INTENT, intent, CONFIRMABLE, input.paymentMethod));
  const customer = customerOf(intent);
  if (pm.customer && pm.customer !== customer) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      code: 'payment_method_unexpected_state',
      param: 'payment_method',
    });
  }
  const withPm = emu.store.update(setupIntentsCollection, id, (cur) => ({ ...cur, payment_method: pm.id, last_setup_error: null }));
  const outcome = evaluateCard(emu, pm.id, { attempt: 'setup', offSession: false, authenticated: false });
  if (outcome.kind === 'declined') return { setupIntent: fail(emu, withPm, setupError(outcome.decline, pm)), decline: outcome.decline };
  if (outcome.kind === 'requires_action') {
    const after = emu.store.update(setupIntentsCollection, id, (cur) => ({ ...cur, ...requiresAction(emu, id, input) }));
    emu.events.emit('setup_intent.requires_action', after);
    return { setupIntent: after, decline: null };
  }
  return { setupIntent: succeed(emu, withPm, pm), decline: null };
}

/** Completes or fails the 3D Secure challenge of a SetupIntent in requires_action. */
export function completeSetupIntentAuthentication(emu: Emulator, id: string, outcome: 'succeed' | 'fail'): SetupConfirmResult {
  const intent = emu.store.require(setupIntentsCollection, id, 'setup_intent');
  const pm = requireAuthenticating(emu, SETUP_INTENT, intent);
  if (outcome === 'fail') return { setupIntent: fail(emu, intent, authenticationFailureError(SETUP_INTENT, pm)), decline: null };
  const result = evaluateCard(emu, pm.id, { attempt: 'setup', offSession: false, authenticated: true });
  if (result.kind === 'declined') return { setupIntent: fail(emu, intent, setupError(result.decline, pm)), decline: result.decline };
  return { setupIntent: succeed(emu, intent, pm), decline: null };
}

function declineError(decline: DeclineOutcome, intent: Stripe.SetupIntent) {
  return intentDeclineError(SETUP_INTENT, decline, intent, intent.last_setup_error?.payment_method);
}

export function registerSetupIntents(emu: Emulator): void {
  emu.objects.register({ object: 'setup_intent', prefix: 'seti', collection: setupIntentsCollection });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/setup_intents',
    {
      customer: p.string(),
      description: p.string(),
      metadata: p.metadata(),
      payment_method: p.string(),
      payment_method_data: paymentMethodDataParams,
      payment_method_options: cardOptionsParams,
      payment_method_configuration: p.string(),
      automatic_payment_methods: automaticPaymentMethodsParams,
      allowed_payment_method_types: p.array(p.enumOf(['card'])),
      usage: p.enumOf(['off_session', 'on_session']),
      confirm: p.boolean(),
      return_url: p.string(),
      use_stripe_sdk: p.boolean(),
      attach_to_self: p.unsupported(),
      flow_directions: p.array(p.enumOf(['inbound', 'outbound'])),
      mandate_data: p.unsupported(),
      single_use: p.unsupported(),
      on_behalf_of: p.unsupported(),
      customer_account: p.unsupported(),
    },
    ({ params }) => {
      if (params.customer) requireCustomer(emu, params.customer);
      const pmId = paymentMethodFromParams(emu, params);
      const pm = pmId ? resolvePaymentMethod(emu, pmId) : null;
      const intent = createSetupIntent(emu, {
        customer: params.customer ?? null,
        description: params.description ?? null,
        metadata: params.metadata,
        paymentMethod: pm?.id ?? null,
        allowedPaymentMethodTypes: params.allowed_payment_method_types,
        automaticPaymentMethods: params.automatic_payment_methods,
        flowDirections: params.flow_directions ?? null,
        requestThreeDSecure: params.payment_method_options?.card?.request_three_d_secure,
        usage: params.usage,
      });
      const id = intent.id;
      if (!params.confirm) return intent;
      const result = confirmSetupIntent(emu, id, { returnUrl: params.return_url ?? null, useStripeSdk: params.use_stripe_sdk });
      if (result.decline) throw declineError(result.decline, result.setupIntent);
      return result.setupIntent;
    },
  );

  router.api(
    'GET',
    '/v1/setup_intents/:id',
    { client_secret: p.string() },
    (req) => {
      const intent = store.require(setupIntentsCollection, req.path.id, 'setup_intent');
      checkClientSecret(SETUP_INTENT, req, intent);
      return intent;
    },
    { publishable: true },
  );

  router.api(
    'POST',
    '/v1/setup_intents/:id',
    {
      customer: p.string(),
      description: p.emptyable(p.string()),
      metadata: p.metadata(),
      payment_method: p.string(),
      payment_method_options: cardOptionsParams,
      flow_directions: p.array(p.enumOf(['inbound', 'outbound'])),
    },
    ({ path, params }) => {
      const before = store.require(setupIntentsCollection, path.id, 'setup_intent');
      if (!CONFIRMABLE.includes(before.status)) {
        throw invalidRequest(`You cannot update this SetupIntent because it has a status of ${before.status}.`, { code: 'setup_intent_unexpected_state' });
      }
      if (params.customer) requireCustomer(emu, params.customer);
      const pm = params.payment_method ? resolvePaymentMethod(emu, params.payment_method) : null;
      return store.update(setupIntentsCollection, path.id, (cur) => ({
        ...cur,
        customer: params.customer ?? cur.customer,
        description: params.description !== undefined ? params.description : cur.description,
        metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
        payment_method: pm ? pm.id : cur.payment_method,
        flow_directions: params.flow_directions ?? cur.flow_directions,
        status: pm ? 'requires_confirmation' : cur.status,
      }));
    },
  );

  router.api(
    'POST',
    '/v1/setup_intents/:id/confirm',
    {
      ...stripeJsNoiseParams,
      payment_method: p.string(),
      payment_method_data: paymentMethodDataParams,
      payment_method_options: cardOptionsParams,
      return_url: p.string(),
      mandate_data: p.unsupported(),
    },
    (req) => {
      const { params, path } = req;
      const intent = store.require(setupIntentsCollection, path.id, 'setup_intent');
      checkClientSecret(SETUP_INTENT, req, intent);
      const pmId = paymentMethodFromParams(emu, params);
      const result = confirmSetupIntent(emu, path.id, { paymentMethod: pmId ?? null, returnUrl: params.return_url ?? null, useStripeSdk: params.use_stripe_sdk });
      if (result.decline) throw declineError(result.decline, result.setupIntent);
      return result.setupIntent;
    },
    { publishable: true },
  );

  router.api(
    'POST',
    '/v1/setup_intents/:id/cancel',
    { cancellation_reason: p.enumOf(['abandoned', 'duplicate', 'requested_by_customer']) },
    ({ path, params }) => {
      const intent = store.require(setupIntentsCollection, path.id, 'setup_intent');
      if (!CANCELABLE.includes(intent.status)) {
        throw invalidRequest(
          `You cannot cancel this SetupIntent because it has a status of ${intent.status}. Only a SetupIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
          { code: 'setup_intent_unexpected_state' },
        );
      }
      const after = store.update(setupIntentsCollection, path.id, (cur) => ({
        ...cur,
        status: 'canceled',
        cancellation_reason: params.cancellation_reason ?? null,
        next_action: null,
      }));
      emu.events.emit('setup_intent.canceled', after);
      return after;
    },
  );

  router.api(
    'GET',
    '/v1/setup_intents',
    { ...listParams, customer: p.string(), payment_method: p.string(), created: p.range(), attach_to_self: p.boolean(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          setupIntentsCollection,
          (si) =>
            (!params.customer || si.customer === params.customer) &&
            (!params.payment_method || si.payment_method === params.payment_method) &&
            matchesRange(si.created, params.created),
        ),
        params,
        urlPath,
      ),
  );
}
