// Stripe invoice → stripe_invoices row + its stripe_invoice_lines rows. Pure.
// This API version has no `invoice.subscription` / `invoice.paid`: the subscription is
// `parent.subscription_details.subscription` and paid-ness is `status === 'paid'`.
import type Stripe from 'stripe';
import { collectionMethod, invoiceStatus, type stripeInvoiceLines, type stripeInvoices } from '@/db/schema';
import { taxLinesOf } from '@/lib/billing/tax/tax-lines';
import { enumValue, fromUnix, idOf, metadataOf, snapshot } from './map-shared';

export type InvoiceRow = typeof stripeInvoices.$inferInsert;
export type InvoiceLineRow = typeof stripeInvoiceLines.$inferInsert;

export function invoiceSubscriptionId(invoice: Pick<Stripe.Invoice, 'parent'>): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

export function mapInvoiceLine(line: Stripe.InvoiceLineItem, invoiceId: string, position: number): InvoiceLineRow {
  const parent = line.parent;
  const proration =
    parent?.subscription_item_details?.proration ?? parent?.invoice_item_details?.proration ?? false;
  return {
    id: line.id,
    invoiceId,
    description: line.description,
    amount: line.amount,
    currency: line.currency,
    quantity: line.quantity,
    priceId: idOf(line.pricing?.price_details?.price),
    proration,
    periodStart: fromUnix(line.period?.start),
    periodEnd: fromUnix(line.period?.end),
    position,
    data: snapshot(line),
  };
}

/**
 * `lines` is the complete line list (the caller pages through `invoice.lines` when it has more); it defaults
 * to the page embedded in the invoice. `taxRates` describe the rates the invoice charged per line (Stripe names
 * them by id only); those in its `default_tax_rates` need not be given.
 */
export function mapInvoice(
  invoice: Stripe.Invoice,
  organizationId: string | null,
  lines: Stripe.InvoiceLineItem[] = invoice.lines.data,
  taxRates: Stripe.TaxRate[] = [],
): { invoice: InvoiceRow; lines: InvoiceLineRow[] } {
  const customerId = idOf(invoice.customer);
  if (!customerId) throw new Error(`invoice ${invoice.id} has no customer`);
  if (!invoice.status) throw new Error(`invoice ${invoice.id} has no status (a preview cannot be mirrored)`);
  return {
    invoice: {
      id: invoice.id,
      customerId,
      organizationId,
      subscriptionId: invoiceSubscriptionId(invoice),
      number: invoice.number,
      status: enumValue(invoiceStatus.enumValues, invoice.status, 'invoice status'),
      collectionMethod: enumValue(collectionMethod.enumValues, invoice.collection_method, 'collection method'),
      billingReason: invoice.billing_reason,
      currency: invoice.currency,
      subtotal: invoice.subtotal,
      total: invoice.total,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      amountRemaining: invoice.amount_remaining,
      tax: (invoice.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
      totalExcludingTax: invoice.total_excluding_tax ?? null,
      taxes: taxLinesOf(invoice, taxRates),
      autoAdvance: invoice.auto_advance ?? null,
      periodStart: fromUnix(invoice.period_start),
      periodEnd: fromUnix(invoice.period_end),
      dueDate: fromUnix(invoice.due_date),
      finalizedAt: fromUnix(invoice.status_transitions?.finalized_at),
      paidAt: fromUnix(invoice.status_transitions?.paid_at),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      invoicePdf: invoice.invoice_pdf ?? null,
      metadata: metadataOf(invoice.metadata),
      stripeCreated: fromUnix(invoice.created),
      data: snapshot({ ...invoice, lines: { ...invoice.lines, data: lines, has_more: false } }),
    },
    lines: lines.map((line, position) => mapInvoiceLine(line, invoice.id, position)),
  };
}
