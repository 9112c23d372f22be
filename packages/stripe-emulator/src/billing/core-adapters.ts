// Adapters from the core's resource modules (payment intents, payment methods, catalogue) to the billing ports.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  paymentIntentsCollection,
} from '../resources/payment-intents.js';
import { paymentMethodsCollection } from '../resources/payment-methods.js';
import { setupIntentsCollection } from '../resources/setup-intents.js';
import { PAYMENT_METHOD_CONFIGURATION_ID } from '../resources/card-outcomes.js';
import { clientSecret, newId } from '../core/ids.js';
import type { Full } from '../core/types.js';
import { priceAmountIn, retrievePrice } from '../resources/prices.js';
import { productsCollection } from '../resources/products.js';
import { couponsCollection, couponTerms, redeemCoupon, retrieveCoupon } from '../resources/coupons.js';
import { assertPromotionCodeUsable, redeemPromotionCode, retrievePromotionCode } from '../resources/promotion-codes.js';
import type { CatalogPort, PaymentsPort } from './ports.js';

// The catalogue collections, by the names the catalogue modules store them under.

const CONFIRMABLE = new Set(['requires_payment_method', 'requires_confirmation']);

export function buildPaymentsPort(emu: Emulator): PaymentsPort {
  return {
    createPaymentIntent(request) {
      const intent = createPaymentIntent(emu, {
        amount: request.amount,
        currency: request.currency,
        customer: request.customer,
        description: request.description,
        metadata: request.metadata,
        paymentMethod: request.paymentMethod,
        setupFutureUsage: request.setupFutureUsage,
      });
      if (!request.confirm || !request.paymentMethod) return intent;
      return confirmPaymentIntent(emu, intent.id, { paymentMethod: request.paymentMethod, offSession: request.offSession }).paymentIntent;
    },
    confirmPaymentIntent(id, paymentMethod, offSession) {
      const current = emu.store.require(paymentIntentsCollection, id, 'payment_intent');
      if (!CONFIRMABLE.has(current.status)) return current;
      return confirmPaymentIntent(emu, id, { paymentMethod, offSession }).paymentIntent;
    },
    retrievePaymentIntent: (id) => emu.store.get(paymentIntentsCollection, id),
    cancelPaymentIntent(id) {
      cancelPaymentIntent(emu, id, 'abandoned');
    },
    retrievePaymentMethod: (id) => emu.store.get(paymentMethodsCollection, id),
    createSetupIntent(customer, metadata) {
      // The same object POST /v1/setup_intents creates for `{ customer, usage: off_session }`.
      const id = newId('seti');
      const intent = {
        id,
        object: 'setup_intent',
        allowed_payment_method_types: null,
        application: null,
        automatic_payment_methods: { allow_redirects: 'always', enabled: true },
        cancellation_reason: null,
        client_secret: clientSecret(id),
        created: emu.clock.now(customer),
        customer,
        customer_account: null,
        description: null,
        excluded_payment_method_types: null,
        flow_directions: null,
        last_setup_error: null,
        latest_attempt: null,
        livemode: false,
        mandate: null,
        metadata,
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_configuration_details: { id: PAYMENT_METHOD_CONFIGURATION_ID, parent: null },
        payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
        payment_method_types: ['card'],
        single_use_mandate: null,
        status: 'requires_payment_method',
        usage: 'off_session',
      } satisfies Full<Stripe.SetupIntent, 'attach_to_self' | 'managed_payments'>;
      emu.store.insert(setupIntentsCollection, intent);
      emu.events.emit('setup_intent.created', intent);
      return intent;
    },
  };
}

export function buildCatalogPort(emu: Emulator): CatalogPort {
  const { store } = emu;
  return {
    price: (id, param) => retrievePrice(emu, id, param),
    unitAmount(priceId, currency) {
      const found = priceAmountIn(emu, priceId, currency);
      if (!found) return null;
      return { amount: found.unitAmount, decimal: found.unitAmountDecimal, tiered: found.tiers !== null && found.tiers.length > 0 };
    },
    product: (id) => store.get(productsCollection, id),
    coupon: (id, param) => retrieveCoupon(emu, id, param),
    couponTerms(id) {
      const stored = store.get(couponsCollection, id);
      if (!stored) return null;
      const terms = couponTerms(emu, id);
      const options: Record<string, { amount_off: number }> = {};
      for (const [currency, amount] of Object.entries(terms.amountOffByCurrency)) options[currency] = { amount_off: amount };
      return {
        id,
        percent_off: terms.percentOff,
        amount_off: stored.amount_off,
        currency: stored.currency,
        currency_options: options,
        duration: stored.duration === 'once' ? 'once' : stored.duration === 'repeating' ? 'repeating' : 'forever',
        duration_in_months: stored.duration_in_months,
        applies_to: terms.appliesToProducts ? { products: terms.appliesToProducts } : null,
      };
    },
    promotionCode(id, param, use) {
      assertPromotionCodeUsable(emu, id, { ...use, firstTimeTransaction: true }, param);
      return retrievePromotionCode(emu, id, param);
    },
    redeem(couponId, promotionCodeId) {
      if (store.has(couponsCollection, couponId)) redeemCoupon(emu, couponId);
      if (promotionCodeId) redeemPromotionCode(emu, promotionCodeId);
    },
  };
}

export { paymentIntentsCollection };
