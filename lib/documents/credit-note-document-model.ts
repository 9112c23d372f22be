// Mirror rows + branding → the DocumentModel of a credit note (返品・値引明細書; 適格返還請求書 when the issuer is
// registered): what was credited, line by line, with the tax per rate Stripe credited, the invoice it credits and
// that invoice's transaction dates. Pure, like the invoice's builder, whose addressee, dates and line descriptions it
// shares. Amounts are positive: what is credited.
import type Stripe from 'stripe';
import type { BillingDetails } from '@/lib/billing/details/billing-details-schema';
import type { BrandingSettings } from '@/lib/branding/settings';
import { creditNoteReasons } from '@/lib/back-office/adjustment-options';
import { isReducedRate, taxesByRate, type DocumentIssuer, type DocumentLine, type DocumentModel } from './document-model';
import { taxRatePercentOf } from '@/lib/billing/tax/tax-lines';
import { addresseeOf, chargedTaxes, generatedOf, issuerFrom, transactionPeriodOf, type InvoiceRow, type LineRow } from './invoice-document-model';

type CreditNoteRow = {
  number: string;
  currency: string;
  total: number;
  reason: string | null;
  memo: string | null;
  stripeCreated: Date;
  data: unknown;
};

type InvoiceLine = LineRow & { id: string };

/** The percentages of the rates a credit note line carries (Stripe gives them expanded on the line). */
function ratesOf(lines: readonly Partial<Stripe.CreditNoteLineItem>[]): Map<string, number> {
  const rates = new Map<string, number>();
  for (const line of lines) for (const rate of line.tax_rates ?? []) rates.set(rate.id, rate.percentage);
  return rates;
}

export function creditNoteDocumentModelFrom(params: {
  note: CreditNoteRow;
  invoice: InvoiceRow;
  /** The credited invoice's lines: a credited line is described as the invoice described it, dated by its period. */
  invoiceLines: readonly InvoiceLine[];
  billing: BillingDetails | null;
  branding: BrandingSettings;
  logo?: DocumentIssuer['logo'];
}): DocumentModel {
  const { note, invoice, billing, branding } = params;
  const data = note.data as Partial<Stripe.CreditNote> | null;
  const invoiceData = invoice.data as Partial<Stripe.Invoice> | null;
  const noteLines = data?.lines?.data ?? [];
  const taxRates = ratesOf(noteLines);
  const byId = new Map(params.invoiceLines.map((line) => [line.id, line]));
  const lines: DocumentLine[] = noteLines.map((line) => {
    const source = line.invoice_line_item ? byId.get(line.invoice_line_item) : undefined;
    const firstTax = line.taxes?.[0];
    const taxRatePercent = firstTax ? taxRatePercentOf(firstTax, taxRates) : null;
    return {
      description: line.description ?? source?.description ?? '',
      generated: source ? generatedOf(source) : undefined,
      quantity: line.quantity,
      amount: line.amount,
      taxRatePercent,
      reducedRate: isReducedRate(taxRatePercent, note.currency),
    };
  });
  const reason = creditNoteReasons.find((r) => r === note.reason) ?? null;
  return {
    kind: 'credit_note',
    language: billing?.invoiceLanguage ?? null,
    currency: note.currency,
    number: note.number,
    invoiceNumber: invoice.number ?? invoice.id,
    issueDate: typeof data?.effective_at === 'number' ? new Date(data.effective_at * 1000) : note.stripeCreated,
    // The qualified return invoice states when the credited sale took place: the invoice's transaction dates.
    transactionPeriod: transactionPeriodOf(invoice, params.invoiceLines),
    dueDate: null,
    paidAt: null,
    issuer: issuerFrom(branding, params.logo ?? null, typeof invoiceData?.account_name === 'string' ? invoiceData.account_name.trim() || null : null),
    addressee: addresseeOf(billing, invoiceData),
    lines: lines.filter((line) => line.amount !== 0),
    subtotal: data?.subtotal ?? note.total,
    discount: data?.discount_amount ?? 0,
    taxes: taxesByRate(lines, note.currency, chargedTaxes(data ?? null, taxRates)),
    total: note.total,
    amountPaid: 0,
    amountDue: 0,
    amountRemaining: 0,
    creditedBeforePayment: 0,
    appliedBalance: 0,
    paymentMethod: null,
    receiptPurpose: null,
    memo: note.memo?.trim() || null,
    creditReason: reason,
    footer: branding.invoiceFooter || null,
  };
}
