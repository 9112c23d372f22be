// Adapters from the core's resource modules (payment intents, payment methods, catalogue) to the billing ports.
import type { Emulator } from '../emulator.js';
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  paymentIntentsCollection,
} from '../payments/payment-intents.js';
import { paymentMethodsCollection } from '../resources/payment-methods.js';
import { createSetupIntent } from '../payments/setup-intents.js';
import { priceAmountIn, retrievePrice } from '../resources/prices.js';
import { resolveTaxRates, retrieveTaxRate } from '../catalog/tax-rate-store.js';
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
    // The same object POST /v1/setup_intents creates for `{ customer, usage: off_session }`.
    createSetupIntent: (customer, metadata) => createSetupIntent(emu, { customer, metadata, usage: 'off_session' }),
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
    taxRate: (id, param) => retrieveTaxRate(emu.store, id, param),
    taxRates: (ids, param) => resolveTaxRates(emu.store, ids, param),
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
