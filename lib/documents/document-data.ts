// Gathers an invoice's document (the invoice itself or its receipt) from the mirror and the branding settings:
// the invoice and its lines, the organization's billing details and the card that paid when the mirror knows it.
// Never calls Stripe.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { db, type Tx } from '@/db';
import { getBillingDetails } from '@/db/queries/billing-details';
import { getCreditNoteForOrganization, listCreditNotesForOperator, listPaidWaysOfInvoice, type CreditNoteRecord } from '@/db/queries/invoice-adjustments';
import { getInvoiceForOperator, getInvoiceWithLines, type InvoiceLineWithCatalog, type InvoiceRecord } from '@/db/queries/invoices';
import { stripeCustomers, stripePaymentMethods, stripeSubscriptions } from '@/db/schema';
import { isOffStripePaymentMethod, paymentMethods } from '@/lib/back-office/adjustment-options';
import { hasReceipt } from '@/lib/billing/invoices/invoice-details';
import { getBrandingLogo } from '@/lib/branding/logo';
import { getBrandingSettings } from '@/lib/branding/settings';
import type { DocumentModel, DocumentPaymentMethod } from './document-model';
import { creditNoteDocumentModelFrom } from './credit-note-document-model';
import { invoiceDocumentModelFrom } from './invoice-document-model';

type Kind = 'invoice' | 'receipt';

/** The organization's invoice (or its receipt, only once paid) as a document; null when not theirs / not paid. */
export async function loadInvoiceDocument(params: { organizationId: string; invoiceId: string; kind: Kind }, tx: Tx = db): Promise<DocumentModel | null> {
  const found = await getInvoiceWithLines(params, tx);
  if (!found) return null;
  return documentOf({ ...found, kind: params.kind }, tx);
}

/** Any invoice in the mirror, for operators (drafts included). */
export async function loadInvoiceDocumentForOperator(params: { invoiceId: string; kind: Kind }, tx: Tx = db): Promise<DocumentModel | null> {
  const found = await getInvoiceForOperator({ invoiceId: params.invoiceId }, tx);
  if (!found) return null;
  return documentOf({ invoice: found.invoice, lines: found.lines, kind: params.kind }, tx);
}

async function documentOf(params: { invoice: InvoiceRecord; lines: InvoiceLineWithCatalog[]; kind: Kind }, tx: Tx): Promise<DocumentModel | null> {
  const { invoice, kind } = params;
  if (kind === 'receipt' && !hasReceipt(invoice)) return null;
  const [billing, branding, logo, card, paidWays] = await Promise.all([
    invoice.organizationId ? getBillingDetails({ organizationId: invoice.organizationId }, tx) : null,
    getBrandingSettings(tx),
    getBrandingLogo(tx),
    payingCard(invoice, tx),
    kind === 'receipt' ? listPaidWaysOfInvoice({ invoiceId: invoice.id, customerId: invoice.customerId }, tx) : [],
  ]);
  const paymentMethod = recordedPaymentMethod(invoice, paidWays) ?? card;
  return invoiceDocumentModelFrom({ kind, invoice, lines: params.lines, billing: billing?.details ?? null, branding, logo, paymentMethod });
}

/** A credit note on the organization's invoice as Seikyu's document; null when either is not theirs. */
export async function loadCreditNoteDocument(
  params: { organizationId: string; invoiceId: string; creditNoteId: string },
  tx: Tx = db,
): Promise<DocumentModel | null> {
  const [found, note] = await Promise.all([getInvoiceWithLines(params, tx), getCreditNoteForOrganization(params, tx)]);
  return found && note ? creditNoteDocumentOf({ ...found, note }, tx) : null;
}

/** A credit note on any invoice in the mirror, for operators. */
export async function loadCreditNoteDocumentForOperator(params: { invoiceId: string; creditNoteId: string }, tx: Tx = db): Promise<DocumentModel | null> {
  const [found, notes] = await Promise.all([getInvoiceForOperator({ invoiceId: params.invoiceId }, tx), listCreditNotesForOperator({ invoiceId: params.invoiceId }, tx)]);
  const note = notes.find((n) => n.id === params.creditNoteId);
  return found && note ? creditNoteDocumentOf({ invoice: found.invoice, lines: found.lines, note }, tx) : null;
}

async function creditNoteDocumentOf(params: { invoice: InvoiceRecord; lines: InvoiceLineWithCatalog[]; note: CreditNoteRecord }, tx: Tx): Promise<DocumentModel> {
  const { invoice } = params;
  const [billing, branding, logo] = await Promise.all([
    invoice.organizationId ? getBillingDetails({ organizationId: invoice.organizationId }, tx) : null,
    getBrandingSettings(tx),
    getBrandingLogo(tx),
  ]);
  return creditNoteDocumentModelFrom({ note: params.note, invoice, invoiceLines: params.lines, billing: billing?.details ?? null, branding, logo });
}

/**
 * How a receipt says the invoice was paid when it was not (only) the card Stripe charged automatically: each way
 * once, in one fixed order (the card, then the operators' form's): 「銀行振込、現金」 for a transfer and the rest in
 * cash; 「カード」 for an invoice sent for payment that the customer paid by card. Null when the automatic card says
 * it all, or nothing was paid yet. Pure.
 */
export function recordedPaymentMethod(
  invoice: Pick<InvoiceRecord, 'collectionMethod'>,
  paid: readonly { type: string; method: string | null }[],
): DocumentPaymentMethod | null {
  const recorded = paid.some((p) => p.type === 'payment_record');
  if (paid.length === 0 || (!recorded && invoice.collectionMethod === 'charge_automatically')) return null;
  const ways = new Set(paid.map((p) => (p.type === 'payment_record' ? (isOffStripePaymentMethod(p.method) ? p.method : 'other') : 'card')));
  return { type: 'recorded', ways: (['card', ...paymentMethods] as const).filter((way) => ways.has(way)) };
}

/**
 * The card Stripe charges for an automatically collected invoice, in Stripe's order: the invoice's default
 * payment method, the subscription's, then the customer's invoice default. Only a card mirrored for the
 * invoice's own customer is used; an invoice paid by bank transfer shows "bank transfer" instead (the builder).
 */
export async function payingCard(invoice: InvoiceRecord, tx: Tx = db): Promise<DocumentPaymentMethod | null> {
  if (invoice.collectionMethod !== 'charge_automatically') return null;
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === 'string' ? ref : (ref?.id ?? null));
  let paymentMethodId = idOf(data?.default_payment_method);
  if (!paymentMethodId && invoice.subscriptionId) {
    const [subscription] = await tx
      .select({ id: stripeSubscriptions.defaultPaymentMethodId })
      .from(stripeSubscriptions)
      .where(and(eq(stripeSubscriptions.id, invoice.subscriptionId), eq(stripeSubscriptions.customerId, invoice.customerId)))
      .limit(1);
    paymentMethodId = subscription?.id ?? null;
  }
  if (!paymentMethodId) {
    const [customer] = await tx
      .select({ id: stripeCustomers.defaultPaymentMethodId })
      .from(stripeCustomers)
      .where(eq(stripeCustomers.id, invoice.customerId))
      .limit(1);
    paymentMethodId = customer?.id ?? null;
  }
  if (!paymentMethodId) return null;
  const [card] = await tx
    .select({ brand: stripePaymentMethods.cardBrand, last4: stripePaymentMethods.cardLast4 })
    .from(stripePaymentMethods)
    .where(and(eq(stripePaymentMethods.id, paymentMethodId), eq(stripePaymentMethods.customerId, invoice.customerId), eq(stripePaymentMethods.type, 'card')))
    .limit(1);
  return card ? { type: 'card', ...card } : null;
}
