// Gathers a paid invoice's receipt from the mirror, scoped to the organization: the invoice and its lines, the
// organization's billing details and the card that paid when the mirror knows it. Never calls Stripe.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { db, type Tx } from '@/db';
import { getBillingDetails } from '@/db/queries/billing-details';
import { getInvoiceWithLines, type InvoiceRecord } from '@/db/queries/invoices';
import { stripeCustomers, stripePaymentMethods, stripeSubscriptions } from '@/db/schema';
import { hasReceipt, visibleInvoiceLines } from '@/lib/billing/invoices/invoice-details';
import { receiptDocumentFrom } from './receipt-document';
import type { ReceiptDocument } from './receipt-pdf';

/** The receipt of the organization's paid invoice, or null when the invoice is not theirs or not paid. */
export async function loadReceiptDocument(params: { organizationId: string; invoiceId: string }, tx: Tx = db): Promise<ReceiptDocument | null> {
  const found = await getInvoiceWithLines(params, tx);
  if (!found || !hasReceipt(found.invoice)) return null;
  const { invoice, lines } = found;
  const [billing, paymentMethod] = await Promise.all([getBillingDetails({ organizationId: params.organizationId }, tx), payingCard(invoice, tx)]);
  return receiptDocumentFrom({ invoice, lines: visibleInvoiceLines(lines), billing: billing?.details ?? null, paymentMethod });
}

/**
 * The card Stripe charges for an automatically collected invoice, in Stripe's order: the invoice's default
 * payment method, the subscription's, then the customer's invoice default. Only a card mirrored for the
 * invoice's own customer is used; an invoice paid by bank transfer or out of band shows none. Also names the
 * card on the invoice's page.
 */
export async function payingCard(invoice: InvoiceRecord, tx: Tx = db): Promise<{ brand: string | null; last4: string | null } | null> {
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
  return card ?? null;
}
