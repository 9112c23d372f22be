// What confirming a PaymentIntent and a SetupIntent have in common: the confirmable-state and payment-method
// checks, the `requires_action` step (3D Secure), the card error recorded on the intent, the failed
// authentication error, the 402 answer for a decline and the client_secret check for publishable keys.
// Each resource keeps what Stripe does differently (charges and capture for payments, attaching the card for
// setups, the wording of a few messages) and passes it in through its `IntentKind`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { snapshot } from '../core/events.js';
import { StripeError, invalidRequest } from '../http/errors.js';
import type { Infer } from '../http/params.js';
import type { ApiRequest } from '../http/router.js';
import type { DeclineOutcome } from '../cards.js';
import { authenticationNextAction } from './card-outcomes.js';
import {
  cardDecline,
  createPaymentMethodFromData,
  paymentMethodDataParams,
  paymentMethodsCollection,
} from '../resources/payment-methods.js';

/** How one intent type words its errors (Stripe's own wording differs slightly between the two). */
export interface IntentKind {
  /** `PaymentIntent` / `SetupIntent`, as Stripe's messages name it. */
  label: 'PaymentIntent' | 'SetupIntent';
  /** `payment_intent` / `setup_intent`: the prefix of the error codes. */
  code: 'payment_intent' | 'setup_intent';
  /** The end of the "missing a payment method" message after "or confirm it again directly with ". */
  missingPaymentMethodTail: string;
  /** The message of `<code>_authentication_failure`. */
  authenticationFailureMessage: string;
}

type Expandable = string | { id: string } | null;

/** The id of an expandable field. */
export function idOf(ref: Expandable): string | null {
  return typeof ref === 'string' ? ref : (ref?.id ?? null);
}

interface ConfirmableIntent {
  status: string;
  payment_method: Expandable;
}

/**
 * Checks that the intent may be confirmed and names the payment method to confirm with (the one given, else the
 * intent's). `errorExtra` is added to the errors (Stripe includes the PaymentIntent in its errors).
 */
export function paymentMethodToConfirm(
  kind: IntentKind,
  intent: ConfirmableIntent,
  confirmable: ReadonlyArray<string>,
  given: string | null | undefined,
  errorExtra: Record<string, unknown> = {},
): string {
  if (!confirmable.includes(intent.status)) {
    throw invalidRequest(
      `You cannot confirm this ${kind.label} because it has a status of ${intent.status}. Only a ${kind.label} with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.`,
      { code: `${kind.code}_unexpected_state`, ...errorExtra },
    );
  }
  const ref = given ?? idOf(intent.payment_method);
  if (!ref) {
    throw invalidRequest(
      `You cannot confirm this ${kind.label} because it's missing a payment method. You can either update the ${kind.label} with a payment method and then confirm it again, or confirm it again directly with ${kind.missingPaymentMethodTail}`,
      { code: `${kind.code}_unexpected_state`, ...errorExtra },
    );
  }
  return ref;
}

/** The `next_action` and status of an intent waiting for the customer to authenticate. */
export function requiresAction(
  emu: Emulator,
  intentId: string,
  input: { returnUrl?: string | null; useStripeSdk?: boolean },
): { status: 'requires_action'; next_action: ReturnType<typeof authenticationNextAction> } {
  return {
    status: 'requires_action',
    next_action: authenticationNextAction(intentId, input.returnUrl ?? null, input.useStripeSdk ?? !input.returnUrl),
  };
}

/** The fields of `last_payment_error` / `last_setup_error` both intents record for a declined card. */
export function cardErrorFields(decline: DeclineOutcome, pm: Stripe.PaymentMethod) {
  return {
    type: 'card_error' as const,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
    payment_method: pm,
    payment_method_type: 'card',
  };
}

/** The error recorded when the customer fails the 3D Secure challenge. */
export function authenticationFailureError(kind: IntentKind, pm: Stripe.PaymentMethod) {
  const code = `${kind.code}_authentication_failure` as const;
  return {
    type: 'invalid_request_error' as const,
    code,
    message: kind.authenticationFailureMessage,
    doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`,
    payment_method: pm,
    payment_method_type: 'card',
  };
}

/** The payment method of an intent in `requires_action`, or 400 if it is not waiting for authentication. */
export function requireAuthenticating(emu: Emulator, kind: IntentKind, intent: ConfirmableIntent): Stripe.PaymentMethod {
  if (intent.status !== 'requires_action') {
    throw invalidRequest(`This ${kind.label} is ${intent.status}, not waiting for authentication.`, { code: `${kind.code}_unexpected_state` });
  }
  return emu.store.require(paymentMethodsCollection, idOf(intent.payment_method) ?? '', 'PaymentMethod');
}

/**
 * The 402 a confirmation route answers for a declined card. The intent keeps its error (`keepChanges`);
 * the body names the intent (`payment_intent` / `setup_intent`) and its payment method, as Stripe's does.
 */
export function intentDeclineError(
  kind: IntentKind,
  decline: DeclineOutcome,
  intent: Stripe.PaymentIntent | Stripe.SetupIntent,
  paymentMethod: Stripe.PaymentMethod | undefined,
  extra: Record<string, unknown> = {},
): StripeError {
  const err = cardDecline(decline);
  return new StripeError(402, 'card_error', err.message, {
    ...err.extra,
    keepChanges: true,
    ...extra,
    [kind.code]: snapshot(intent),
    payment_method: paymentMethod,
  });
}

/** With a publishable key (or whenever one is given), the caller must prove it holds the intent's client secret. */
export function checkClientSecret(kind: IntentKind, req: ApiRequest<{ client_secret?: string }>, intent: { client_secret: string | null }): void {
  if (req.auth.kind !== 'publishable' && req.params.client_secret === undefined) return;
  if (req.params.client_secret !== intent.client_secret) {
    throw invalidRequest(`The client_secret provided does not match the client_secret associated with the ${kind.label}.`, {
      code: `${kind.code}_invalid_parameter`,
      param: 'client_secret',
    });
  }
}

/**
 * The payment method id of a create/confirm request: `payment_method` (not resolved here: the confirmation
 * resolves it after its state checks) or a new one from `payment_method_data`; never both.
 */
export function paymentMethodFromParams(
  emu: Emulator,
  params: { payment_method?: string; payment_method_data?: Infer<typeof paymentMethodDataParams> },
): string | undefined {
  assertOnePaymentMethodParam(params);
  return params.payment_method_data ? createPaymentMethodFromData(emu, params.payment_method_data).id : params.payment_method;
}

export function assertOnePaymentMethodParam(params: { payment_method?: string; payment_method_data?: object }): void {
  if (params.payment_method && params.payment_method_data) {
    throw invalidRequest('You cannot specify both payment_method and payment_method_data.', { param: 'payment_method_data' });
  }
}
