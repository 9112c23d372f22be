// Customers: /v1/customers (create, retrieve, update, delete, list) and /v1/customers/:id/tax_ids.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { customersCollection, tombstonesCollection, testClocksCollection } from '../core/collections.js';
import { defineCollection } from '../core/store.js';
import { diffAttributes } from '../core/events.js';
import { newId, randomToken } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { addressParams, listParams, matchesRange, p, type Infer } from '../http/params.js';
import { attachPaymentMethod, markDetached, paymentMethodsCollection } from './payment-methods.js';
import { testCardByToken } from '../cards.js';

export { customersCollection };
export const taxIdsCollection = defineCollection<Stripe.TaxId>('tax_ids');

const TAX_EXEMPT = ['none', 'exempt', 'reverse'] as const;

const invoiceSettingsParams = p.object({
  custom_fields: p.emptyable(p.array(p.object({ name: p.required(p.string({ maxLength: 40 })), value: p.required(p.string({ maxLength: 140 })) }), { maxLength: 4 })),
  default_payment_method: p.emptyable(p.string()),
  footer: p.emptyable(p.string()),
  rendering_options: p.emptyable(
    p.object({ amount_tax_display: p.emptyable(p.enumOf(['exclude_tax', 'include_inclusive_tax'])), template: p.string() }),
  ),
});

const shippingParams = p.object({ address: p.required(addressParams), name: p.required(p.string()), phone: p.string() });
const taxIdDataParams = p.object({ type: p.required(p.string()), value: p.required(p.string()) });

const writableShape = {
  address: p.emptyable(addressParams),
  balance: p.integer(),
  description: p.emptyable(p.string()),
  email: p.emptyable(p.string({ maxLength: 512 })),
  invoice_prefix: p.emptyable(p.string()),
  invoice_settings: invoiceSettingsParams,
  metadata: p.metadata(),
  name: p.emptyable(p.string({ maxLength: 256 })),
  next_invoice_sequence: p.integer({ min: 1 }),
  phone: p.emptyable(p.string({ maxLength: 20 })),
  preferred_locales: p.emptyable(p.array(p.string())),
  shipping: p.emptyable(shippingParams),
  tax_exempt: p.emptyable(p.enumOf(TAX_EXEMPT)),
  tax: p.object({ ip_address: p.emptyable(p.string()), validate_location: p.enumOf(['deferred', 'immediately']) }),
  business_name: p.emptyable(p.string()),
  individual_name: p.emptyable(p.string()),
  cash_balance: p.unsupported(),
  source: p.unsupported(),
  validate: p.boolean(),
} as const;

const createShape = {
  ...writableShape,
  payment_method: p.string(),
  tax_id_data: p.array(taxIdDataParams),
  test_clock: p.string(),
} as const;

const updateShape = {
  ...writableShape,
  default_source: p.unsupported(),
} as const;

type WritableParams = Partial<{ [K in keyof typeof writableShape]: Infer<(typeof writableShape)[K]> }>;

function toAddress(a: Infer<typeof addressParams>): Stripe.Address {
  return {
    city: a.city ?? null,
    country: a.country ?? null,
    line1: a.line1 ?? null,
    line2: a.line2 ?? null,
    postal_code: a.postal_code ?? null,
    state: a.state ?? null,
  };
}

function toShipping(s: Infer<typeof shippingParams>): Stripe.Customer.Shipping {
  return { address: toAddress(s.address), name: s.name, phone: s.phone ?? null, carrier: null, tracking_number: null };
}

/** Applies writable params to a customer (create and update share this). Validates references first. */
function applyWritable(emu: Emulator, customer: Stripe.Customer, params: WritableParams): Stripe.Customer {
  if (params.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(params.email)) {
    throw invalidRequest(`Invalid email address: ${params.email}`, { code: 'email_invalid', param: 'email' });
  }
  const settings = params.invoice_settings;
  let defaultPm = customer.invoice_settings.default_payment_method;
  if (settings?.default_payment_method !== undefined) {
    const pmId = settings.default_payment_method;
    if (pmId !== null) {
      const pm = emu.store.get(paymentMethodsCollection, pmId);
      if (!pm) throw resourceMissing('PaymentMethod', pmId, 'invoice_settings[default_payment_method]');
      if (pm.customer !== customer.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
          { code: 'resource_missing', param: 'invoice_settings[default_payment_method]' },
        );
      }
    }
    defaultPm = pmId;
  }
  const renderingOptions = settings?.rendering_options;
  return {
    ...customer,
    address: params.address !== undefined ? (params.address && toAddress(params.address)) : customer.address,
    balance: params.balance ?? customer.balance,
    description: params.description !== undefined ? params.description : customer.description,
    email: params.email !== undefined ? params.email : customer.email,
    invoice_prefix: params.invoice_prefix !== undefined ? (params.invoice_prefix ?? customer.invoice_prefix) : customer.invoice_prefix,
    invoice_settings: {
      custom_fields: settings?.custom_fields !== undefined ? settings.custom_fields : customer.invoice_settings.custom_fields,
      default_payment_method: defaultPm,
      footer: settings?.footer !== undefined ? settings.footer : customer.invoice_settings.footer,
      rendering_options:
        renderingOptions === undefined
          ? customer.invoice_settings.rendering_options
          : renderingOptions === null
            ? null
            : {
                amount_tax_display:
                  renderingOptions.amount_tax_display !== undefined
                    ? renderingOptions.amount_tax_display
                    : (customer.invoice_settings.rendering_options?.amount_tax_display ?? null),
                template: renderingOptions.template ?? customer.invoice_settings.rendering_options?.template ?? null,
              },
    },
    metadata: applyMetadata(customer.metadata, params.metadata),
    name: params.name !== undefined ? params.name : customer.name,
    next_invoice_sequence: params.next_invoice_sequence ?? customer.next_invoice_sequence,
    phone: params.phone !== undefined ? params.phone : customer.phone,
    preferred_locales: params.preferred_locales !== undefined ? (params.preferred_locales ?? []) : customer.preferred_locales,
    shipping: params.shipping !== undefined ? (params.shipping && toShipping(params.shipping)) : customer.shipping,
    tax_exempt: params.tax_exempt !== undefined ? (params.tax_exempt ?? 'none') : customer.tax_exempt,
  };
}

/** The customer, or Stripe's 404 (`No such customer: 'cus_x'`); deleted customers count as missing. */
export function requireCustomer(emu: Emulator, id: string, param = 'customer'): Stripe.Customer {
  return emu.store.require(customersCollection, id, 'customer', param);
}

/**
 * Sets the customer's `currency` if it has none yet (Stripe fixes it with the first subscription, invoice or
 * invoice item). Throws if the customer already uses another currency, as Stripe does.
 */
export function ensureCustomerCurrency(emu: Emulator, customerId: string, currency: string): void {
  const customer = requireCustomer(emu, customerId);
  const c = currency.toLowerCase();
  if (!customer.currency) {
    const updated = emu.store.update(customersCollection, customerId, (cur) => ({ ...cur, currency: c }));
    emu.events.emit('customer.updated', updated, { previousAttributes: { currency: null } });
    return;
  }
  if (customer.currency !== c) {
    throw invalidRequest(
      `You cannot combine currencies on a single customer. This customer has had a subscription or payment in ${customer.currency}, but you are trying to pay in ${c}.`,
      { param: 'currency' },
    );
  }
}

/** Adds `amount` (minor unit; negative = credit) to the customer's balance. Emits customer.updated. */
export function adjustCustomerBalance(emu: Emulator, customerId: string, amount: number): Stripe.Customer {
  const before = requireCustomer(emu, customerId);
  const after = emu.store.update(customersCollection, customerId, (c) => ({ ...c, balance: c.balance + amount }));
  emu.events.emit('customer.updated', after, { previousAttributes: diffAttributes(before, after) });
  return after;
}

/** Formats Stripe checks for the tax id types a billing portal meets most (others: any non-empty value). */
const TAX_ID_FORMATS: Record<string, RegExp> = {
  eu_vat: /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z+*]{2,12}$/,
  gb_vat: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  jp_trn: /^T\d{13}$/,
  jp_cn: /^\d{13}$/,
  us_ein: /^\d{2}-?\d{7}$/,
  au_abn: /^\d{11}$/,
  ca_bn: /^\d{9}$/,
  ch_vat: /^CHE-?\d{3}\.?\d{3}\.?\d{3} ?(MWST|TVA|IVA)$/,
  in_gst: /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/,
  kr_brn: /^\d{3}-?\d{2}-?\d{5}$/,
  sg_gst: /^[A-Z]\d{8}[A-Z]$|^[A-Z0-9]{9,10}$/,
};

function validateTaxId(type: string, value: string, param: string): string {
  if (!/^[a-z]{2,3}_[a-z_]+$/.test(type) && type !== 'unknown') {
    throw invalidRequest(`Invalid value for type: ${type}`, { param: param === 'value' ? 'type' : param.replace('[value]', '[type]') });
  }
  const normalized = value.replace(/\s+/g, '').toUpperCase();
  const format = TAX_ID_FORMATS[type];
  if ((format && !format.test(normalized)) || normalized.length === 0) {
    throw invalidRequest(`Invalid value for ${type}.`, { code: 'tax_id_invalid', param });
  }
  return format ? normalized : value.trim();
}

function createTaxId(emu: Emulator, customer: Stripe.Customer, type: string, rawValue: string, param = 'value'): Stripe.TaxId {
  const value = validateTaxId(type, rawValue, param);
  const taxId = {
    id: newId('txi'),
    object: 'tax_id',
    country: type === 'eu_vat' ? (value.slice(0, 2) === 'EL' ? 'GR' : value.slice(0, 2) === 'XI' ? 'GB' : value.slice(0, 2)) : countryOfTaxIdType(type),
    created: emu.clock.now(customer.id),
    customer: customer.id,
    customer_account: null,
    livemode: false,
    owner: { type: 'customer', customer: customer.id, customer_account: null, account: undefined, application: undefined },
    type,
    value,
    verification: { status: 'unavailable', verified_address: null, verified_name: null },
  } satisfies Full<Stripe.TaxId, 'deleted'>;
  return emu.store.insert(taxIdsCollection, taxId);
}

/**
 * A tax id owned by the account itself (POST /v1/tax_ids with `owner[type]=self`, Stripe's default): the
 * issuer's own registration numbers (e.g. `jp_trn`), which invoices list through `account_tax_ids`.
 */
function createAccountTaxId(emu: Emulator, type: string, rawValue: string): Stripe.TaxId {
  const value = validateTaxId(type, rawValue, 'value');
  const taxId = {
    id: newId('txi'),
    object: 'tax_id',
    country: countryOfTaxIdType(type),
    created: emu.clock.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    owner: { type: 'self', customer: undefined, customer_account: null, account: undefined, application: undefined },
    type,
    value,
    verification: { status: 'unavailable', verified_address: null, verified_name: null },
  } satisfies Full<Stripe.TaxId, 'deleted'>;
  return emu.store.insert(taxIdsCollection, taxId as Stripe.TaxId);
}

function countryOfTaxIdType(type: string): string | null {
  if (type === 'eu_vat' || type === 'eu_oss_vat') return null;
  const prefix = type.split('_')[0];
  return prefix.length === 2 ? prefix.toUpperCase() : null;
}

/**
 * Deletes a customer as DELETE /v1/customers/:id does (also used when a test clock is deleted): runs the
 * `customerDeleted` hooks (billing cancels the subscriptions), detaches its payment methods, leaves a
 * tombstone so it still retrieves as deleted, and emits customer.deleted at the customer's clock time.
 */
export function deleteCustomer(emu: Emulator, id: string): Stripe.DeletedCustomer {
  const { store } = emu;
  const customer = requireCustomer(emu, id, 'id');
  const at = emu.clock.now(customer.id);
  for (const hook of emu.hooks.customerDeleted) hook(customer.id);
  for (const pm of store.all(paymentMethodsCollection)) {
    if (pm.customer === customer.id) {
      store.update(paymentMethodsCollection, pm.id, (cur) => ({ ...cur, customer: null }));
      markDetached(emu, pm.id);
    }
  }
  store.delete(customersCollection, customer.id);
  store.insert(tombstonesCollection, { id: customer.id, object: 'customer', deletedAt: emu.clock.wallNow() });
  emu.events.emit('customer.deleted', customer, { at });
  return { id: customer.id, object: 'customer', deleted: true };
}

export function registerCustomers(emu: Emulator): void {
  emu.objects.register({
    object: 'customer',
    prefix: 'cus',
    collection: customersCollection,
    includable: {
      tax_ids: (c): Stripe.ApiList<Stripe.TaxId> => paginate(emu.store.newestFirst(taxIdsCollection, (t) => t.customer === c.id), { limit: 100 }, `/v1/customers/${c.id}/tax_ids`),
    },
  });
  emu.objects.register({ object: 'tax_id', prefix: 'txi', collection: taxIdsCollection });
  const { router, store } = emu;

  router.api('POST', '/v1/customers', createShape, ({ params }) => {
    let testClock: string | null = null;
    if (params.test_clock) {
      const clock = store.get(testClocksCollection, params.test_clock);
      if (!clock) throw resourceMissing('test_clock', params.test_clock, 'test_clock');
      testClock = clock.id;
    }
    if (params.payment_method && !store.has(paymentMethodsCollection, params.payment_method) && !testCardByToken(params.payment_method)) {
      throw resourceMissing('PaymentMethod', params.payment_method, 'payment_method');
    }
    if (
      params.invoice_settings?.default_payment_method &&
      (params.invoice_settings.default_payment_method !== params.payment_method || !store.has(paymentMethodsCollection, params.payment_method))
    ) {
      throw invalidRequest(
        `The customer does not have a payment method with the ID ${params.invoice_settings.default_payment_method}. The payment method must be attached to the customer.`,
        { code: 'resource_missing', param: 'invoice_settings[default_payment_method]' },
      );
    }
    const id = newId('cus');
    const blank = {
      id,
      object: 'customer',
      address: null,
      balance: 0,
      business_name: undefined,
      cash_balance: undefined,
      created: emu.clock.testClockNow(testClock),
      currency: null,
      customer_account: null,
      default_source: null,
      delinquent: false,
      description: null,
      discount: null,
      email: null,
      individual_name: undefined,
      invoice_credit_balance: undefined,
      invoice_prefix: randomToken(8).toUpperCase().replace(/[^A-Z0-9]/g, 'X'),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: {},
      name: null,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      test_clock: testClock,
    } satisfies Full<Stripe.Customer, 'deleted' | 'sources' | 'subscriptions' | 'tax' | 'tax_ids'>;
    const { invoice_settings: settings, ...rest } = params;
    // The default payment method is applied after the payment method is attached.
    const withoutDefault = applyWritable(emu, blank, { ...rest, invoice_settings: settings && { ...settings, default_payment_method: undefined } });
    let customer = store.insert(customersCollection, withoutDefault);
    emu.events.emit('customer.created', customer);
    if (params.payment_method) attachPaymentMethod(emu, params.payment_method, customer.id);
    if (settings?.default_payment_method) {
      customer = store.update(customersCollection, id, (c) => applyWritable(emu, c, { invoice_settings: { default_payment_method: settings.default_payment_method } }));
    }
    for (const [i, datum] of (params.tax_id_data ?? []).entries()) createTaxId(emu, customer, datum.type, datum.value, `tax_id_data[${i}][value]`);
    return customer;
  });

  router.api('GET', '/v1/customers/:id', {}, ({ path }) => {
    const tomb = store.get(tombstonesCollection, path.id);
    if (tomb && tomb.object === 'customer') return { id: tomb.id, object: 'customer', deleted: true } satisfies Stripe.DeletedCustomer;
    return requireCustomer(emu, path.id, 'id');
  });

  router.api('POST', '/v1/customers/:id', updateShape, ({ path, params }) => {
    const before = requireCustomer(emu, path.id, 'id');
    const after = store.update(customersCollection, path.id, () => applyWritable(emu, before, params));
    const previous = diffAttributes(before, after);
    if (Object.keys(previous).length > 0) emu.events.emit('customer.updated', after, { previousAttributes: previous });
    return after;
  });

  router.api('DELETE', '/v1/customers/:id', {}, ({ path }) => deleteCustomer(emu, path.id));

  router.api(
    'GET',
    '/v1/customers',
    { ...listParams, email: p.string({ maxLength: 512 }), created: p.range(), test_clock: p.string() },
    ({ params, urlPath }) => {
      const items = store.newestFirst(
        customersCollection,
        (c) =>
          (params.email === undefined || c.email === params.email) &&
          (params.test_clock === undefined || c.test_clock === params.test_clock) &&
          matchesRange(c.created, params.created),
      );
      return paginate(items, params, urlPath);
    },
  );

  // Tax ids
  router.api('POST', '/v1/customers/:id/tax_ids', { type: p.required(p.string()), value: p.required(p.string()) }, ({ path, params }) => {
    const customer = requireCustomer(emu, path.id, 'id');
    const taxId = createTaxId(emu, customer, params.type, params.value);
    emu.events.emit('customer.tax_id.created', taxId);
    return taxId;
  });
  router.api('GET', '/v1/customers/:id/tax_ids', { ...listParams }, ({ path, params, urlPath }) => {
    requireCustomer(emu, path.id, 'id');
    return paginate(store.newestFirst(taxIdsCollection, (t) => t.customer === path.id), params, urlPath);
  });
  // The account's own tax ids (https://docs.stripe.com/api/tax_ids/create): only `owner[type]=self` is emulated.
  const ownerParams = p.object({ type: p.enumOf(['self', 'account', 'application', 'customer'] as const), account: p.string(), customer: p.string() });
  const isSelfOwned = (t: Stripe.TaxId) => t.owner?.type === 'self';
  router.api('POST', '/v1/tax_ids', { type: p.required(p.string()), value: p.required(p.string()), owner: ownerParams }, ({ params }) => {
    if (params.owner && params.owner.type !== 'self') throw invalidRequest(`The emulator supports tax ids with owner[type]=self only, not ${params.owner.type}.`, { param: 'owner[type]' });
    return createAccountTaxId(emu, params.type, params.value);
  });
  router.api('GET', '/v1/tax_ids', { ...listParams, owner: ownerParams }, ({ params, urlPath }) => {
    if (params.owner && params.owner.type !== 'self') throw invalidRequest(`The emulator supports tax ids with owner[type]=self only, not ${params.owner.type}.`, { param: 'owner[type]' });
    return paginate(store.newestFirst(taxIdsCollection, isSelfOwned), params, urlPath);
  });
  router.api('GET', '/v1/tax_ids/:id', {}, ({ path }) => {
    const taxId = store.get(taxIdsCollection, path.id);
    if (!taxId || !isSelfOwned(taxId)) throw resourceMissing('tax_id', path.id);
    return taxId;
  });
  router.api('DELETE', '/v1/tax_ids/:id', {}, ({ path }) => {
    const taxId = store.get(taxIdsCollection, path.id);
    if (!taxId || !isSelfOwned(taxId)) throw resourceMissing('tax_id', path.id);
    store.delete(taxIdsCollection, taxId.id);
    return { id: taxId.id, object: 'tax_id', deleted: true } satisfies Stripe.DeletedTaxId;
  });
  router.api('GET', '/v1/customers/:id/tax_ids/:taxId', {}, ({ path }) => {
    requireCustomer(emu, path.id, 'id');
    const taxId = store.get(taxIdsCollection, path.taxId);
    if (!taxId || taxId.customer !== path.id) throw resourceMissing('tax_id', path.taxId);
    return taxId;
  });
  router.api('DELETE', '/v1/customers/:id/tax_ids/:taxId', {}, ({ path }) => {
    requireCustomer(emu, path.id, 'id');
    const taxId = store.get(taxIdsCollection, path.taxId);
    if (!taxId || taxId.customer !== path.id) throw resourceMissing('tax_id', path.taxId);
    store.delete(taxIdsCollection, taxId.id);
    emu.events.emit('customer.tax_id.deleted', taxId);
    return { id: taxId.id, object: 'tax_id', deleted: true } satisfies Stripe.DeletedTaxId;
  });
}
