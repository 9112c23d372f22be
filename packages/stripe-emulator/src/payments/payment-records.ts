// Payment Records: payments that happened outside Stripe (bank transfer, cash, a custom payment method type),
// reported to Stripe so invoices and reports know about them. A record holds one payment; its latest attempt is
// pending, guaranteed (the money is there), failed or canceled. Only guaranteed money can pay an invoice.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { SUPPORTED_CURRENCIES } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { requireCustomer } from '../resources/customers.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';

export const paymentRecordsCollection = defineCollection<Stripe.PaymentRecord>('payment_records');

export type AttemptOutcome = 'pending' | 'guaranteed' | 'failed' | 'canceled';

/** Internal: the outcome of each record's latest attempt (Stripe keeps it on the PaymentAttemptRecord). */
export interface PaymentRecordState {
  id: string;
  outcome: AttemptOutcome;
}
export const paymentRecordStateCollection = defineCollection<PaymentRecordState>('_payment_record_state');

/** Called when a record's latest attempt becomes guaranteed (invoicing credits attached invoices then). */
export type GuaranteedListener = (record: Stripe.PaymentRecord) => void;
const listeners = new WeakMap<Emulator, GuaranteedListener[]>();

export function onPaymentRecordGuaranteed(emu: Emulator, listener: GuaranteedListener): void {
  listeners.set(emu, [...(listeners.get(emu) ?? []), listener]);
}

export interface OutcomeInput {
  outcome?: string;
  guaranteed?: { guaranteed_at: number };
  failed?: { failed_at: number };
  canceled?: { canceled_at: number };
}

export interface PaymentMethodDetailsInput {
  custom?: { display_name?: string; type?: string };
  payment_method?: string;
  type?: 'custom';
  billing_details?: { email?: string; name?: string; phone?: string };
}

export interface ReportPaymentInput extends OutcomeInput {
  amount_requested: { currency: string; value: number };
  initiated_at: number;
  payment_method_details: PaymentMethodDetailsInput;
  customer_details?: { customer?: string; email?: string; name?: string; phone?: string };
  customer_presence?: string;
  description?: string;
  metadata?: Record<string, string> | null;
  processor_details?: { type: 'custom'; custom?: { payment_reference: string } };
}

export function retrievePaymentRecord(emu: Emulator, id: string, param = 'id'): Stripe.PaymentRecord {
  const record = emu.store.get(paymentRecordsCollection, id);
  if (!record) throw resourceMissing('payment_record', id, param);
  return record;
}

export function paymentRecordOutcome(emu: Emulator, id: string): AttemptOutcome {
  return emu.store.get(paymentRecordStateCollection, id)?.outcome ?? 'pending';
}

/** The outcome the params ask for; its matching `<outcome>[<outcome>_at]` is required, as Stripe requires it. */
function parseOutcome(input: OutcomeInput): AttemptOutcome {
  const outcome = input.outcome;
  if (outcome === undefined) {
    const given = (['guaranteed', 'failed', 'canceled'] as const).find((k) => input[k] !== undefined);
    if (given) throw invalidRequest(`${given} can only be set with outcome=${given}.`, { param: given });
    return 'pending';
  }
  if (outcome !== 'guaranteed' && outcome !== 'failed' && outcome !== 'canceled') {
    throw invalidRequest('Invalid outcome: must be one of canceled, failed, or guaranteed', { param: 'outcome' });
  }
  if (input[outcome] === undefined) throw invalidRequest(`Missing required param: ${outcome}.`, { param: outcome });
  return outcome;
}

function money(currency: string, value: number): { currency: string; value: number } {
  return { currency, value };
}

function paymentMethodDetails(input: PaymentMethodDetailsInput): Stripe.PaymentRecord.PaymentMethodDetails {
  if (input.payment_method !== undefined) {
    throw invalidRequest('The Stripe emulator only records custom payment methods: pass payment_method_details[custom] instead.', {
      param: 'payment_method_details[payment_method]',
    });
  }
  if (!input.custom || (!input.custom.type && !input.custom.display_name)) {
    throw invalidRequest('payment_method_details[custom] needs a type (cpmt_…) or a display_name.', {
      param: 'payment_method_details[custom]',
    });
  }
  if (input.custom.type !== undefined && !input.custom.type.startsWith('cpmt_')) {
    throw invalidRequest(`Invalid custom payment method type: '${input.custom.type}' (expected a cpmt_ id).`, {
      param: 'payment_method_details[custom][type]',
    });
  }
  const billing = input.billing_details;
  return {
    billing_details: billing
      ? { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email: billing.email ?? null, name: billing.name ?? null, phone: billing.phone ?? null }
      : null,
    custom: { display_name: input.custom.display_name ?? input.custom.type ?? 'Custom', type: input.custom.type ?? null },
    payment_method: null,
    type: 'custom',
  };
}

/** Amounts of a record once its latest attempt reached `outcome`. */
function withOutcome(record: Stripe.PaymentRecord, outcome: AttemptOutcome): Stripe.PaymentRecord {
  const { currency, value } = record.amount_requested;
  return {
    ...record,
    amount: money(currency, value),
    amount_authorized: money(currency, outcome === 'guaranteed' ? value : 0),
    amount_guaranteed: money(currency, outcome === 'guaranteed' ? value : 0),
    amount_failed: money(currency, outcome === 'failed' ? value : 0),
    amount_canceled: money(currency, outcome === 'canceled' ? value : 0),
  };
}

function save(emu: Emulator, record: Stripe.PaymentRecord, outcome: AttemptOutcome, wasGuaranteed: boolean): Stripe.PaymentRecord {
  emu.store.insert(paymentRecordsCollection, record);
  emu.store.insert(paymentRecordStateCollection, { id: record.id, outcome });
  if (outcome === 'guaranteed' && !wasGuaranteed) {
    for (const listener of listeners.get(emu) ?? []) listener(record);
  }
  return emu.store.get(paymentRecordsCollection, record.id) ?? record;
}

/** `POST /v1/payment_records/report_payment`. */
export function reportPayment(emu: Emulator, input: ReportPaymentInput): Stripe.PaymentRecord {
  const currency = input.amount_requested.currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}.`, { param: 'amount_requested[currency]' });
  }
  if (input.amount_requested.value <= 0) {
    throw invalidRequest('amount_requested[value] must be a positive integer.', { param: 'amount_requested[value]' });
  }
  const outcome = parseOutcome(input);
  const customerId = input.customer_details?.customer ?? null;
  if (customerId) requireCustomer(emu, customerId, 'customer_details[customer]');
  const details = input.customer_details;
  const record = {
    id: newId('pr'),
    object: 'payment_record',
    amount: money(currency, input.amount_requested.value),
    amount_authorized: money(currency, 0),
    amount_canceled: money(currency, 0),
    amount_failed: money(currency, 0),
    amount_guaranteed: money(currency, 0),
    amount_refunded: money(currency, 0),
    amount_requested: money(currency, input.amount_requested.value),
    application: null,
    created: emu.clock.now(customerId),
    customer_details: details
      ? { customer: details.customer ?? null, email: details.email ?? null, name: details.name ?? null, phone: details.phone ?? null }
      : null,
    customer_presence: input.customer_presence ?? null,
    description: input.description ?? null,
    latest_payment_attempt_record: newId('par'),
    livemode: false,
    metadata: applyMetadata({}, input.metadata),
    payment_method_details: paymentMethodDetails(input.payment_method_details),
    processor_details: { type: 'custom', custom: { payment_reference: input.processor_details?.custom?.payment_reference ?? null } },
    reported_by: 'self',
    shipping_details: null,
  } satisfies Full<Stripe.PaymentRecord>;
  return save(emu, withOutcome(record, outcome), outcome, false);
}

/** `POST /v1/payment_records/:id/report_payment_attempt`: a new attempt (e.g. after a failed one). */
export function reportPaymentAttempt(
  emu: Emulator,
  id: string,
  input: OutcomeInput & { initiated_at: number; description?: string; metadata?: Record<string, string> | null; payment_method_details?: PaymentMethodDetailsInput },
): Stripe.PaymentRecord {
  const record = retrievePaymentRecord(emu, id);
  const current = paymentRecordOutcome(emu, id);
  if (current === 'guaranteed') {
    throw invalidRequest('This payment record is already guaranteed; it cannot take another attempt.', { code: 'payment_record_invalid_state' });
  }
  const outcome = parseOutcome(input);
  const next: Stripe.PaymentRecord = {
    ...record,
    description: input.description ?? record.description,
    latest_payment_attempt_record: newId('par'),
    metadata: applyMetadata(record.metadata, input.metadata),
    payment_method_details: input.payment_method_details ? paymentMethodDetails(input.payment_method_details) : record.payment_method_details,
  };
  return save(emu, withOutcome(next, outcome), outcome, false);
}

/** `report_payment_attempt_guaranteed|failed|canceled`: the pending latest attempt reaches its outcome. */
export function completePaymentAttempt(
  emu: Emulator,
  id: string,
  outcome: 'guaranteed' | 'failed' | 'canceled',
  metadata: Record<string, string> | null | undefined,
): Stripe.PaymentRecord {
  const record = retrievePaymentRecord(emu, id);
  const current = paymentRecordOutcome(emu, id);
  if (current !== 'pending') {
    throw invalidRequest(`The latest payment attempt is already ${current}; only a pending attempt can become ${outcome}.`, {
      code: 'payment_record_invalid_state',
    });
  }
  const next = withOutcome({ ...record, metadata: applyMetadata(record.metadata, metadata) }, outcome);
  return save(emu, next, outcome, false);
}

/** `report_payment_attempt_informational`: details only, the outcome does not change. */
export function updatePaymentAttemptInformation(
  emu: Emulator,
  id: string,
  input: { description?: string | null; metadata?: Record<string, string> | null; customer_details?: { customer?: string; email?: string; name?: string; phone?: string } },
): Stripe.PaymentRecord {
  const record = retrievePaymentRecord(emu, id);
  const details = input.customer_details;
  const next: Stripe.PaymentRecord = {
    ...record,
    description: input.description === undefined ? record.description : input.description,
    metadata: applyMetadata(record.metadata, input.metadata),
    customer_details: details
      ? { customer: details.customer ?? null, email: details.email ?? null, name: details.name ?? null, phone: details.phone ?? null }
      : record.customer_details,
  };
  emu.store.insert(paymentRecordsCollection, next);
  return next;
}

/** `report_refund`: money of a guaranteed record given back outside Stripe. */
export function reportPaymentRecordRefund(emu: Emulator, id: string, amount: number | undefined): Stripe.PaymentRecord {
  const record = retrievePaymentRecord(emu, id);
  if (paymentRecordOutcome(emu, id) !== 'guaranteed') {
    throw invalidRequest('Only a guaranteed payment record can be refunded.', { code: 'payment_record_invalid_state' });
  }
  const refundable = record.amount_guaranteed.value - record.amount_refunded.value;
  const value = amount ?? refundable;
  if (value <= 0 || value > refundable) {
    throw invalidRequest(`Refund amount must be between 1 and ${refundable}.`, { param: 'amount[value]' });
  }
  const next: Stripe.PaymentRecord = { ...record, amount_refunded: money(record.amount.currency, record.amount_refunded.value + value) };
  emu.store.insert(paymentRecordsCollection, next);
  return next;
}
