// Credit notes on open or paid invoices, for operators with admin:credit_notes:manage. By amount or by invoice
// line, with a reason. A credit by amount on an invoice that carried consumption tax is one line at the invoice's
// rate (the operator picks one where the invoice had several), so the note states the tax it returns, as a
// qualified return invoice (適格返還請求書) must; on an untaxed invoice it is Stripe's plain `amount`. On an open
// invoice the credit lowers the amount due (Stripe's pre-payment note); on a paid one it goes to the customer's
// credit balance, is recorded as refunded outside Stripe, or is refunded to the card through a Stripe refund. The
// preview and the issue build the same Stripe params from the mirror, so what the operator confirmed is what is
// issued; Stripe's own checks (over-credit per line) surface as clear errors.
import 'server-only';
import type Stripe from 'stripe';
import { getBillingDetails } from '@/db/queries/billing-details';
import { findIssuedCreditNoteForOperator, listCreditNotesForOperator } from '@/db/queries/invoice-adjustments';
import { getInvoiceForOperator, type InvoiceLineRecord, type InvoiceRecord } from '@/db/queries/invoices';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, toAppError } from '@/lib/errors';
import { createCreditNote } from '@/lib/stripe/create-credit-note';
import { previewCreditNote } from '@/lib/stripe/preview-credit-note';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { parseMajorAmount } from './amounts';
import type { CreditNoteInput, IssueCreditNoteInput } from './credit-note-schema';

export type CreditNotePreview = {
  total: number;
  currency: string;
  type: string;
  /** `invoiceLineItem`: the invoice line credited, which the page describes in the operator's language. */
  lines: { description: string | null; invoiceLineItem: string | null; quantity: number | null; amount: number }[];
  /** The tax the note returns, per rate: inclusive tax is inside the lines' amounts, exclusive is added to them. */
  taxes: { percentage: number | null; inclusive: boolean; amount: number }[];
};

/** A rate a credit by amount can carry: one the invoice was taxed at. */
export type CreditTaxRate = { id: string; percentage: number; inclusive: boolean };

/** The invoice's tax rates (from its tax per rate), each once. */
export function creditTaxRatesOf(invoice: Pick<InvoiceRecord, 'taxes'>): CreditTaxRate[] {
  const rates = new Map<string, CreditTaxRate>();
  for (const tax of invoice.taxes) {
    if (tax.rateId && tax.percentage !== null && !rates.has(tax.rateId)) rates.set(tax.rateId, { id: tax.rateId, percentage: tax.percentage, inclusive: tax.inclusive });
  }
  return [...rates.values()];
}

/**
 * The text of a credit-by-amount line, in the language of the customer's documents: Stripe requires one, and it is
 * printed on the credit note under 品目. Money returned for a charge that should not have been made is a refund
 * (返金); otherwise the price is lowered (値引き).
 */
function amountLineText(reason: CreditNoteInput['reason'], language: string | null): string {
  const refund = reason === 'duplicate' || reason === 'fraudulent';
  if (language === 'ja') return refund ? '返金' : '値引き';
  return refund ? 'Refund' : 'Credit';
}

function refuse(reason: string): AppError {
  return new AppError('invalid_input', `credit note refused: ${reason}`, { reason, userMessageKey: { key: `backOffice.creditNotes.errors.${reason}` } });
}

/** What is left to credit: the amount due on an open invoice, what was paid less earlier credits on a paid one. */
export function creditableAmount(invoice: InvoiceRecord): number {
  const data = invoice.data as Stripe.Invoice;
  return invoice.status === 'open' ? invoice.amountRemaining : invoice.amountPaid - (data.post_payment_credit_notes_amount ?? 0);
}

function paidByCard(invoice: InvoiceRecord): boolean {
  const data = invoice.data as Stripe.Invoice;
  return invoice.amountPaid > (data.amount_paid_off_stripe ?? 0);
}

type LoadedInvoice = { invoice: InvoiceRecord; lines: InvoiceLineRecord[]; documentLanguage: string | null };

function baseParams({ invoice, lines, documentLanguage }: LoadedInvoice, input: CreditNoteInput): Stripe.CreditNotePreviewParams {
  if (invoice.status !== 'open' && invoice.status !== 'paid') throw refuse('notOpenOrPaid');
  const common = { invoice: invoice.id, reason: input.reason, ...(input.memo ? { memo: input.memo } : {}) };
  if (input.by === 'amount') {
    const amount = parseMajorAmount(input.amount ?? '', invoice.currency);
    if (amount === null) throw refuse('badAmount');
    if (amount <= 0) throw refuse('notPositive');
    // For an exclusive rate the tax comes on top: Stripe checks that total against what is left (asRefusal).
    if (amount > creditableAmount(invoice)) throw refuse('overCredit');
    const rates = creditTaxRatesOf(invoice);
    if (rates.length === 0) {
      if (input.taxRate) throw refuse('unknownTaxRate');
      return { ...common, amount };
    }
    const rate = input.taxRate ? rates.find((r) => r.id === input.taxRate) : rates.length === 1 ? rates[0] : undefined;
    if (!rate) throw refuse(input.taxRate ? 'unknownTaxRate' : 'chooseTaxRate');
    return {
      ...common,
      lines: [{ type: 'custom_line_item', description: amountLineText(input.reason, documentLanguage), quantity: 1, unit_amount: amount, tax_rates: [rate.id] }],
    };
  }
  const byId = new Map(lines.map((l) => [l.id, l]));
  const chosen = (input.lines ?? []).filter((l) => l.quantity > 0);
  if (chosen.length === 0) throw refuse('noLines');
  return {
    ...common,
    lines: chosen.map((l) => {
      const line = byId.get(l.lineId);
      if (!line) throw refuse('unknownLine');
      if (l.quantity > (line.quantity ?? 1)) throw refuse('overCredit');
      return { type: 'invoice_line_item' as const, invoice_line_item: line.id, quantity: l.quantity };
    }),
  };
}

/** The split of a paid invoice's credit: all of it to the balance, to the card, or recorded as refunded outside Stripe. */
function settlementParams(invoice: InvoiceRecord, input: CreditNoteInput, total: number): Partial<Stripe.CreditNoteCreateParams> {
  if (invoice.status === 'open') return {};
  if (input.settlement === 'refund_to_card') {
    if (!paidByCard(invoice)) throw refuse('noCardPayment');
    return { refund_amount: total };
  }
  if (input.settlement === 'refund_outside_stripe') return { out_of_band_amount: total };
  return { credit_amount: total };
}

/** Stripe's refusal of a credit note (over-credit on a line, nothing left to refund) as the operator's error. */
function asRefusal(error: unknown): AppError {
  const e = error as { type?: string; statusCode?: number };
  if (e?.type === 'StripeInvalidRequestError' && e.statusCode === 400) {
    const refusal = refuse('overCredit');
    return new AppError('invalid_input', `${refusal.message}: ${(error as Error).message}`, {
      reason: 'overCredit',
      userMessageKey: refusal.userMessageKey,
      cause: error,
    });
  }
  return toAppError(error);
}

async function loadInvoice(invoiceId: string): Promise<LoadedInvoice> {
  const found = await getInvoiceForOperator({ invoiceId });
  if (!found) throw new AppError('not_found', `invoice ${invoiceId} is not in the mirror`);
  const organizationId = found.invoice.organizationId;
  const billing = organizationId ? await getBillingDetails({ organizationId }) : null;
  return { ...found, documentLanguage: billing?.details.invoiceLanguage ?? null };
}

async function previewFor(loaded: LoadedInvoice, input: CreditNoteInput, stripe?: Stripe) {
  const params = baseParams(loaded, input);
  const note = await previewCreditNote(params, stripe).catch((error: unknown) => {
    throw asRefusal(error);
  });
  return { params, note };
}

/** The note's tax per rate, with each rate's percentage from the lines that carry it. */
function previewTaxes(note: Stripe.CreditNote): CreditNotePreview['taxes'] {
  const percentages = new Map(note.lines.data.flatMap((l) => l.tax_rates.map((r) => [r.id, r.percentage] as const)));
  return (note.total_taxes ?? []).map((t) => {
    const rate = t.tax_rate_details?.tax_rate;
    return { percentage: rate ? (percentages.get(rate) ?? null) : null, inclusive: t.tax_behavior === 'inclusive', amount: t.amount };
  });
}

export async function previewOperatorCreditNote(input: CreditNoteInput, stripe?: Stripe): Promise<CreditNotePreview> {
  const loaded = await loadInvoice(input.invoiceId);
  const { note } = await previewFor(loaded, input, stripe);
  settlementParams(loaded.invoice, input, note.total);
  return {
    total: note.total,
    currency: note.currency,
    type: note.type,
    lines: note.lines.data.map((l) => ({ description: l.description, invoiceLineItem: l.invoice_line_item ?? null, quantity: l.quantity, amount: l.amount })),
    taxes: previewTaxes(note),
  };
}

export type IssueCreditNoteResult = { outcome: 'issued' | 'already_issued'; creditNoteId: string; number: string };

export async function issueOperatorCreditNote(
  params: IssueCreditNoteInput & { operatorUserId: string },
  stripe?: Stripe,
): Promise<IssueCreditNoteResult> {
  const loaded = await loadInvoice(params.invoiceId);
  const { invoice } = loaded;
  const previous = await findIssuedCreditNoteForOperator({ invoiceId: invoice.id, attempt: params.attempt });
  if (previous) return { outcome: 'already_issued', creditNoteId: previous.id, number: previous.number };

  const { params: base, note: preview } = await previewFor(loaded, params, stripe);
  const split = settlementParams(invoice, params, preview.total);
  const note = await createCreditNote(
    { ...base, ...split, metadata: { operator_attempt: params.attempt } },
    `operator:invoice:${invoice.id}:credit-note:${params.attempt}`,
    stripe,
  ).catch((error: unknown) => {
    throw asRefusal(error);
  });

  await syncStripeCustomer(invoice.customerId, undefined, { stripe });
  const after = (await getInvoiceForOperator({ invoiceId: invoice.id }))?.invoice ?? invoice;
  const notes = await listCreditNotesForOperator({ invoiceId: invoice.id });
  await recordAudit({
    organizationId: invoice.organizationId,
    actor: { type: 'operator', id: params.operatorUserId },
    action: 'credit_note.issued',
    target: { type: 'invoice', id: invoice.id },
    data: {
      creditNoteId: note.id,
      number: note.number,
      total: note.total,
      currency: note.currency,
      // The consumption tax returned, per rate (what the 返品・値引明細書 states).
      taxes: (note.total_taxes ?? []).map((t) => ({ rate: t.tax_rate_details?.tax_rate ?? null, inclusive: t.tax_behavior === 'inclusive', amount: t.amount })),
      type: note.type,
      reason: note.reason,
      settlement: invoice.status === 'open' ? 'amount_due' : params.settlement,
      by: params.by,
      attempt: params.attempt,
      before: { status: invoice.status, amountRemaining: invoice.amountRemaining, creditNotes: notes.length - 1 },
      after: { status: after.status, amountRemaining: after.amountRemaining, creditNotes: notes.length },
    },
  });
  return { outcome: 'issued', creditNoteId: note.id, number: note.number };
}
