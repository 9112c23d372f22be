// What paid an invoice that its mirrored payments do not show, so the operators' payments list never says "no
// payments" beside an amount paid: an invoice marked `paid_out_of_band` has no invoice payment at all, and one
// mirrored before its payments were (or whose payment the mirror has not read yet) has none listed. Pure.
import type Stripe from 'stripe';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';
import type { InvoiceRecord } from '@/db/queries/invoices';

/** Money on the invoice that no listed payment accounts for: by card through Stripe, or marked paid outside it. */
export type UnlistedPayment = { method: 'card' | 'outside_stripe'; amount: number; paidAt: Date | null };

const paidAmount = (p: InvoicePaymentRecord) => (p.status === 'paid' ? (p.amountPaid ?? 0) : 0);

/**
 * Stripe's own sums decide: `amount_paid` in all, of which `amount_paid_off_stripe` outside Stripe. What the listed
 * paid payments of each kind do not cover is returned as one line per kind (card first), dated when the invoice was paid.
 */
export function unlistedPayments(invoice: Pick<InvoiceRecord, 'amountPaid' | 'paidAt' | 'data'>, payments: readonly InvoicePaymentRecord[]): UnlistedPayment[] {
  const offStripe = (invoice.data as Partial<Stripe.Invoice> | null)?.amount_paid_off_stripe ?? 0;
  const listedOffStripe = payments.filter((p) => p.type === 'payment_record').reduce((sum, p) => sum + paidAmount(p), 0);
  const listedStripe = payments.filter((p) => p.type !== 'payment_record').reduce((sum, p) => sum + paidAmount(p), 0);
  const lines: UnlistedPayment[] = [];
  const card = invoice.amountPaid - offStripe - listedStripe;
  if (card > 0) lines.push({ method: 'card', amount: card, paidAt: invoice.paidAt });
  const outside = offStripe - listedOffStripe;
  if (outside > 0) lines.push({ method: 'outside_stripe', amount: outside, paidAt: invoice.paidAt });
  return lines;
}
