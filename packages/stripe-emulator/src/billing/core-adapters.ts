// Adapters from the core's resource modules (payment intents, payment methods, catalogue) to the billing ports.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { resourceMissing } from '../http/errors.js';
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  paymentIntentsCollection,
} from '../resources/payment-intents.js';
import { paymentMethodsCollection } from '../resources/payment-methods.js';
import { priceAmountIn, retrievePrice } from '../resources/prices.js';
import type { CatalogPort, PaymentsPort } from './ports.js';

// The catalogue collections, by the names the catalogue modules store them under.
const productsCollection = defineCollection<Stripe.Product>('products');
const couponsCollection = defineCollection<Stripe.Coupon>('coupons');
const promotionCodesCollection = defineCollection<Stripe.PromotionCode>('promotion_codes');

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
    coupon(id, param) {
      const coupon = store.get(couponsCollection, id);
      if (!coupon) throw resourceMissing('coupon', id, param);
      return coupon;
    },
    promotionCode(id, param) {
      const promo = store.get(promotionCodesCollection, id);
      if (!promo) throw resourceMissing('promotion code', id, param);
      return promo;
    },
    redeem(couponId, promotionCodeId) {
      if (store.has(couponsCollection, couponId)) {
        store.update(couponsCollection, couponId, (c) => {
          const times = c.times_redeemed + 1;
          return { ...c, times_redeemed: times, valid: c.max_redemptions === null || times < c.max_redemptions ? c.valid : false };
        });
      }
      if (promotionCodeId && store.has(promotionCodesCollection, promotionCodeId)) {
        store.update(promotionCodesCollection, promotionCodeId, (p) => ({ ...p, times_redeemed: p.times_redeemed + 1 }));
      }
    },
  };
}

export { paymentIntentsCollection };
