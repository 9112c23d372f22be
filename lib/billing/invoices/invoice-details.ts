// What the invoice detail page and the document routes derive from a mirrored invoice. Pure: no database, no
// Stripe; the mirror rows come in, display values and decisions go out.
import type Stripe from 'stripe';
import { appliedDiscounts } from './applied-discounts';

type InvoiceLike = {
  id: string;
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  collectionMethod: 'charge_automatically' | 'send_invoice';
  amountRemaining: number;
  data: unknown;
};

type LineLike = { amount: number };

/** Lines worth showing: a zero-amount line (a free tier's ¥0 item, an unused metered price) is noise. */
export function visibleInvoiceLines<T extends LineLike>(lines: readonly T[]): T[] {
  return lines.filter((line) => line.amount !== 0);
}

/** `name`: the coupon's own name when the mirror has it (never a raw id), to say which discount it is. */
export type InvoiceDiscount = { id: string | null; amount: number; name: string | null };

/** The discounts applied to the invoice as a whole, from Stripe's `total_discount_amounts`. */
export function invoiceDiscounts(invoice: Pick<InvoiceLike, 'data'>): InvoiceDiscount[] {
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  const names = new Map(appliedDiscounts(invoice).map((d) => [d.id, d.couponName]));
  const amounts = data?.total_discount_amounts ?? [];
  return amounts
    .filter((entry) => entry.amount !== 0)
    .map((entry) => {
      const id = typeof entry.discount === 'string' ? entry.discount : (entry.discount?.id ?? null);
      return { id, amount: entry.amount, name: id ? (names.get(id) ?? null) : null };
    });
}

/**
 * The invoice's memo as the customer reads it (Stripe's `description`, which Stripe prints on its PDF and the
 * operators write in draft review): trimmed, null when there is none.
 */
export function invoiceMemo(invoice: Pick<InvoiceLike, 'data'>): string | null {
  const description = (invoice.data as Partial<Stripe.Invoice> | null)?.description;
  return typeof description === 'string' && description.trim() !== '' ? description.trim() : null;
}

/** Tax charged on the invoice: the sum of Stripe's `total_taxes` (none in this product today, but shown if present). */
export function invoiceTax(invoice: Pick<InvoiceLike, 'data'>): number {
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  return (data?.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);
}

/**
 * What the invoice's credit notes took off it, from Stripe's own sums (voided notes already left out): before
 * payment they lowered the amount due (total − credited − paid = remaining); after payment the money was refunded
 * or credited to the customer's balance, so it comes after what was paid.
 */
export function invoiceCreditNoteAmounts(invoice: Pick<InvoiceLike, 'data'>): { beforePayment: number; afterPayment: number } {
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  return { beforePayment: data?.pre_payment_credit_notes_amount ?? 0, afterPayment: data?.post_payment_credit_notes_amount ?? 0 };
}

/**
 * The customer's credit balance Stripe applied to the invoice (it lowered the amount due without a payment):
 * total − credit notes before payment − amount due, from the stored invoice. 0 when none.
 */
export function invoiceAppliedBalance(invoice: Pick<InvoiceLike, 'data'>): number {
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  if (typeof data?.total !== 'number' || typeof data.amount_due !== 'number') return 0;
  return Math.max(0, data.total - (data.pre_payment_credit_notes_amount ?? 0) - data.amount_due);
}

/** The address Stripe emails the invoice to (the customer's billing email when it was finalized), or null. */
export function invoiceEmailRecipient(invoice: Pick<InvoiceLike, 'data'>): string | null {
  const email = (invoice.data as Partial<Stripe.Invoice> | null)?.customer_email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim() : null;
}

/**
 * Bank-transfer instructions for an invoice paid by transfer: the invoice's footer, which is where the
 * operator puts the bank account (customer or account invoice settings are copied into it at finalization).
 */
export function bankTransferInstructions(invoice: Pick<InvoiceLike, 'collectionMethod' | 'data'>): string | null {
  if (invoice.collectionMethod !== 'send_invoice') return null;
  const footer = (invoice.data as Partial<Stripe.Invoice> | null)?.footer;
  return typeof footer === 'string' && footer.trim() !== '' ? footer.trim() : null;
}

/** An invoice the customer can pay from the portal: open, something left to pay, and not by bank transfer only. */
export function canPayInvoiceOnline(invoice: Pick<InvoiceLike, 'status' | 'amountRemaining'>): boolean {
  return invoice.status === 'open' && invoice.amountRemaining > 0;
}

/** A receipt exists only once the invoice is paid. */
export function hasReceipt(invoice: Pick<InvoiceLike, 'status'>): boolean {
  return invoice.status === 'paid';
}

/**
 * `CreditNote-ABC-0001-CN-01.pdf`: the credit note's number reduced to characters safe in a Content-Disposition;
 * Stripe's own PDF of it `CreditNote-ABC-0001-CN-01-stripe.pdf`.
 */
export function creditNoteFilename(number: string, source: 'seikyu' | 'stripe' = 'seikyu'): string {
  return `CreditNote-${number.replace(/[^A-Za-z0-9_-]/g, '_')}${source === 'stripe' ? '-stripe' : ''}.pdf`;
}

/**
 * `invoice-ABC-0001.pdf`: the invoice number (or id) reduced to characters safe in a Content-Disposition. Stripe's
 * own PDF of the same invoice is `invoice-ABC-0001-stripe.pdf`: two different documents, two names in a folder.
 */
export function documentFilename(kind: 'invoice' | 'receipt', invoice: Pick<InvoiceLike, 'id' | 'number'>, source: 'seikyu' | 'stripe' = 'seikyu'): string {
  const name = (invoice.number ?? invoice.id).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
  return `${kind}-${name}${source === 'stripe' ? '-stripe' : ''}.pdf`;
}
