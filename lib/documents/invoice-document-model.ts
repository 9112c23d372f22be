// Mirror rows + branding → the DocumentModel of an invoice or its receipt. Pure, so the mapping (zero lines
// left out, tax per rate from Stripe's data, 御中/様, footers) is tested without a database.
import { invoiceAppliedBalance, invoiceCreditNoteAmounts, invoiceMemo } from '@/lib/billing/invoices/invoice-details';
import { taxRatePercentOf } from '@/lib/billing/tax/tax-lines';
import type Stripe from 'stripe';
import type { BillingDetails } from '@/lib/billing/details/billing-details-schema';
import { bankTransferFooterOf, type BrandingSettings } from '@/lib/branding/settings';
import { mirroredLineOrigin, type LineCatalog } from '@/lib/billing/invoices/line-description';
import { isReducedRate, taxesByRate, type DocumentIssuer, type DocumentLine, type DocumentModel, type DocumentPaymentMethod } from './document-model';

export type InvoiceRow = {
  id: string;
  number: string | null;
  currency: string;
  subtotal: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  /** Stripe's amount_remaining; without it, the amount due less what was paid. */
  amountRemaining?: number;
  collectionMethod: string | null;
  dueDate?: Date | null;
  paidAt: Date | null;
  finalizedAt: Date | null;
  stripeCreated: Date;
  data: unknown;
};
export type LineRow = {
  description: string | null;
  quantity: number | null;
  amount: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  data: unknown;
  /** The price's catalogue texts (db/queries/invoices.ts), to describe Stripe's generated lines in the document's language. */
  catalog?: LineCatalog | null;
};

/** `RCPT-ABC-0001`: one receipt per paid invoice, so the invoice number (or id) names it. */
export function receiptNumberFor(invoice: Pick<InvoiceRow, 'id' | 'number'>): string {
  return `RCPT-${invoice.number ?? invoice.id}`;
}

/** The line's tax rate, from its first Stripe tax (a Japanese line carries one rate). */
function lineTaxRate(data: unknown, taxRates: ReadonlyMap<string, number>): number | null {
  const taxes = (data as Partial<Stripe.InvoiceLineItem> | null)?.taxes;
  const first = Array.isArray(taxes) ? taxes[0] : undefined;
  return first ? taxRatePercentOf(first, taxRates) : null;
}

/**
 * What Stripe charged (or credited) per rate (an invoice's or credit note's `total_taxes`), so the printed tax equals
 * the amount due or credited.
 */
export function chargedTaxes(
  data: { total_taxes?: ReadonlyArray<Partial<Stripe.InvoiceLineItem.Tax>> | null } | null,
  taxRates: ReadonlyMap<string, number>,
): Map<number, { taxableAmount: number; taxAmount: number }> {
  const charged = new Map<number, { taxableAmount: number; taxAmount: number }>();
  for (const tax of data?.total_taxes ?? []) {
    const rate = taxRatePercentOf(tax, taxRates);
    if (rate === null) continue;
    const sum = charged.get(rate) ?? { taxableAmount: 0, taxAmount: 0 };
    charged.set(rate, { taxableAmount: sum.taxableAmount + (tax.taxable_amount ?? 0), taxAmount: sum.taxAmount + (tax.amount ?? 0) });
  }
  return charged;
}

export function issuerFrom(branding: BrandingSettings, logo: DocumentIssuer['logo'], accountName: string | null): DocumentIssuer {
  return {
    // The configured company name wins; an unconfigured one ('Seikyu' default) gives way to Stripe's account name.
    name: branding.companyName !== 'Seikyu' || !accountName ? branding.companyName : accountName,
    addressLines: branding.companyAddress.split('\n').map((line) => line.trim()).filter(Boolean),
    registrationNumber: branding.registrationNumber || null,
    phone: branding.showSupportPhone && branding.supportPhone ? branding.supportPhone : null,
    brandColor: branding.brandColor,
    logo,
  };
}

/**
 * What the renderer needs to describe a line in the document's language: Stripe's lines from the catalogue; a
 * written line stays as written unless it is only its product's name as Stripe writes it (a quote's one-off item,
 * lib/billing/invoices/line-description.ts), so it needs its catalogue too.
 */
export function generatedOf(line: Pick<LineRow, 'data' | 'catalog' | 'periodStart'>): DocumentLine['generated'] {
  const origin = mirroredLineOrigin(line.data);
  if (origin === 'written' && !line.catalog) return undefined;
  return { origin, catalog: line.catalog ?? null, periodStart: line.periodStart };
}

/** 取引年月日: the service period the invoice's lines cover, else the day it was finalized. */
export function transactionPeriodOf(
  invoice: Pick<InvoiceRow, 'finalizedAt' | 'stripeCreated'>,
  lines: readonly Pick<LineRow, 'periodStart' | 'periodEnd'>[],
): { start: Date; end: Date } {
  const starts = lines.map((line) => line.periodStart).filter((d): d is Date => d instanceof Date);
  const ends = lines.map((line) => line.periodEnd).filter((d): d is Date => d instanceof Date);
  if (starts.length > 0 && ends.length > 0) return { start: new Date(Math.min(...starts.map(Number))), end: new Date(Math.max(...ends.map(Number))) };
  const day = invoice.finalizedAt ?? invoice.stripeCreated;
  return { start: day, end: day };
}

/** The addressee: the organization's billing details, else the name and email on Stripe's invoice. */
export function addresseeOf(billing: BillingDetails | null, data: Partial<Stripe.Invoice> | null): DocumentModel['addressee'] {
  const address = billing?.address;
  // A Japanese address reads from the postal code down (〒150-0002 東京都渋谷区…); an English one the other way.
  const addressLines =
    billing?.invoiceLanguage === 'ja'
      ? [address?.postalCode ? `〒${address.postalCode}` : null, [address?.state, address?.city, address?.line1].filter(Boolean).join(''), address?.line2]
      : [address?.line1, address?.line2, [address?.city, address?.state, address?.postalCode].filter(Boolean).join(' '), address?.country];
  return {
    name: billing?.companyName ?? data?.customer_name ?? null,
    // Billing details are always a company's (companyName is required there); a bare Stripe customer name is a person's.
    isCompany: Boolean(billing?.companyName),
    email: billing?.billingEmail ?? data?.customer_email ?? null,
    addressLines: addressLines.filter((line): line is string => typeof line === 'string' && line !== ''),
    taxId: billing?.taxId?.value ?? null,
  };
}

export function invoiceDocumentModelFrom(params: {
  kind: 'invoice' | 'receipt';
  invoice: InvoiceRow;
  lines: readonly LineRow[];
  billing: BillingDetails | null;
  branding: BrandingSettings;
  logo?: DocumentIssuer['logo'];
  paymentMethod: DocumentPaymentMethod | null;
  taxRates?: ReadonlyMap<string, number>;
}): DocumentModel {
  const { invoice, billing, branding, kind } = params;
  const taxRates = params.taxRates ?? new Map<string, number>();
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  const allLines: DocumentLine[] = params.lines.map((line) => {
    const taxRatePercent = lineTaxRate(line.data, taxRates);
    return {
      description: line.description ?? '',
      generated: generatedOf(line),
      quantity: line.quantity,
      amount: line.amount,
      taxRatePercent,
      reducedRate: isReducedRate(taxRatePercent, invoice.currency),
    };
  });
  // Tax per rate is computed from every line (a zero line adds nothing); the customer sees only non-zero lines.
  const taxes = taxesByRate(allLines, invoice.currency, chargedTaxes(data, taxRates));
  const discount = (data?.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
  const bankTransfer = invoice.collectionMethod === 'send_invoice';
  const footer = [branding.invoiceFooter, kind === 'invoice' && bankTransfer ? bankTransferFooterOf(branding) : ''].filter(Boolean).join('\n\n');
  const dueDate = invoice.dueDate ?? (typeof data?.due_date === 'number' ? new Date(data.due_date * 1000) : null);
  return {
    kind,
    language: billing?.invoiceLanguage ?? null,
    currency: invoice.currency,
    number: kind === 'receipt' ? receiptNumberFor(invoice) : (invoice.number ?? invoice.id),
    invoiceNumber: invoice.number ?? invoice.id,
    issueDate: kind === 'receipt' ? (invoice.paidAt ?? invoice.finalizedAt ?? invoice.stripeCreated) : (invoice.finalizedAt ?? invoice.stripeCreated),
    transactionPeriod: transactionPeriodOf(invoice, params.lines),
    dueDate,
    paidAt: invoice.paidAt,
    issuer: issuerFrom(branding, params.logo ?? null, typeof data?.account_name === 'string' ? data.account_name.trim() || null : null),
    addressee: addresseeOf(billing, data),
    lines: allLines.filter((line) => line.amount !== 0),
    subtotal: invoice.subtotal,
    discount,
    taxes,
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountDue: invoice.amountDue,
    amountRemaining: invoice.amountRemaining ?? Math.max(0, invoice.amountDue - invoice.amountPaid),
    creditedBeforePayment: invoiceCreditNoteAmounts(invoice).beforePayment,
    appliedBalance: invoiceAppliedBalance(invoice),
    paymentMethod: params.paymentMethod ?? (bankTransfer ? { type: 'bank_transfer' } : null),
    receiptPurpose: null,
    // The memo an operator wrote on the invoice (Stripe prints it on its PDF too): the invoice states it, a receipt not.
    memo: kind === 'invoice' ? invoiceMemo(invoice) : null,
    footer: footer || null,
  };
}
