// Records a payment received outside Stripe on an open invoice, for operators with admin:payments:record.
// Payment Records (default): a guaranteed record with a custom payment method, attached to the invoice; partial
// amounts leave the rest due, the last one turns the invoice paid and the subscription carries on. With
// OFF_STRIPE_PAYMENTS=paid_out_of_band: invoices.pay({ paid_out_of_band }) for the full amount only.
// Every refusal happens before any Stripe call. Idempotent per attempt: a second submit of the same form (the
// same `attempt`) records nothing more and answers like the first.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOperator } from '@/db/queries/invoices';
import { findRecordedPaymentForOperator } from '@/db/queries/invoice-adjustments';
import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { AppError, type UserMessageKey } from '@/lib/errors';
import { attachInvoicePaymentRecord } from '@/lib/stripe/attach-invoice-payment-record';
import { markInvoicePaidOutOfBand } from '@/lib/stripe/mark-invoice-paid-out-of-band';
import { reportOffStripePayment } from '@/lib/stripe/report-off-stripe-payment';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { checkPaymentAmount } from './amounts';
import type { OffStripePaymentMethod } from './adjustment-options';
import type { RecordPaymentInput } from './record-payment-schema';

export type OffStripeMode = 'payment_records' | 'paid_out_of_band';

export type RecordPaymentResult = { outcome: 'recorded' | 'already_recorded'; invoiceId: string; status: string; amountRemaining: number };

const METHOD_LABELS: Record<OffStripePaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  local_currency: 'Local currency',
  other: 'Other',
};

function refuse(reason: string, message: Omit<UserMessageKey, 'key'> = {}): AppError {
  return new AppError('invalid_input', `record payment refused: ${reason}`, { reason, userMessageKey: { key: `backOffice.payments.errors.${reason}`, ...message } });
}

/** Noon UTC of the day received: the same calendar day in every time zone the operators work in. */
function receivedAtOf(day: string): number {
  return Math.floor(Date.parse(`${day}T12:00:00Z`) / 1000);
}

export async function recordOffStripePayment(
  params: RecordPaymentInput & { operatorUserId: string; mode?: OffStripeMode; now?: Date },
  stripe?: Stripe,
): Promise<RecordPaymentResult> {
  const mode = params.mode ?? env.OFF_STRIPE_PAYMENTS;
  const found = await getInvoiceForOperator({ invoiceId: params.invoiceId });
  if (!found) throw new AppError('not_found', `invoice ${params.invoiceId} is not in the mirror`);
  const { invoice } = found;

  const previous = await findRecordedPaymentForOperator({ invoiceId: invoice.id, attempt: params.attempt });
  if (previous) return { outcome: 'already_recorded', invoiceId: invoice.id, status: invoice.status, amountRemaining: invoice.amountRemaining };

  if (invoice.status !== 'open') throw refuse('notOpen', { valueKeys: { status: `invoiceStatus.${invoice.status}` } });
  if (params.currency !== invoice.currency) {
    throw refuse('otherCurrency', { values: { currency: params.currency.toUpperCase(), invoiceCurrency: invoice.currency.toUpperCase() } });
  }
  const { amount, problem } = checkPaymentAmount(params.amount, invoice.currency, invoice.amountRemaining);
  if (problem === 'moreThanRemaining') {
    const { currency } = invoice;
    throw refuse(problem, { amounts: { amount: { amount: amount!, currency }, remaining: { amount: invoice.amountRemaining, currency } } });
  }
  if (problem || amount === null) throw refuse(problem ?? 'badAmount');
  if (mode === 'paid_out_of_band' && amount !== invoice.amountRemaining) throw refuse('fullAmountOnly');
  const receivedAt = receivedAtOf(params.receivedOn);
  const today = params.now ?? new Date();
  if (receivedAt > Math.floor(today.getTime() / 1000) + 86_400) throw refuse('futureDate');

  const key = `operator:invoice:${invoice.id}:record-payment:${params.attempt}`;
  let paymentRecordId: string | null = null;
  if (mode === 'payment_records') {
    const record = await reportOffStripePayment(
      {
        customerId: invoice.customerId,
        amount,
        currency: invoice.currency,
        methodLabel: METHOD_LABELS[params.method],
        customPaymentMethodType: env.STRIPE_CUSTOM_PAYMENT_METHOD_TYPE,
        reference: params.reference,
        receivedAt,
        metadata: { operator_attempt: params.attempt, invoice: invoice.id, method: params.method, received_at: String(receivedAt) },
        idempotencyKey: `${key}:report`,
      },
      stripe,
    );
    paymentRecordId = record.id;
    await attachInvoicePaymentRecord({ invoiceId: invoice.id, paymentRecordId: record.id, idempotencyKey: `${key}:attach` }, stripe);
  } else {
    await markInvoicePaidOutOfBand({ invoiceId: invoice.id, idempotencyKey: `${key}:pay` }, stripe);
  }

  await syncStripeCustomer(invoice.customerId, undefined, { stripe });
  const after = (await getInvoiceForOperator({ invoiceId: invoice.id }))?.invoice ?? invoice;
  await recordAudit({
    organizationId: invoice.organizationId,
    actor: { type: 'operator', id: params.operatorUserId },
    action: 'invoice.payment_recorded',
    target: { type: 'invoice', id: invoice.id },
    data: {
      number: invoice.number,
      amount,
      currency: invoice.currency,
      method: params.method,
      reference: params.reference,
      receivedOn: params.receivedOn,
      mode,
      paymentRecordId,
      attempt: params.attempt,
      before: { status: invoice.status, amountPaid: invoice.amountPaid, amountRemaining: invoice.amountRemaining },
      after: { status: after.status, amountPaid: after.amountPaid, amountRemaining: after.amountRemaining },
    },
  });
  return { outcome: 'recorded', invoiceId: invoice.id, status: after.status, amountRemaining: after.amountRemaining };
}
