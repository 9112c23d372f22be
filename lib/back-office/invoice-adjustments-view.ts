// What the operator invoice page shows about payments and credit notes, and which forms it offers: recording a
// payment needs an open invoice and admin:payments:record; a credit note an open or paid invoice and
// admin:credit_notes:manage. The actions check the same again on the server.
import 'server-only';
import type Stripe from 'stripe';
import { getTranslations } from '@/lib/i18n/server';
import { listCreditNotesForOperator, listInvoicePaymentsForOperator } from '@/db/queries/invoice-adjustments';
import type { InvoiceLineRecord, InvoiceRecord } from '@/db/queries/invoices';
import { env } from '@/lib/env';
import { minorUnitDigits } from '@/lib/i18n/format';
import { operatorCan, type OperatorRole } from '@/lib/permissions';
import { todayIn } from '@/lib/receivables/as-of';
import { creditTaxRatesOf } from './credit-notes';

/** `timeZone`: the one the page shows the invoice's dates in (the organization's), so "today" is the operator's day. */
export async function loadInvoiceAdjustmentsForOperator(invoice: InvoiceRecord, lines: InvoiceLineRecord[], role: OperatorRole, timeZone: string, now = new Date()) {
  const [payments, creditNotes, t] = await Promise.all([
    listInvoicePaymentsForOperator({ invoiceId: invoice.id }),
    listCreditNotesForOperator({ invoiceId: invoice.id }),
    getTranslations('backOffice'),
  ]);
  const data = invoice.data as Stripe.Invoice;
  const digits = minorUnitDigits(invoice.currency);
  return {
    t,
    payments,
    creditNotes,
    canRecordPayment: invoice.status === 'open' && operatorCan(role, 'admin:payments:record'),
    canIssueCreditNote: (invoice.status === 'open' || invoice.status === 'paid') && operatorCan(role, 'admin:credit_notes:manage'),
    fullAmountOnly: env.OFF_STRIPE_PAYMENTS === 'paid_out_of_band',
    paidByCard: invoice.amountPaid > (data.amount_paid_off_stripe ?? 0),
    /** The amount remaining as the operator would type it (major units, no grouping). */
    remainingInput: (invoice.amountRemaining / 10 ** digits).toFixed(digits),
    /** The default date received: today where the organization is (at 00:37 in Tokyo, already the next day of UTC). */
    today: todayIn(timeZone, now),
    /** The rates a credit by amount is taxed at (the invoice's own). */
    creditTaxRates: creditTaxRatesOf(invoice),
    creditableLines: lines.filter((l) => l.amount > 0).map((l) => ({ id: l.id, description: l.description ?? l.id, quantity: l.quantity ?? 1 })),
  };
}
