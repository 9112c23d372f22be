// PaymentIntents: /v1/payment_intents create, retrieve, update, confirm, cancel, capture, list — HTTP only (params,
// client-secret checks, 402 bodies). The state machine is src/payments/payment-intents.ts.
import type { Emulator } from '../emulator.js';
import { applyMetadata } from '../core/metadata.js';
import { invalidRequest } from '../http/errors.js';
import { p } from '../http/params.js';
import { requireCustomer } from './customers.js';
import { automaticPaymentMethodsParams, cardOptionsParams, stripeJsNoiseParams } from '../payments/card-outcomes.js';
import { assertOnePaymentMethodParam, paymentMethodFromParams } from '../payments/intent-confirmation.js';
import { registerIntentRoutes } from './intent-routes.js';
import {
  CONFIRMABLE_PAYMENT_INTENT,
  PAYMENT_INTENT,
  cancelPaymentIntent,
  capturePaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  paymentIntentDeclineError,
  paymentIntentsCollection,
  validateAmount,
  validateCurrency,
} from '../payments/payment-intents.js';
import { paymentMethodDataParams, resolvePaymentMethod } from './payment-methods.js';

export { paymentIntentsCollection } from '../payments/payment-intents.js';

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
  const { router, store } = emu;
  registerIntentRoutes(emu, {
    resource: 'payment_intents',
    object: 'payment_intent',
    prefix: 'pi',
    collection: paymentIntentsCollection,
    kind: PAYMENT_INTENT,
    confirmShape,
    confirm: (req) => {
      const { params, path } = req;
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
      if (result.decline) throw paymentIntentDeclineError(result.decline, result.paymentIntent);
      return result.paymentIntent;
    },
    cancellationReasons: ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'],
    cancel: (id, reason) => cancelPaymentIntent(emu, id, reason ?? 'requested_by_customer'),
    listShape: {},
    listFilter: () => true,
  });

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
    if (result.decline) throw paymentIntentDeclineError(result.decline, result.paymentIntent);
    return result.paymentIntent;
  });

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
      if (!CONFIRMABLE_PAYMENT_INTENT.includes(before.status) && before.status !== 'requires_action') {
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

  router.api('POST', '/v1/payment_intents/:id/capture', { amount_to_capture: p.integer({ min: 1 }), metadata: p.metadata() }, ({ path, params }) =>
    capturePaymentIntent(emu, path.id, params.amount_to_capture, params.metadata),
  );
}
