// A quote's life: draft (editable) → open (finalized: numbered, only `expires_at` and metadata change) →
// accepted (./accept.ts) or canceled (by the caller, or on reaching `expires_at` while draft or open — Stripe
// has no separate expired status). Expiry is a scheduled job on the quote's clock (its customer's test clock,
// else wall time), so advancing a test clock past `expires_at` cancels the quote.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { newId } from '../../core/ids.js';
import { testClocksCollection } from '../../core/collections.js';
import { applyMetadata } from '../../core/metadata.js';
import type { Full } from '../../core/types.js';
import { invalidRequest } from '../../http/errors.js';
import type { BillingEngine } from '../engine.js';
import { customerIdOfQuote, planDraft, quoteNow, resolveLineInputs, writeDraft, type QuoteLineInput } from './build.js';
import {
  quoteNumberingCollection,
  quoteSpecsCollection,
  quotesCollection,
  type QuoteDiscountSpec,
  type QuoteSpec,
  type StoredQuote,
} from './quote-store.js';

export const JOB_QUOTE_EXPIRE = 'billing.quote.expire';
const DAY = 86_400;
/** Stripe's default validity when neither the request nor the quote template sets `expires_at`: 30 days. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

export interface QuoteInput {
  customer?: string;
  line_items?: QuoteLineInput[];
  discounts?: QuoteDiscountSpec[] | null;
  expires_at?: number;
  header?: string | null;
  footer?: string | null;
  description?: string | null;
  collection_method?: 'charge_automatically' | 'send_invoice';
  invoice_settings?: { days_until_due?: number };
  subscription_data?: {
    description?: string | null;
    effective_date?: number | 'current_period_end' | null;
    metadata?: Record<string, string> | null;
    trial_period_days?: number | null;
  };
  default_tax_rates?: string[] | null;
  metadata?: Record<string, string> | null;
  test_clock?: string;
}

export function retrieveQuote(emu: Emulator, id: string, param = 'quote'): StoredQuote {
  return emu.store.require(quotesCollection, id, 'quote', param);
}

export function quoteSpec(emu: Emulator, id: string): QuoteSpec {
  return emu.store.get(quoteSpecsCollection, id) ?? { id, lines: [], discounts: [], upfront_line_items: [] };
}

function clockOfQuote(emu: Emulator, quote: StoredQuote): string | null {
  const customer = customerIdOfQuote(quote);
  if (customer) return emu.clock.testClockOf(customer);
  return typeof quote.test_clock === 'string' ? quote.test_clock : (quote.test_clock?.id ?? null);
}

function scheduleExpiry(emu: Emulator, quote: StoredQuote): void {
  emu.scheduler.schedule({
    kind: JOB_QUOTE_EXPIRE,
    at: quote.expires_at,
    testClock: clockOfQuote(emu, quote),
    key: `${quote.id}:expire`,
    payload: { quote: quote.id },
  });
}

function checkExpiresAt(value: number | undefined, at: number, param = 'expires_at'): void {
  if (value !== undefined && value <= at) {
    throw invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', { param });
  }
}

/** Settings that do not depend on lines, checked and applied to a draft. */
function applySettings(emu: Emulator, engine: BillingEngine, base: StoredQuote, input: QuoteInput, at: number): StoredQuote {
  const collection = input.collection_method ?? (base.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically');
  const daysUntilDue = input.invoice_settings?.days_until_due ?? base.invoice_settings.days_until_due;
  if (collection === 'charge_automatically' && input.invoice_settings?.days_until_due !== undefined) {
    throw invalidRequest('Invalid invoice_settings[days_until_due]: can only be set when collection_method=send_invoice.', {
      param: 'invoice_settings[days_until_due]',
    });
  }
  checkExpiresAt(input.expires_at, at);
  const sd = input.subscription_data;
  if (typeof sd?.effective_date === 'number' && sd.effective_date <= at) {
    throw invalidRequest('Invalid subscription_data[effective_date]: must be in the future.', { param: 'subscription_data[effective_date]' });
  }
  if (sd?.effective_date === 'current_period_end') {
    throw invalidRequest('subscription_data[effective_date]=current_period_end applies to quotes that update a subscription, which the emulator does not implement.', {
      param: 'subscription_data[effective_date]',
    });
  }
  if (input.default_tax_rates !== undefined) engine.ports.catalog.taxRates(input.default_tax_rates, 'default_tax_rates');
  let customer = base.customer;
  let testClock = base.test_clock;
  if (input.customer !== undefined) {
    const c = engine.ports.customers.customer(input.customer, 'customer');
    customer = c.id;
    testClock = emu.clock.testClockOf(c.id);
  }
  if (input.test_clock !== undefined) {
    if (customer) throw invalidRequest('test_clock can only be set on a quote without a customer; the quote uses its customer\'s test clock.', { param: 'test_clock' });
    testClock = emu.store.require(testClocksCollection, input.test_clock, 'test clock', 'test_clock').id;
  }
  return {
    ...base,
    customer,
    test_clock: testClock,
    collection_method: collection,
    invoice_settings: { ...base.invoice_settings, days_until_due: collection === 'send_invoice' ? (daysUntilDue ?? null) : null },
    expires_at: input.expires_at ?? base.expires_at,
    header: input.header !== undefined ? input.header : base.header,
    footer: input.footer !== undefined ? input.footer : base.footer,
    description: input.description !== undefined ? input.description : base.description,
    default_tax_rates:
      input.default_tax_rates !== undefined ? (engine.ports.catalog.taxRates(input.default_tax_rates, 'default_tax_rates') ?? []) : base.default_tax_rates,
    metadata: applyMetadata(base.metadata, input.metadata),
    subscription_data: {
      ...base.subscription_data,
      description: sd?.description !== undefined ? sd.description : base.subscription_data.description,
      effective_date: sd?.effective_date !== undefined ? (sd.effective_date as number | null) : base.subscription_data.effective_date,
      metadata: sd?.metadata !== undefined ? applyMetadata(base.subscription_data.metadata ?? {}, sd.metadata) : base.subscription_data.metadata,
      trial_period_days: sd?.trial_period_days !== undefined ? sd.trial_period_days : base.subscription_data.trial_period_days,
    },
  };
}

export function createQuote(emu: Emulator, engine: BillingEngine, input: QuoteInput): StoredQuote {
  const id = newId('qt');
  const clockNow = input.customer ? emu.clock.now(input.customer) : emu.clock.testClockNow(input.test_clock);
  const skeleton = {
    id,
    object: 'quote',
    amount_subtotal: 0,
    amount_total: 0,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    collection_method: 'charge_automatically',
    computed: {
      recurring: null,
      upfront: { amount_subtotal: 0, amount_total: 0, total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 } },
    },
    created: clockNow,
    currency: null,
    customer: null,
    customer_account: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    expires_at: clockNow + DEFAULT_QUOTE_VALIDITY_DAYS * DAY,
    footer: null,
    from_quote: null,
    header: null,
    invoice: null,
    invoice_settings: { custom_fields: null, days_until_due: null, description: null, footer: null, issuer: { type: 'self' } },
    livemode: false,
    metadata: {},
    number: null,
    on_behalf_of: null,
    status: 'draft',
    status_transitions: { accepted_at: null, canceled_at: null, finalized_at: null },
    subscription: null,
    subscription_data: { billing_mode: { type: 'classic' }, description: null, effective_date: null, metadata: null, trial_period_days: null },
    subscription_schedule: null,
    test_clock: null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    transfer_data: null,
  } satisfies Full<Stripe.Quote, 'line_items'>;
  const quote = applySettings(emu, engine, skeleton, input, clockNow);
  const spec = { id, lines: resolveLineInputs(emu, input.line_items ?? [], []), discounts: input.discounts ?? [] };
  const plan = planDraft(emu, engine, quote, spec, []);
  const stored = writeDraft(emu, quote, spec, plan);
  scheduleExpiry(emu, stored);
  emu.events.emit('quote.created', stored);
  return stored;
}

function statusError(quote: StoredQuote, action: string): Error {
  return invalidRequest(`This quote cannot be ${action} because it has a status of ${quote.status}.`, { code: 'quote_status_invalid' });
}

export function updateQuote(emu: Emulator, engine: BillingEngine, id: string, input: QuoteInput): StoredQuote {
  const before = retrieveQuote(emu, id, 'id');
  const at = quoteNow(emu, before);
  if (before.status === 'open') {
    // Stripe: once finalized, only the expiration date (and metadata) can still change.
    const other = (Object.keys(input) as Array<keyof QuoteInput>).find((k) => input[k] !== undefined && k !== 'expires_at' && k !== 'metadata');
    if (other) {
      throw invalidRequest(`You can only update expires_at and metadata on a quote that is open; ${other} can only be changed while the quote is a draft.`, {
        code: 'quote_status_invalid',
        param: other,
      });
    }
    checkExpiresAt(input.expires_at, at);
    const after = emu.store.insert(quotesCollection, {
      ...before,
      expires_at: input.expires_at ?? before.expires_at,
      metadata: applyMetadata(before.metadata, input.metadata),
    });
    scheduleExpiry(emu, after);
    return after;
  }
  if (before.status !== 'draft') throw statusError(before, 'updated');
  if (input.customer !== undefined && before.customer && input.customer !== customerIdOfQuote(before)) {
    throw invalidRequest('The customer of a quote cannot be changed once set.', { param: 'customer' });
  }
  const quote = applySettings(emu, engine, before, input, at);
  const current = quoteSpec(emu, id);
  const spec = {
    id,
    lines: input.line_items !== undefined ? resolveLineInputs(emu, input.line_items, current.lines) : current.lines,
    discounts: input.discounts !== undefined ? (input.discounts ?? []) : current.discounts,
  };
  const plan = planDraft(emu, engine, quote, spec, before.discounts.map((d) => (typeof d === 'string' ? d : d.id)));
  const after = writeDraft(emu, quote, spec, plan);
  scheduleExpiry(emu, after);
  return after;
}

export function finalizeQuote(emu: Emulator, engine: BillingEngine, id: string, expiresAt: number | undefined): StoredQuote {
  const before = retrieveQuote(emu, id, 'id');
  if (before.status !== 'draft') throw statusError(before, 'finalized');
  const customerId = customerIdOfQuote(before);
  if (!customerId) throw invalidRequest('A quote must have a customer before it can be finalized.', { param: 'customer' });
  const spec = quoteSpec(emu, id);
  if (spec.lines.length === 0) throw invalidRequest('A quote must have at least one line item before it can be finalized.', { param: 'line_items' });
  const at = quoteNow(emu, before);
  checkExpiresAt(expiresAt, at);
  const expires = expiresAt ?? before.expires_at;
  if (expires <= at) throw invalidRequest('This quote has expired and can no longer be finalized.', { code: 'quote_status_invalid' });
  // Re-checks every reference (a price archived or a coupon exhausted since the draft was written).
  planDraft(emu, engine, before, spec, before.discounts.map((d) => (typeof d === 'string' ? d : d.id)));
  const numbering = emu.store.get(quoteNumberingCollection, customerId) ?? { id: customerId, next: 1 };
  emu.store.insert(quoteNumberingCollection, { ...numbering, next: numbering.next + 1 });
  const number = `QT-${engine.invoicePrefix(customerId)}-${String(numbering.next).padStart(4, '0')}-1`;
  const after = emu.store.insert(quotesCollection, {
    ...before,
    status: 'open',
    number,
    expires_at: expires,
    status_transitions: { ...before.status_transitions, finalized_at: at },
  });
  scheduleExpiry(emu, after);
  emu.events.emit('quote.finalized', after);
  return after;
}

export function cancelQuote(emu: Emulator, id: string): StoredQuote {
  const before = retrieveQuote(emu, id, 'id');
  if (before.status !== 'draft' && before.status !== 'open') throw statusError(before, 'canceled');
  return markCanceled(emu, before, quoteNow(emu, before));
}

function markCanceled(emu: Emulator, quote: StoredQuote, at: number): StoredQuote {
  const after = emu.store.insert(quotesCollection, {
    ...quote,
    status: 'canceled',
    status_transitions: { ...quote.status_transitions, canceled_at: at },
  });
  emu.scheduler.cancel(`${quote.id}:expire`);
  emu.events.emit('quote.canceled', after);
  return after;
}

/** The expiry job, and acceptance of a quote whose time has passed before the job ran: draft/open → canceled. */
export function expireQuote(emu: Emulator, id: string): StoredQuote | null {
  const quote = emu.store.get(quotesCollection, id);
  if (!quote || (quote.status !== 'draft' && quote.status !== 'open')) return null;
  const at = quoteNow(emu, quote);
  if (at < quote.expires_at) return null;
  return markCanceled(emu, quote, quote.expires_at);
}
