// Payment methods (cards only): /v1/payment_methods create, retrieve, update, list, attach, detach, and
// /v1/customers/:id/payment_methods. Cards come from Stripe's test numbers or test tokens (pm_card_visa...).
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { customersCollection } from '../core/collections.js';
import { defineCollection } from '../core/store.js';
import { diffAttributes } from '../core/events.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { StripeError, invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { addressParams, listParams, p, type Infer } from '../http/params.js';
import {
  DISPLAY_BRAND,
  INCORRECT_NUMBER,
  LIVE_CARD_IN_TEST_MODE,
  brandOfNumber,
  luhnValid,
  testCardByNumber,
  testCardByToken,
  type DeclineOutcome,
  type TestCard,
} from '../cards.js';

export const paymentMethodsCollection = defineCollection<Stripe.PaymentMethod>('payment_methods');

/** Emulator-only facts about a card payment method: which test card it is and whether it was set up. */
export interface CardSecret {
  /** The payment method id. */
  id: string;
  number: string;
  /** True once a SetupIntent (or an on-session payment with setup_future_usage) authenticated it for reuse. */
  setUp: boolean;
  /** True once detached from a customer: Stripe refuses to attach or confirm with it again. */
  detached?: boolean;
}
export const cardSecretsCollection = defineCollection<CardSecret>('_card_secrets');

/** The serialised fields of a card payment method (others Stripe only sends for other types). */
type CardPaymentMethodFields =
  | 'id'
  | 'object'
  | 'allow_redisplay'
  | 'billing_details'
  | 'card'
  | 'created'
  | 'customer'
  | 'customer_account'
  | 'livemode'
  | 'metadata'
  | 'type';
type CardPaymentMethod = { [K in CardPaymentMethodFields]-?: Stripe.PaymentMethod[K] };

export function cardDecline(outcome: DeclineOutcome, param?: string): StripeError {
  return new StripeError(402, 'card_error', outcome.message, { code: outcome.code, decline_code: outcome.declineCode, param });
}

const cardParams = p.object({
  number: p.string(),
  exp_month: p.integer(),
  exp_year: p.integer(),
  cvc: p.string(),
  token: p.string(),
  networks: p.object({ preferred: p.enumOf(['cartes_bancaires', 'mastercard', 'visa']) }),
});

const billingDetailsParams = p.object({
  address: p.emptyable(addressParams),
  email: p.emptyable(p.string()),
  name: p.emptyable(p.string()),
  phone: p.emptyable(p.string()),
  tax_id: p.string(),
});

type BillingDetailsInput = Infer<typeof billingDetailsParams>;

function billingDetails(input: BillingDetailsInput | undefined, current?: Stripe.PaymentMethod.BillingDetails): Stripe.PaymentMethod.BillingDetails {
  const base: Stripe.PaymentMethod.BillingDetails = current ?? {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
  if (!input) return base;
  const address = input.address === undefined ? base.address : input.address === null ? null : {
    city: input.address.city ?? null,
    country: input.address.country ?? null,
    line1: input.address.line1 ?? null,
    line2: input.address.line2 ?? null,
    postal_code: input.address.postal_code ?? null,
    state: input.address.state ?? null,
  };
  return {
    address,
    email: input.email !== undefined ? input.email : base.email,
    name: input.name !== undefined ? input.name : base.name,
    phone: input.phone !== undefined ? input.phone : base.phone,
    tax_id: input.tax_id !== undefined ? input.tax_id : base.tax_id,
  };
}

function fingerprint(number: string): string {
  return createHash('sha256').update(`seikyu-emulator:${number}`).digest('base64url').slice(0, 16);
}

function currentYearMonth(): { year: number; month: number } {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Resolves raw card input to a test card, or throws Stripe's card error. */
function resolveCardInput(input: Infer<typeof cardParams>, prefix = 'card'): { card: TestCard; expMonth: number; expYear: number } {
  const now = currentYearMonth();
  if (input.token) {
    const card = testCardByToken(input.token);
    if (!card) throw resourceMissing('token', input.token, `${prefix}[token]`);
    return { card, expMonth: input.exp_month ?? now.month, expYear: input.exp_year ?? now.year + 3 };
  }
  if (!input.number) throw invalidRequest(`Missing required param: ${prefix}[number].`, { code: 'parameter_missing', param: `${prefix}[number]` });
  const number = input.number.replace(/[\s-]/g, '');
  if (input.exp_month === undefined) throw invalidRequest(`Missing required param: ${prefix}[exp_month].`, { code: 'parameter_missing', param: `${prefix}[exp_month]` });
  if (input.exp_year === undefined) throw invalidRequest(`Missing required param: ${prefix}[exp_year].`, { code: 'parameter_missing', param: `${prefix}[exp_year]` });
  if (input.exp_month < 1 || input.exp_month > 12) {
    throw new StripeError(402, 'card_error', "Your card's expiration month is invalid.", { code: 'invalid_expiry_month', param: `${prefix}[exp_month]` });
  }
  const expYear = input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year;
  if (expYear < now.year || (expYear === now.year && input.exp_month < now.month)) {
    throw new StripeError(402, 'card_error', "Your card's expiration year is invalid.", { code: 'invalid_expiry_year', param: `${prefix}[exp_year]` });
  }
  if (input.cvc !== undefined && !/^\d{3,4}$/.test(input.cvc)) {
    throw new StripeError(402, 'card_error', "Your card's security code is invalid.", { code: 'invalid_cvc', param: `${prefix}[cvc]` });
  }
  if (!luhnValid(number)) throw cardDecline(INCORRECT_NUMBER, `${prefix}[number]`);
  const card = testCardByNumber(number);
  if (!card) {
    if (brandOfNumber(number)) throw cardDecline(LIVE_CARD_IN_TEST_MODE, `${prefix}[number]`);
    throw cardDecline(INCORRECT_NUMBER, `${prefix}[number]`);
  }
  return { card, expMonth: input.exp_month, expYear };
}

function buildCardPaymentMethod(
  emu: Emulator,
  resolved: { card: TestCard; expMonth: number; expYear: number },
  extra: { billing: BillingDetailsInput | undefined; metadata: Record<string, string> | null | undefined; allowRedisplay?: Stripe.PaymentMethod.AllowRedisplay },
): Stripe.PaymentMethod {
  const { card, expMonth, expYear } = resolved;
  const pm = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: extra.allowRedisplay ?? 'unspecified',
    billing_details: billingDetails(extra.billing),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: card.cvcCheck },
      country: card.country,
      display_brand: DISPLAY_BRAND[card.brand],
      exp_month: expMonth,
      exp_year: expYear,
      fingerprint: fingerprint(card.number),
      funding: card.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    } satisfies Stripe.PaymentMethod.Card,
    created: emu.clock.wallNow(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: applyMetadata({}, extra.metadata),
    type: 'card',
  } satisfies CardPaymentMethod;
  emu.store.insert(paymentMethodsCollection, pm);
  emu.store.insert(cardSecretsCollection, { id: pm.id, number: card.number, setUp: false });
  return pm;
}

/** What Stripe.js sends along with every call (its own telemetry); accepted and ignored. */
export const stripeJsTelemetryParams = {
  payment_user_agent: p.string(),
  time_on_page: p.string(),
  guid: p.string(),
  muid: p.string(),
  sid: p.string(),
  referrer: p.string(),
  client_attribution_metadata: p.record(p.string()),
} as const;

/** The fields describing a card payment method: POST /v1/payment_methods and `payment_method_data` alike. */
const cardPaymentMethodFields = {
  card: cardParams,
  billing_details: billingDetailsParams,
  metadata: p.metadata(),
  allow_redisplay: p.enumOf(['always', 'limited', 'unspecified']),
} as const;

/** `payment_method_data` on intent create/confirm: an inline payment method to create and use. */
export const paymentMethodDataParams = p.object({
  type: p.required(p.enumOf(['card'])),
  ...cardPaymentMethodFields,
  ...stripeJsTelemetryParams,
});

/** Creates the payment method described by `payment_method_data` (validating the card). */
export function createPaymentMethodFromData(emu: Emulator, data: Infer<typeof paymentMethodDataParams>): Stripe.PaymentMethod {
  if (!data.card) throw invalidRequest('Missing required param: payment_method_data[card].', { code: 'parameter_missing', param: 'payment_method_data[card]' });
  const resolved = resolveCardInput(data.card, 'payment_method_data[card]');
  return buildCardPaymentMethod(emu, resolved, { billing: data.billing_details, metadata: data.metadata, allowRedisplay: data.allow_redisplay });
}

/** The test card behind a payment method (for deciding charge and authentication outcomes). */
export function testCardOf(emu: Emulator, paymentMethodId: string): { card: TestCard; secret: CardSecret } {
  const secret = emu.store.get(cardSecretsCollection, paymentMethodId);
  const card = secret ? testCardByNumber(secret.number) : undefined;
  if (!secret || !card) throw new Error(`payment method ${paymentMethodId} has no test card`);
  return { card, secret };
}

export function markSetUp(emu: Emulator, paymentMethodId: string): void {
  if (emu.store.has(cardSecretsCollection, paymentMethodId)) {
    emu.store.update(cardSecretsCollection, paymentMethodId, (s) => ({ ...s, setUp: true }));
  }
}

/**
 * Resolves a `payment_method` param: an existing `pm_…`, or a test token (`pm_card_visa`), which — as in
 * Stripe — creates a fresh payment method each time it is used.
 */
export function resolvePaymentMethod(emu: Emulator, ref: string, param = 'payment_method'): Stripe.PaymentMethod {
  const existing = emu.store.get(paymentMethodsCollection, ref);
  if (existing) {
    if (emu.store.get(cardSecretsCollection, existing.id)?.detached) throw paymentMethodNotReusable(param);
    return existing;
  }
  const card = testCardByToken(ref);
  if (card) {
    const now = currentYearMonth();
    return buildCardPaymentMethod(emu, { card, expMonth: now.month, expYear: now.year + 3 }, { billing: undefined, metadata: undefined });
  }
  throw resourceMissing('PaymentMethod', ref, param);
}

/** Stripe's answer when a detached PaymentMethod is attached or used again. */
export function paymentMethodNotReusable(param = 'payment_method'): StripeError {
  return invalidRequest(
    'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.',
    { code: 'payment_method_unexpected_state', param },
  );
}

/** Marks a payment method as detached for good (detach, customer deletion). */
export function markDetached(emu: Emulator, paymentMethodId: string): void {
  if (emu.store.has(cardSecretsCollection, paymentMethodId)) {
    emu.store.update(cardSecretsCollection, paymentMethodId, (s) => ({ ...s, detached: true }));
  }
}

/**
 * Attaches a payment method to a customer (validating the card as Stripe does: cards that always decline
 * cannot be attached). Emits payment_method.attached. Returns the attached payment method.
 */
export function attachPaymentMethod(emu: Emulator, ref: string, customerId: string): Stripe.PaymentMethod {
  const customer = emu.store.get(customersCollection, customerId);
  if (!customer) throw resourceMissing('customer', customerId, 'customer');
  const pm = resolvePaymentMethod(emu, ref);
  if (pm.customer) {
    if (pm.customer === customerId) return pm;
    throw invalidRequest(
      'The payment method you provided has already been attached to a customer. To reuse this payment method, attach it to a Customer first.',
      { code: 'payment_method_unexpected_state', param: 'payment_method' },
    );
  }
  const { card } = testCardOf(emu, pm.id);
  if (card.decline) throw cardDecline(card.decline);
  const attached = emu.store.update(paymentMethodsCollection, pm.id, (cur) => ({ ...cur, customer: customerId }));
  emu.events.emit('payment_method.attached', attached);
  return attached;
}

export function detachPaymentMethod(emu: Emulator, id: string): Stripe.PaymentMethod {
  const pm = emu.store.require(paymentMethodsCollection, id, 'PaymentMethod');
  if (!pm.customer) {
    throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', {
      code: 'payment_method_unexpected_state',
    });
  }
  const customerId = typeof pm.customer === 'string' ? pm.customer : pm.customer.id;
  const detached = emu.store.update(paymentMethodsCollection, id, (cur) => ({ ...cur, customer: null }));
  markDetached(emu, id);
  const customer = emu.store.get(customersCollection, customerId);
  if (customer && customer.invoice_settings.default_payment_method === id) {
    const after = emu.store.update(customersCollection, customerId, (c) => ({
      ...c,
      invoice_settings: { ...c.invoice_settings, default_payment_method: null },
    }));
    emu.events.emit('customer.updated', after, { previousAttributes: diffAttributes(customer, after) });
  }
  emu.events.emit('payment_method.detached', detached, { previousAttributes: { customer: customerId }, customer: customerId });
  return detached;
}

export function registerPaymentMethods(emu: Emulator): void {
  emu.objects.register({ object: 'payment_method', prefix: 'pm', collection: paymentMethodsCollection });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/payment_methods',
    {
      type: p.enumOf(['card']),
      ...cardPaymentMethodFields,
      customer: p.string(),
      payment_method: p.string(),
      ...stripeJsTelemetryParams,
    },
    ({ params }) => {
      if (params.payment_method || params.customer) {
        // Cloning a customer's payment method onto a connected account is a Connect feature.
        throw invalidRequest('The Stripe emulator does not implement cloning payment methods (Connect).', {
          param: params.payment_method ? 'payment_method' : 'customer',
        });
      }
      if (!params.type) throw invalidRequest('Missing required param: type.', { code: 'parameter_missing', param: 'type' });
      if (!params.card) throw invalidRequest('Missing required param: card.', { code: 'parameter_missing', param: 'card' });
      // Raw numbers are accepted from servers too, but only Stripe's test numbers (a real number is refused).
      const resolved = resolveCardInput(params.card);
      return buildCardPaymentMethod(emu, resolved, {
        billing: params.billing_details,
        metadata: params.metadata,
        allowRedisplay: params.allow_redisplay,
      });
    },
    { publishable: true },
  );

  router.api('GET', '/v1/payment_methods/:id', {}, ({ path }) => {
    const existing = store.get(paymentMethodsCollection, path.id);
    if (existing) return existing;
    throw resourceMissing('PaymentMethod', path.id);
  });

  router.api(
    'POST',
    '/v1/payment_methods/:id',
    {
      billing_details: billingDetailsParams,
      metadata: p.metadata(),
      allow_redisplay: p.enumOf(['always', 'limited', 'unspecified']),
      card: p.object({ exp_month: p.integer({ min: 1, max: 12 }), exp_year: p.integer(), networks: p.object({ preferred: p.emptyable(p.string()) }) }),
    },
    ({ path, params }) => {
      const before = store.require(paymentMethodsCollection, path.id, 'PaymentMethod');
      if (!before.customer && params.card) {
        throw invalidRequest('You must save this PaymentMethod to a customer before you can update it.', { code: 'payment_method_unexpected_state' });
      }
      const after = store.update(paymentMethodsCollection, path.id, (cur) => ({
        ...cur,
        billing_details: billingDetails(params.billing_details, cur.billing_details),
        metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
        allow_redisplay: params.allow_redisplay ?? cur.allow_redisplay,
        card: cur.card && {
          ...cur.card,
          exp_month: params.card?.exp_month ?? cur.card.exp_month,
          exp_year: params.card?.exp_year ?? cur.card.exp_year,
        },
      }));
      emu.events.emit('payment_method.updated', after, { previousAttributes: diffAttributes(before, after) });
      return after;
    },
  );

  router.api(
    'GET',
    '/v1/payment_methods',
    { ...listParams, customer: p.string(), type: p.string(), customer_account: p.unsupported() },
    ({ params, urlPath }) => {
      if (params.customer) emu.store.require(customersCollection, params.customer, 'customer', 'customer');
      const items = store.newestFirst(
        paymentMethodsCollection,
        (pm) => (params.customer ? pm.customer === params.customer : pm.customer !== null) && (!params.type || pm.type === params.type),
      );
      return paginate(items, params, urlPath);
    },
  );

  router.api('POST', '/v1/payment_methods/:id/attach', { customer: p.required(p.string()), customer_account: p.unsupported() }, ({ path, params }) =>
    attachPaymentMethod(emu, path.id, params.customer),
  );

  router.api('POST', '/v1/payment_methods/:id/detach', {}, ({ path }) => detachPaymentMethod(emu, path.id));

  router.api('GET', '/v1/customers/:id/payment_methods', { ...listParams, type: p.string(), allow_redisplay: p.enumOf(['always', 'limited', 'unspecified']) }, ({ path, params, urlPath }) => {
    emu.store.require(customersCollection, path.id, 'customer');
    const items = store.newestFirst(
      paymentMethodsCollection,
      (pm) => pm.customer === path.id && (!params.type || pm.type === params.type) && (!params.allow_redisplay || pm.allow_redisplay === params.allow_redisplay),
    );
    return paginate(items, params, urlPath);
  });

  router.api('GET', '/v1/customers/:id/payment_methods/:pm', {}, ({ path }) => {
    emu.store.require(customersCollection, path.id, 'customer');
    const pm = store.get(paymentMethodsCollection, path.pm);
    if (!pm || pm.customer !== path.id) throw resourceMissing('PaymentMethod', path.pm);
    return pm;
  });
}
