// The SetupIntent state machine (its routes are in resources/setup-intents.ts): a successful setup with a
// customer attaches the payment method; authentication cards go to requires_action; declines leave
// `last_setup_error`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { clientSecret, newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import type { DeclineOutcome } from '../cards.js';
import {
  PAYMENT_METHOD_CONFIGURATION_ID,
  evaluateCard,
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

export const setupIntentsCollection = defineCollection<Stripe.SetupIntent>('setup_intents');

export const CONFIRMABLE_SETUP_INTENT: ReadonlyArray<Stripe.SetupIntent.Status> = ['requires_payment_method', 'requires_confirmation'];
const CANCELABLE: ReadonlyArray<Stripe.SetupIntent.Status> = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export const SETUP_INTENT: IntentKind = {
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
  const pm = resolvePaymentMethod(emu, paymentMethodToConfirm(SETUP_INTENT, intent, CONFIRMABLE_SETUP_INTENT, input.paymentMethod));
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

export function setupIntentDeclineError(decline: DeclineOutcome, intent: Stripe.SetupIntent) {
  return intentDeclineError(SETUP_INTENT, decline, intent, intent.last_setup_error?.payment_method);
}


/** Cancels a SetupIntent (from any state but succeeded/canceled). Emits setup_intent.canceled. */
export function cancelSetupIntent(emu: Emulator, id: string, reason: Stripe.SetupIntent.CancellationReason | null): Stripe.SetupIntent {
  const intent = emu.store.require(setupIntentsCollection, id, 'setup_intent');
  if (!CANCELABLE.includes(intent.status)) {
    throw invalidRequest(
      `You cannot cancel this SetupIntent because it has a status of ${intent.status}. Only a SetupIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      { code: 'setup_intent_unexpected_state' },
    );
  }
  const after = emu.store.update(setupIntentsCollection, id, (cur) => ({ ...cur, status: 'canceled', cancellation_reason: reason, next_action: null }));
  emu.events.emit('setup_intent.canceled', after);
  return after;
}
