// SetupIntents: /v1/setup_intents create, retrieve, update, confirm, cancel, list — HTTP only. The state machine
// is src/payments/setup-intents.ts.
import type { Emulator } from '../emulator.js';
import { applyMetadata } from '../core/metadata.js';
import { invalidRequest } from '../http/errors.js';
import { p } from '../http/params.js';
import { requireCustomer } from './customers.js';
import { automaticPaymentMethodsParams, cardOptionsParams, stripeJsNoiseParams } from '../payments/card-outcomes.js';
import { paymentMethodFromParams } from '../payments/intent-confirmation.js';
import { registerIntentRoutes } from './intent-routes.js';
import {
  CONFIRMABLE_SETUP_INTENT,
  SETUP_INTENT,
  cancelSetupIntent,
  confirmSetupIntent,
  createSetupIntent,
  setupIntentDeclineError,
  setupIntentsCollection,
} from '../payments/setup-intents.js';
import { paymentMethodDataParams, resolvePaymentMethod } from './payment-methods.js';

export { setupIntentsCollection } from '../payments/setup-intents.js';

export function registerSetupIntents(emu: Emulator): void {
  const { router, store } = emu;
  registerIntentRoutes(emu, {
    resource: 'setup_intents',
    object: 'setup_intent',
    prefix: 'seti',
    collection: setupIntentsCollection,
    kind: SETUP_INTENT,
    confirmShape: {
      ...stripeJsNoiseParams,
      payment_method: p.string(),
      payment_method_data: paymentMethodDataParams,
      payment_method_options: cardOptionsParams,
      return_url: p.string(),
      mandate_data: p.unsupported(),
    },
    confirm: ({ params, path }) => {
      const pmId = paymentMethodFromParams(emu, params);
      const result = confirmSetupIntent(emu, path.id, { paymentMethod: pmId ?? null, returnUrl: params.return_url ?? null, useStripeSdk: params.use_stripe_sdk });
      if (result.decline) throw setupIntentDeclineError(result.decline, result.setupIntent);
      return result.setupIntent;
    },
    cancellationReasons: ['abandoned', 'duplicate', 'requested_by_customer'],
    cancel: (id, reason) => cancelSetupIntent(emu, id, reason ?? null),
    listShape: { payment_method: p.string(), attach_to_self: p.boolean() },
    listFilter: (si, params) => !params.payment_method || si.payment_method === params.payment_method,
  });

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
      if (result.decline) throw setupIntentDeclineError(result.decline, result.setupIntent);
      return result.setupIntent;
    },
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
      if (!CONFIRMABLE_SETUP_INTENT.includes(before.status)) {
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
}
