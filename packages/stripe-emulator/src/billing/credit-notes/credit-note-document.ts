// The PDF view model of a credit note (rendered by the same renderer and layout as invoices and receipts).
import type Stripe from 'stripe';
import { safe, type InvoiceDocument } from '../../pdf/invoice-pdf.js';
import type { BillingEngine } from '../engine.js';
import { discountLabel } from '../documents.js';

const REASONS: Record<string, string> = {
  duplicate: 'Duplicate',
  fraudulent: 'Fraudulent',
  order_change: 'Order change',
  product_unsatisfactory: 'Product unsatisfactory',
};

/** "JCT (10% inclusive)"; a name the PDF's built-in font cannot draw (消費税) is shown as "Tax". */
function taxLabel(engine: BillingEngine, id: string): string {
  const rate = engine.ports.catalog.taxRate(id, 'tax_rate');
  const name = safe(rate.display_name) === rate.display_name ? rate.display_name : 'Tax';
  return `${name} (${rate.percentage}%${rate.inclusive ? ' inclusive' : ''})`;
}

export function creditNoteDocument(engine: BillingEngine, note: Stripe.CreditNote): InvoiceDocument {
  const inv = engine.invoice(typeof note.invoice === 'string' ? note.invoice : note.invoice.id);
  return {
    kind: 'credit_note',
    number: note.number,
    status: note.status,
    currency: note.currency,
    issuedAt: note.effective_at ?? note.created,
    dueAt: null,
    paidAt: null,
    seller: { name: inv.account_name, email: null, addressLines: [] },
    billTo: { name: inv.customer_name, email: inv.customer_email, addressLines: [] },
    lines: note.lines.data.map((l) => ({ description: l.description ?? '', period: null, quantity: l.quantity, unitAmount: l.unit_amount, amount: l.amount })),
    subtotal: note.subtotal,
    // Subtotal − discounts (+ exclusive tax) = total credited, as on the invoice the note credits.
    discounts: note.discount_amounts
      .filter((d) => d.amount !== 0)
      .map((d) => ({ label: discountLabel(engine, typeof d.discount === 'string' ? d.discount : d.discount.id), amount: d.amount })),
    taxes: (note.total_taxes ?? []).flatMap((t) => (t.tax_rate_details ? [{ label: taxLabel(engine, t.tax_rate_details.tax_rate), amount: t.amount }] : [])),
    totalExcludingTax: note.total_excluding_tax ?? note.total,
    total: note.total,
    amountPaid: 0,
    amountDue: 0,
    amountRemaining: 0,
    appliedBalance: 0,
    memo: note.memo,
    footer: null,
    customFields: [],
    paymentUrl: null,
    paymentMethodLabel: null,
    creditNote: { invoiceNumber: inv.number, reason: note.reason ? (REASONS[note.reason] ?? note.reason) : null, status: note.status },
  };
}
