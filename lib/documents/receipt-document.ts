// Mirror rows → the receipt's printable values. Pure, so the mapping is tested without a database.
import type Stripe from 'stripe';
import type { BillingDetails } from '@/lib/billing/details/billing-details-schema';
import type { ReceiptDocument } from './receipt-pdf';

type InvoiceRow = {
  id: string;
  number: string | null;
  currency: string;
  subtotal: number;
  total: number;
  amountPaid: number;
  paidAt: Date | null;
  finalizedAt: Date | null;
  stripeCreated: Date;
  data: unknown;
};
type LineRow = { description: string | null; quantity: number | null; amount: number };

/** `RCPT-ABC-0001`: one receipt per paid invoice, so the invoice number (or id) names it. */
export function receiptNumberFor(invoice: Pick<InvoiceRow, 'id' | 'number'>): string {
  return `RCPT-${invoice.number ?? invoice.id}`;
}

export function receiptDocumentFrom(params: {
  invoice: InvoiceRow;
  lines: readonly LineRow[];
  billing: BillingDetails | null;
  paymentMethod: ReceiptDocument['paymentMethod'];
}): ReceiptDocument {
  const { invoice, billing } = params;
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  const address = billing?.address;
  const cityLine = [address?.postalCode, address?.city, address?.state].filter(Boolean).join(' ');
  return {
    receiptNumber: receiptNumberFor(invoice),
    invoiceNumber: invoice.number ?? invoice.id,
    currency: invoice.currency,
    amountPaid: invoice.amountPaid,
    subtotal: invoice.subtotal,
    total: invoice.total,
    paidAt: invoice.paidAt ?? invoice.finalizedAt ?? invoice.stripeCreated,
    paymentMethod: params.paymentMethod,
    issuer: (typeof data?.account_name === 'string' && data.account_name.trim()) || 'Seikyu',
    billedTo: {
      name: billing?.companyName ?? data?.customer_name ?? null,
      email: billing?.billingEmail ?? data?.customer_email ?? null,
      addressLines: [address?.line1, address?.line2, cityLine, address?.country].filter((line): line is string => typeof line === 'string' && line !== ''),
      taxId: billing?.taxId?.value ?? null,
    },
    lines: params.lines.map((line) => ({ description: line.description ?? '', quantity: line.quantity, amount: line.amount })),
    language: billing?.invoiceLanguage ?? null,
  };
}
