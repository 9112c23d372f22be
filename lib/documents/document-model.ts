// The plain input of the one document renderer (document-pdf.ts): an invoice, a receipt, a credit note or a quote as
// printable facts. Builders (invoice-document-model.ts, and the credit-note wiring) fill it from the mirror; the
// renderer never reads a database or Stripe. Amounts are in the currency's minor unit, as Stripe gives them.
import type { creditNoteReasons, OffStripePaymentMethod } from '@/lib/back-office/adjustment-options';
import type { LineCatalog, LineOrigin } from '@/lib/billing/invoices/line-description';

export type DocumentKind = 'invoice' | 'receipt' | 'credit_note' | 'quote';

/** Stripe's reasons for a credit note. */
export type CreditNoteReason = (typeof creditNoteReasons)[number];

export type DocumentLine = {
  /** As written, or Stripe's (English) text for a line Stripe generated. */
  description: string;
  /**
   * For a line Stripe generated (a subscription's period, a proration): what the renderer needs to describe it in
   * the document's language (lib/billing/invoices/line-description.ts), which is settled only when it draws.
   */
  generated?: { origin: LineOrigin; catalog: LineCatalog | null; periodStart: Date | null };
  quantity: number | null;
  /** The line's net amount as billed (before tax for tax-exclusive prices). */
  amount: number;
  /** The consumption-tax (or sales-tax) rate applied to the line, when any. */
  taxRatePercent: number | null;
  /** 軽減税率対象: printed with the ※ mark on Japanese documents. */
  reducedRate: boolean;
};

/** One row per tax rate: the amount the rate applies to and its tax, the tax rounded once for the document. */
export type TaxByRate = { ratePercent: number; reducedRate: boolean; taxableAmount: number; taxAmount: number };

export type DocumentIssuer = {
  name: string;
  addressLines: string[];
  /** 適格請求書発行事業者登録番号 (T + 13 digits), when registered. */
  registrationNumber: string | null;
  phone: string | null;
  brandColor: string;
  logo: { data: Buffer; contentType: 'image/png' | 'image/jpeg' } | null;
};

export type DocumentAddressee = {
  name: string | null;
  /** A company is addressed 御中, a person 様 (Japanese documents). */
  isCompany: boolean;
  email: string | null;
  addressLines: string[];
  taxId: string | null;
};

export type DocumentPaymentMethod =
  | { type: 'card'; brand: string | null; last4: string | null }
  | { type: 'bank_transfer' }
  /** Paid in one or more payments recorded outside Stripe (and a card, if one paid part of it): each way once. */
  | { type: 'recorded'; ways: readonly (OffStripePaymentMethod | 'card')[] };

export type DocumentModel = {
  kind: DocumentKind;
  /** The customer's invoice language: `ja` draws the Japanese layout when the CJK font is available. */
  language: string | null;
  currency: string;
  /** The document's own number: the invoice number, RCPT-…, or the credit note number. */
  number: string;
  /** The invoice a receipt or credit note belongs to. */
  invoiceNumber: string | null;
  issueDate: Date;
  /** 取引年月日: the service period, or the single date of the transaction. */
  transactionPeriod: { start: Date; end: Date } | null;
  dueDate: Date | null;
  /** A quote's last day of validity (有効期限). */
  validUntil?: Date | null;
  paidAt: Date | null;
  issuer: DocumentIssuer;
  addressee: DocumentAddressee;
  /** Customer-visible lines: zero-amount lines are already left out by the builder. */
  lines: DocumentLine[];
  subtotal: number;
  /** Discounts on the whole document, as a positive amount (0 when none). */
  discount: number;
  taxes: TaxByRate[];
  total: number;
  amountPaid: number;
  /** What the invoice bills: its total less credit notes before payment and the customer balance applied. */
  amountDue: number;
  /** What is still owed (an invoice's 未払残高): the amount due less what was paid. */
  amountRemaining: number;
  /** Credit notes issued before payment, which lowered the amount due (0 when none). */
  creditedBeforePayment: number;
  /** The customer's credit balance applied to the invoice (0 when none). */
  appliedBalance: number;
  /** How the receipt was paid, when known. */
  paymentMethod: DocumentPaymentMethod | null;
  /** 但し書き of a receipt: what the money was for; null prints the default (「ご利用料金として」). */
  receiptPurpose: string | null;
  /** An invoice's memo (Stripe's `description`, 備考), a credit note's memo, or a quote's note. */
  memo: string | null;
  /** A credit note's reason, printed in the document's language before its memo. */
  creditReason?: CreditNoteReason | null;
  /** Printed at the bottom: the invoice footer, and for bank-transfer invoices the bank account details. */
  footer: string | null;
};

/** 8 % in Japan is the reduced consumption-tax rate (food, newspapers): the ※ mark applies to it only. */
export function isReducedRate(ratePercent: number | null, currency: string): boolean {
  return ratePercent === 8 && currency.toLowerCase() === 'jpy';
}

/** Rounds half away from zero, so a credit note's negative tax rounds like the invoice's positive one. */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * Tax per rate for the document: lines grouped by rate, the taxable amounts summed, and the tax rounded ONCE per
 * rate (the qualified-invoice rule: no per-line rounding). `charged` carries the tax Stripe actually charged per
 * rate (from the invoice's `total_taxes`); when given for a rate it wins, so the document never disagrees with
 * the amount due.
 */
export function taxesByRate(
  lines: readonly Pick<DocumentLine, 'amount' | 'taxRatePercent'>[],
  currency: string,
  charged: ReadonlyMap<number, { taxableAmount: number; taxAmount: number }> = new Map(),
): TaxByRate[] {
  const taxable = new Map<number, number>();
  for (const line of lines) {
    if (line.taxRatePercent === null) continue;
    taxable.set(line.taxRatePercent, (taxable.get(line.taxRatePercent) ?? 0) + line.amount);
  }
  for (const rate of charged.keys()) if (!taxable.has(rate)) taxable.set(rate, 0);
  return [...taxable.entries()]
    .sort(([a], [b]) => b - a)
    .map(([ratePercent, base]) => {
      const fromStripe = charged.get(ratePercent);
      return {
        ratePercent,
        reducedRate: isReducedRate(ratePercent, currency),
        taxableAmount: fromStripe?.taxableAmount ?? base,
        taxAmount: fromStripe?.taxAmount ?? roundMinor((base * ratePercent) / 100),
      };
    });
}
