// The invoice PDF as a download: fetched from Stripe's `invoice_pdf` server-side (the browser never sees
// Stripe's URL). Shared by the customer's and the operator's document routes once each has checked access.
import 'server-only';
import type { InvoiceRecord } from '@/db/queries/invoices';
import { AppError } from '@/lib/errors';
import { documentFilename } from './invoice-details';
import { stripePdfResponse } from './invoice-document';

export async function invoicePdfResponse(invoice: InvoiceRecord): Promise<Response> {
  if (!invoice.invoicePdf) throw new AppError('not_found', `invoice ${invoice.id} has no PDF yet`);
  return stripePdfResponse(invoice.invoicePdf, documentFilename('invoice', invoice, 'stripe'), `invoice_pdf of ${invoice.id}`);
}
